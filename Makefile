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
