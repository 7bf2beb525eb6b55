# Journey Canvas. Two commands set everything up on a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds, opens the app on the default workspace
#   make test   installs what is missing, builds, runs every test (the end-to-end one under Xvfb)
SHELL := /bin/bash
# Fyne reads the language from LANG; "C" is not a language it can parse.
export LANG := en_US.UTF-8
unexport LC_ALL LC_MESSAGES LANGUAGE
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
export CGO_ENABLED := 1

BIN := journeycanvas
# Fyne needs a C compiler, GL and X11 headers; the real-window tests need Xvfb, xdotool and
# ImageMagick; sqlite3 is handy for looking inside a .journey file; the PDF and SVG tests read
# the exports back with poppler-utils (pdftoppm, pdffonts, pdftotext) and librsvg2-bin.
APT_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev xvfb xauth xdotool imagemagick sqlite3 poppler-utils librsvg2-bin
# The store's tests also run on a private PostgreSQL server (data/pgtest starts it).
APT_PKGS += postgresql

.PHONY: all deps build run test vet bench fuzz clean mermaid-cli

all: build

deps:
	@missing=""; for p in $(APT_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@command -v go >/dev/null || { echo "Go is needed (https://go.dev/dl, 1.26 or later)"; exit 1; }

build: deps
	go build -o $(BIN) .

run: build
	./$(BIN)

vet: deps
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	go vet ./...

# Every test: unit, store, crash safety, fuzz seed corpora, widget tests, and the end-to-end
# test that drives the real binary under Xvfb (it never skips when CI=true).
test: build vet mermaid-cli
	xvfb-run -a -s "-screen 0 1600x1000x24" go test -count=1 -timeout 30m ./...

# Mermaid's own renderer, for the test that it draws our Mermaid export as a journey
# (TestMermaidRendersJourney). With CI=true it is installed (Debian's chromium, and
# @mermaid-js/mermaid-cli from npm into .tools/mermaid, git-ignored; puppeteer never downloads
# a browser); elsewhere the test skips when it is missing. About a minute the first time.
MERMAID_CLI := 11.17.0
mermaid-cli:
	@if [ "$$CI" = true ] && [ ! -x .tools/mermaid/node_modules/.bin/mmdc ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  command -v chromium >/dev/null || { $$sudo apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q --no-install-recommends chromium; }; \
	  command -v npm >/dev/null || { DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q --no-install-recommends nodejs npm; }; \
	  mkdir -p .tools/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .tools/mermaid --no-audit --no-fund \
	    @mermaid-js/mermaid-cli@$(MERMAID_CLI); \
	fi

# Every benchmark; the launch benchmark needs a display, so all run under Xvfb.
bench: build
	xvfb-run -a -s "-screen 0 1600x1000x24" go test -run '^$$' -bench . -benchtime 20x ./...

# A short run of each fuzzer; the seeds alone run in make test.
fuzz: deps
	for f in FuzzReadJSON FuzzReadCSV FuzzReadCSVLocales FuzzReadOJF FuzzReadMermaid FuzzReadXLSX; do \
	  go test -run '^$$' -fuzz "^$$f$$" -fuzztime 30s -fuzzminimizetime 5s ./data/interchange/ || exit 1; \
	done

clean:
	rm -f $(BIN)

# ---- Builds for Linux and Windows, user install, the Windows build's wine smoke test ----
# (README "Install and build"). fyne.io/tools is installed into .tools/ at a fixed version.
# The Windows exe is cross-compiled with Debian's mingw-w64; wine runs it for the smoke test,
# in a private prefix kept under ~/.cache (its first boot takes a few seconds; nothing of it
# ships). update-mime-database and xdg-mime come with shared-mime-info and xdg-utils.
APT_PKGS += gcc-mingw-w64-x86-64 wine wine64 shared-mime-info xdg-utils libglib2.0-bin xz-utils
FYNE_TOOLS := fyne.io/tools/cmd/fyne@v1.7.4
FYNE := $(CURDIR)/.tools/fyne
APP_ID := io.journeycanvas.app
XDG_DATA_HOME ?= $(HOME)/.local/share
BINDIR ?= $(HOME)/.local/bin
WINEPREFIX_JC ?= $(HOME)/.cache/journeycanvas-wine
# fyne package counts its builds in FyneApp.toml (rewriting the file): the file is kept as it is.
FYNE_PACKAGE := cp FyneApp.toml .tools/FyneApp.toml.keep && trap 'cp .tools/FyneApp.toml.keep FyneApp.toml' EXIT && $(FYNE) package
PKG := dist/linux/journeycanvas
WINE_ENV := WINEPREFIX=$(WINEPREFIX_JC) WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

.PHONY: dist dist-linux dist-windows install uninstall install-test wine-test

$(FYNE):
	GOBIN=$(CURDIR)/.tools go install $(FYNE_TOOLS)

dist: dist-linux dist-windows

# dist/journeycanvas-linux-amd64.tar.xz: fyne package's archive (binary, icon, .desktop, a
# Makefile whose `make user-install` installs them) with the .journey file type added.
dist-linux: deps $(FYNE)
	rm -rf dist/linux dist/build && mkdir -p dist/linux dist/build
	go build -trimpath -ldflags "-s -w" -o dist/build/journeycanvas .
	$(FYNE_PACKAGE) -os linux --exe dist/build/journeycanvas
	tar -C dist/linux -xJf "Journey Canvas.tar.xz" && rm "Journey Canvas.tar.xz"
	install -Dm644 packaging/linux/$(APP_ID).xml $(PKG)/usr/local/share/mime/packages/$(APP_ID).xml
	# %f, not fyne's %F: several files chosen together start one process each, and each opens
	# its window in the running app (the command line takes one file).
	sed -i 's/^\(Exec=.*\) %F$$/\1 %f/' $(PKG)/usr/local/share/applications/$(APP_ID).desktop
	# fyne's Makefile names the binary "journeycanvas %F" (the field code of a program that
	# opens files): its install rules would look for a file of that name.
	sed -i 's/^Exec := "\(.*\) %F"$$/Exec := "\1"/' $(PKG)/Makefile
	printf '%s\n' '' 'user-install: user-install-mime' 'user-install-mime:' \
	  '	install -Dm00644 usr/local/share/mime/packages/$(APP_ID).xml $$(HOME)/.local/share/mime/packages/$(APP_ID).xml' \
	  '	-update-mime-database $$(HOME)/.local/share/mime' >> $(PKG)/Makefile
	tar -C dist/linux -cJf dist/journeycanvas-linux-amd64.tar.xz journeycanvas
	@echo "dist/journeycanvas-linux-amd64.tar.xz"

# dist/windows/journeycanvas.exe: amd64, a GUI program carrying its icon, manifest and version
# from FyneApp.toml (fyne package writes them into a .syso for the build); Go links everything
# else statically, so it needs nothing installed.
dist-windows: deps $(FYNE)
	rm -f "Journey Canvas.exe" journeycanvas.exe
	export CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64; $(FYNE_PACKAGE) -os windows --release --exe journeycanvas.exe
	mkdir -p dist/windows && mv "Journey Canvas.exe" dist/windows/journeycanvas.exe
	@echo "dist/windows/journeycanvas.exe"

# For the current user, in the XDG folders: the program in ~/.local/bin, its menu entry, its
# icon and the .journey file type (a double-click opens the file in the app).
install: dist-linux
	install -Dm755 $(PKG)/usr/local/bin/journeycanvas $(BINDIR)/journeycanvas
	install -Dm644 $(PKG)/usr/local/share/pixmaps/$(APP_ID).png $(XDG_DATA_HOME)/icons/hicolor/256x256/apps/$(APP_ID).png
	install -Dm644 packaging/linux/$(APP_ID).xml $(XDG_DATA_HOME)/mime/packages/$(APP_ID).xml
	mkdir -p $(XDG_DATA_HOME)/applications
	sed -e 's|^Exec=journeycanvas|Exec=$(BINDIR)/journeycanvas|' \
	  $(PKG)/usr/local/share/applications/$(APP_ID).desktop > $(XDG_DATA_HOME)/applications/$(APP_ID).desktop
	update-mime-database $(XDG_DATA_HOME)/mime
	-command -v update-desktop-database >/dev/null && update-desktop-database $(XDG_DATA_HOME)/applications
	-xdg-mime default $(APP_ID).desktop application/x-journeycanvas
	@echo "installed: $(BINDIR)/journeycanvas and its menu entry and file type"

uninstall:
	rm -f $(BINDIR)/journeycanvas $(XDG_DATA_HOME)/applications/$(APP_ID).desktop \
	  $(XDG_DATA_HOME)/icons/hicolor/256x256/apps/$(APP_ID).png $(XDG_DATA_HOME)/mime/packages/$(APP_ID).xml
	-[ -d $(XDG_DATA_HOME)/mime ] && update-mime-database $(XDG_DATA_HOME)/mime
	-command -v update-desktop-database >/dev/null && update-desktop-database $(XDG_DATA_HOME)/applications

# install and uninstall in a throw-away home: the files, and what xdg-mime then says.
install-test: dist-linux
	packaging/linux/check-install.sh

# The Windows exe under wine in Xvfb (wine_test.go): headless commands, the same PNG bytes as
# the Linux build, the window showing the board, a path with Vietnamese letters and spaces.
# Wine 8 lacks bcryptprimitives.dll, which Go programs load: a stand-in (ProcessPrng over
# RtlGenRandom) is built into the private prefix.
wine-test: dist-windows
	@if [ ! -f $(WINEPREFIX_JC)/system.reg ]; then echo "Creating the wine prefix $(WINEPREFIX_JC)"; \
	  mkdir -p $(WINEPREFIX_JC) && $(WINE_ENV) WINEARCH=win64 wineboot -i >/dev/null 2>&1; $(WINE_ENV) wineserver -w; fi
	x86_64-w64-mingw32-gcc -O2 -shared -o $(WINEPREFIX_JC)/drive_c/windows/system32/bcryptprimitives.dll \
	  packaging/wine/bcryptprimitives.c -ladvapi32
	set -o pipefail; $(WINE_ENV) WINE_EXE=$(CURDIR)/dist/windows/journeycanvas.exe xvfb-run -a -s "-screen 0 1600x1000x24" \
	  go test -tags wine -count=1 -run 'TestWine' -v -timeout 10m . 2>&1 | grep -v '^XGetInputFocus'; \
	  code=$$?; $(WINE_ENV) wineserver -k 2>/dev/null; exit $$code

# A real input method (fcitx5 + Unikey over XIM) typing Telex into a card's title under Xvfb
# (e2e_ime_test.go, part of make test); this target runs it alone.
APT_PKGS += fcitx5 fcitx5-unikey dbus x11-utils
.PHONY: ime-test
ime-test: build
	xvfb-run -a -s "-screen 0 1600x1000x24" go test -count=1 -run TestE2EVietnameseIME -v .

# localeenv is a module of its own, which ./... does not reach: its test runs with make test.
.PHONY: localeenv-test
test: localeenv-test
localeenv-test:
	cd localeenv && go test -count=1 ./...
