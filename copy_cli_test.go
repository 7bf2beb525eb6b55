package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"journeycanvas/data"
	"journeycanvas/data/pgtest"
)

// commentAndVersion gives map id of the file a discussion and a saved version, as the window
// makes them: Lan's thread on the first card with Minh's reply, a resolved thread on the first
// stage, one on the map; then the version "Trước buổi duyệt".
func commentAndVersion(t *testing.T, file string, id int64) {
	t.Helper()
	s, err := data.Open(file, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	s.SetAuthor("Lan", "1.1")
	root, err := s.AddComment(data.Comment{MapID: id, TargetKind: data.OnCard, TargetID: m.Cards[0].ID, Text: "Bước này có cần đăng nhập không?"})
	if err != nil {
		t.Fatal(err)
	}
	s.SetAuthor("Minh", "2.1")
	if _, err := s.AddComment(data.Comment{MapID: id, ParentID: root, Text: "Không, khách vãng lai cũng được."}); err != nil {
		t.Fatal(err)
	}
	st, err := s.AddComment(data.Comment{MapID: id, TargetKind: data.OnStage, TargetID: m.Stages[0].ID, Text: "Đổi tên giai đoạn này"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ResolveThread(id, st, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(data.Comment{MapID: id, TargetKind: data.OnMap, TargetID: id, Text: "Gửi chị Hương xem thứ Hai"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveVersion(id, "Trước buổi duyệt"); err != nil {
		t.Fatal(err)
	}
}

// versionsOf lists the labels and times of a map's versions, as "label@time" lines.
func versionsOf(t *testing.T, ws string, id string) string {
	t.Helper()
	s := readOnly(t, ws)
	mid, err := s.FindMap(id)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := s.Versions(mid)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(v.Label + "@" + v.Created.String() + "\n")
	}
	return b.String()
}

// copied reads the "ID<TAB>TITLE" lines copy prints.
func copied(t *testing.T, out string) (ids, titles []string) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		id, title, ok := strings.Cut(l, "\t")
		if !ok || id == "" || title == "" {
			t.Fatalf("copy printed %q", out)
		}
		ids, titles = append(ids, id), append(titles, title)
	}
	return ids, titles
}

// A team's maps go from a file to a PostgreSQL database and back into a new file: chosen with
// --map, they arrive with their comments and versions, and each exports to the same PNG from all
// three.
func TestCopyCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "team.journey")
	titles := map[string]string{} // id in the file → title
	var ids []string
	for _, src := range []string{"sample.json", "vietnamese.mmd", "ecommerce.csv"} {
		out, errOut, code := run(t, "import", file, samples+src)
		if code != 0 {
			t.Fatalf("import %s: %s", src, errOut)
		}
		id, title, _ := strings.Cut(strings.TrimSpace(out), "\t")
		titles[id] = title
		ids = append(ids, id)
	}
	vn := ids[1]
	vnID, err := strconv.ParseInt(vn, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	commentAndVersion(t, file, vnID)

	// The Vietnamese map by id, the e-commerce one by title and again by id: two maps.
	eco := ids[2]
	db := pgtest.DB(t)
	out, errOut, code := run(t, "copy", file, db, "--map", vn, "--map", titles[eco], "--map", eco)
	if code != 0 {
		t.Fatalf("copy into the database: %d %s", code, errOut)
	}
	inDB, got := copied(t, out)
	if len(got) != 2 || got[0] != titles[vn] || got[1] != titles[eco] {
		t.Fatalf("copied %q, want the two maps named, once each, in the order named", got)
	}
	if list, _, _ := run(t, "list", db); strings.Count(list, "\n") != 2 {
		t.Fatalf("the database lists %q", list)
	}

	back := filepath.Join(dir, "back", "home.journey")
	os.Mkdir(filepath.Dir(back), 0o755)
	out, errOut, code = run(t, "copy", db, back)
	if code != 0 {
		t.Fatalf("copy back into a new file: %d %s", code, errOut)
	}
	inBack, gotBack := copied(t, out)
	if len(gotBack) != 2 {
		t.Fatalf("copied back %q", gotBack)
	}
	// Each map as its id in the file, the database and the file copied back.
	maps := [][3]string{{vn, inDB[0]}, {eco, inDB[1]}}
	for i, title := range gotBack {
		for j := range maps {
			if got[j] == title {
				maps[j][2] = inBack[i]
			}
		}
	}
	wss := [3]string{file, db, back}
	for _, w := range maps {
		title := titles[w[0]]
		// The same map in all three: its dump (comments with their authors, times and
		// resolved state; the map's own times) and its saved versions.
		var dumps, versions [3]string
		for i, ws := range wss {
			d, errOut, code := run(t, "dump", ws, "--map", w[i])
			if code != 0 {
				t.Fatalf("dump %s from %s: %s", title, ws, errOut)
			}
			dumps[i], versions[i] = d, versionsOf(t, ws, w[i])
		}
		if dumps[0] != dumps[1] || dumps[0] != dumps[2] {
			t.Fatalf("%s: the dumps differ:\nfile:\n%.600s\ndatabase:\n%.600s\nback:\n%.600s", title, dumps[0], dumps[1], dumps[2])
		}
		if versions[0] != versions[1] || versions[0] != versions[2] {
			t.Fatalf("%s: the versions differ: %q %q %q", title, versions[0], versions[1], versions[2])
		}
		if title == titles[vn] && (!strings.Contains(dumps[0], "Minh") || !strings.Contains(versions[0], "Trước buổi duyệt")) {
			t.Fatalf("%s: the comments or the version are missing: %s %s", title, dumps[0], versions[0])
		}
		// The same PNG, byte for byte, with the comment badges drawn.
		var pngs [3][]byte
		for i, ws := range wss {
			png := filepath.Join(t.TempDir(), "map.png")
			if _, errOut, code := run(t, "export", ws, "--map", w[i], "--comments", "-o", png); code != 0 {
				t.Fatalf("export %s from %s: %s", title, ws, errOut)
			}
			pngs[i], _ = os.ReadFile(png)
		}
		if len(pngs[0]) < 1000 || !bytes.Equal(pngs[0], pngs[1]) || !bytes.Equal(pngs[0], pngs[2]) {
			t.Fatalf("%s: the PNGs from the file, the database and the file copied back differ (%d, %d, %d bytes)",
				title, len(pngs[0]), len(pngs[1]), len(pngs[2]))
		}
	}
	if maps[0][2] == "" || maps[1][2] == "" {
		t.Fatalf("maps %v", maps)
	}
}

// A copy into the source itself, of a map the source does not have, or into a workspace that
// cannot be written is refused with one line, and the destination is left byte for byte as it
// was (or not made).
func TestCopyCommandRefused(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "team.journey")
	if _, errOut, code := run(t, "import", file, samples+"sample.json"); code != 0 {
		t.Fatal(errOut)
	}
	before, _ := os.ReadFile(file)
	fresh := filepath.Join(dir, "new.journey")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"copy", file}, 2, "copy needs SOURCE and DEST"},
		{[]string{"copy", file, fresh, "--map"}, 2, "flag needs an argument"},
		{[]string{"copy", file, file}, 1, "is the source itself"},
		{[]string{"copy", file, filepath.Join(dir, ".", "..", filepath.Base(dir), "team.journey")}, 1, "is the source itself"},
		{[]string{"copy", file, fresh, "--map", "Không có bản đồ này"}, 1, `no map with id or title "Không có bản đồ này"`},
		{[]string{"copy", filepath.Join(dir, "missing.journey"), fresh}, 1, "missing.journey"},
		{[]string{"copy", file, "postgres://nobody@/jc?host=" + filepath.Join(dir, "no-server") + "&connect_timeout=2"}, 1, "cannot be reached"},
	}
	for _, c := range cases {
		_, errOut, code := run(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", c.args, code, c.code, errOut, c.want)
		}
		if c.code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: error is not one line: %q", c.args, errOut)
		}
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Fatal("a refused copy changed the source")
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Fatal("a refused copy made its destination")
	}

	// A database the role may only read.
	db := pgtest.DB(t)
	if _, errOut, code := run(t, "import", db, samples+"vietnamese.mmd"); code != 0 {
		t.Fatal(errOut)
	}
	role, reader := pgtest.Reader(t, db, "")
	listed, _, _ := run(t, "list", db)
	_, errOut, code := run(t, "copy", file, reader)
	if code != 1 || !strings.Contains(errOut, "read-only") || !strings.Contains(errOut, role) {
		t.Fatalf("copy into a read-only database: %d %q", code, errOut)
	}
	if again, _, _ := run(t, "list", db); again != listed {
		t.Fatalf("the refused copy changed the database: %q, was %q", again, listed)
	}

	// A file on a read-only place.
	roDir := filepath.Join(dir, "ro")
	os.Mkdir(roDir, 0o755)
	ro := filepath.Join(roDir, "theirs.journey")
	if _, errOut, code := run(t, "import", ro, samples+"vietnamese.mmd"); code != 0 {
		t.Fatal(errOut)
	}
	roBefore, _ := os.ReadFile(ro)
	ro = readOnlyPlace(t, roDir, filepath.Base(ro))
	_, errOut, code = run(t, "copy", file, ro)
	if code != 1 || !strings.Contains(errOut, "read-only") {
		t.Fatalf("copy into a read-only file: %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(ro); !bytes.Equal(roBefore, after) {
		t.Fatal("the refused copy changed the read-only file")
	}
	if names, _ := os.ReadDir(roDir); len(names) != 1 {
		t.Fatalf("the refused copy left files beside the destination: %v", names)
	}
}

// readOnlyPlace makes dir unwritable and returns the path under which its file is to be opened:
// permission bits for a user; for root, whom they do not stop, a read-only bind mount, else the
// immutable attribute. Everything is undone when the test ends.
func readOnlyPlace(t *testing.T, dir, file string) string {
	t.Helper()
	p := filepath.Join(dir, file)
	if os.Geteuid() != 0 {
		os.Chmod(p, 0o444)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755); os.Chmod(p, 0o644) })
		return p
	}
	mnt := t.TempDir()
	if err := exec.Command("mount", "--bind", dir, mnt).Run(); err == nil {
		t.Cleanup(func() { exec.Command("umount", mnt).Run() })
		if out, err := exec.Command("mount", "-o", "remount,bind,ro", mnt).CombinedOutput(); err != nil {
			t.Skipf("a read-only bind mount is not possible here: %v %s", err, out)
		}
		return filepath.Join(mnt, file)
	}
	if out, err := exec.Command("chattr", "+i", p, dir).CombinedOutput(); err != nil {
		t.Skipf("neither a read-only mount nor chattr +i is possible here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", p, dir).Run() })
	return p
}

// With standard output full, copy exits 1 with one line that names every map it added, so none
// is lost.
func TestCopyCommandStdoutFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	dir := t.TempDir()
	file, dest := filepath.Join(dir, "team.journey"), filepath.Join(dir, "copy.journey")
	for _, src := range []string{"ecommerce.csv", "vietnamese.mmd"} {
		if _, errOut, code := run(t, "import", file, samples+src); code != 0 {
			t.Fatal(errOut)
		}
	}
	e, code := runWithStdout(t, full, "copy", file, dest)
	if code != 1 || strings.Count(strings.TrimSpace(e), "\n") != 0 {
		t.Fatalf("copy > /dev/full: exit %d, stderr %q; want 1 and one line", code, e)
	}
	for _, w := range []string{"standard output", `maps 1 ("ecommerce"), 2 ("Mua mỹ phẩm trực tuyến") were added to`, dest} {
		if !strings.Contains(e, w) {
			t.Errorf("copy > /dev/full: stderr %q does not name %q", e, w)
		}
	}
	if out, _, _ := run(t, "list", dest); strings.Count(out, "\n") != 2 {
		t.Fatalf("the copy holds %q", out)
	}
}
