package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"journeycanvas/data"
	"journeycanvas/data/interchange"
	"journeycanvas/export"
)

const usage = `Journey Canvas: customer journey maps.

usage:
  journeycanvas                          open the app on the default workspace
  journeycanvas FILE.journey             open the app on FILE
  journeycanvas import FILE.journey SOURCE
                                         add the map in SOURCE (.json .csv .xlsx .ojf .mmd) to FILE
                                         (created if missing); prints the new map's id and title
  journeycanvas list FILE.journey        one line per map: id, title, type, stages, cards
  journeycanvas dump FILE.journey --map ID|TITLE
                                         the map's native JSON on standard output
  journeycanvas copy SOURCE DEST [--map ID|TITLE]…
                                         copy maps with their saved versions and comments (all
                                         of them without --map) from one workspace into another,
                                         a file or a database either side, DEST made if new;
                                         each is added as a new map; prints its id and title
  journeycanvas export (FILE.journey --map ID|TITLE | SOURCE) -o OUT.png|-
        [--scale 0.25…8 | --width PX] [--theme light|dark] [--transparent] [--stages FROM..TO]
        [--compare ID|TITLE]             the map as a PNG image; --compare lays the emotion
                                         curve of another map of FILE over its own; -o -
                                         writes the image to standard output, and a link
                                         named by -o is written through, not replaced;
                                         --comments (PNG, PDF, SVG) draws each card's count of
                                         comments in open threads, as the board does
  journeycanvas export (FILE.journey --map ID|TITLE | SOURCE) -o OUT.ojf|.mmd|.csv|.xlsx|.json|-
        [--format ojf|mermaid|csv|xlsx|json]
                                         the map in another tool's format (the format from
                                         --format, else from OUT's extension); says on
                                         standard error what the format cannot carry; an
                                         existing OUT is replaced whole
  journeycanvas export (FILE.journey --map ID|TITLE | SOURCE) --per-stage -o DIR
        [--width PX] [--theme light|dark] [--compare ID|TITLE] [--replace]
                                         one 16:9 slide per stage (the stage in context, as
                                         presentation mode shows it) and one of the whole map,
                                         named in order (01-awareness.png …); prints each file.
                                         A folder holding an earlier deck's other slides is
                                         refused; --replace removes them
  journeycanvas export (FILE.journey --map ID|TITLE | SOURCE) -o OUT.pdf|OUT.svg|- [--format pdf|svg]
        [--paper A4|A3|A2|A1|A0|letter|tabloid] [--landscape] [--tile PAPER] [--outline-text]
        [--theme light|dark] [--transparent] [--stages FROM..TO] [--compare ID|TITLE]
                                         the map in vectors, its text real and searchable in
                                         the embedded Noto Sans: one page the size of the map,
                                         or fitted to --paper, or split across --tile pages with
                                         overlap and crop marks; --per-stage -o deck.pdf makes a
                                         16:9 deck; --outline-text writes an SVG's text as paths
  journeycanvas templates [--lang vi|en] one line per template: id, name, description
  journeycanvas new FILE.journey --template ID [--lang vi|en] [--title TITLE]
                                         add a map made from a template; prints its id and title

Wherever FILE.journey is taken, a PostgreSQL database may be named instead, as libpq names it:
postgres://USER@HOST/DB (or postgresql://…, or "host=HOST dbname=DB"); sslmode and the other
parameters are honoured, and passwords come from PGPASSFILE or ~/.pgpass.
`

// usageError is a mistake in the command line itself: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// runCLI runs a headless sub-command and returns its exit status. When the arguments ask for
// the desktop app instead, it returns the workspace to open.
func runCLI(args []string, stdout, stderr io.Writer) (code int, workspace string) {
	app := len(args) == 0 || len(args) == 1 && !strings.HasPrefix(args[0], "-") && !isCommand(args[0])
	if app && displayMissing(runtime.GOOS, os.Getenv) {
		// Checked before anything is created: the toolkit would make its settings folder and
		// DefaultPath the data folder, then fail to open a window.
		fmt.Fprintln(stderr, "journeycanvas: no display: set DISPLAY, or use a sub-command")
		return 1, ""
	}
	if len(args) == 0 {
		path, err := data.DefaultPath()
		if err != nil {
			fmt.Fprintln(stderr, "journeycanvas:", err)
			return 1, ""
		}
		return 0, path
	}
	// Every command writes through out, which remembers a failed write (a full disk, a closed
	// file): the command then fails, rather than exit 0 with its output lost.
	out := &checkedWriter{w: stdout}
	stdout = out
	var err error
	switch args[0] {
	case "import":
		err = cmdImport(args[1:], stdout, stderr)
	case "list":
		err = cmdList(args[1:], stdout)
	case "dump":
		err = cmdDump(args[1:], stdout)
	case "copy":
		err = cmdCopy(args[1:], stdout)
	case "export":
		err = cmdExport(args[1:], stdout, stderr)
	case "templates":
		err = cmdTemplates(args[1:], stdout)
	case "new":
		err = cmdNew(args[1:], stdout)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
	default:
		if strings.HasPrefix(args[0], "-") || len(args) > 1 {
			err = usageError{fmt.Sprintf("unknown command or option %q", args[0])}
			break
		}
		return 0, args[0]
	}
	if out.err != nil {
		var se stdoutError
		if !errors.As(err, &se) {
			err = stdoutError{err: out.err}
		}
	}
	var ue usageError
	switch {
	case err == nil:
		return 0, ""
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "journeycanvas: %s\n\n%s", ue.msg, usage)
		return 2, ""
	default:
		fmt.Fprintln(stderr, "journeycanvas:", oneLine(err.Error()))
		if data.SQLState(err) == "28P01" {
			fmt.Fprintln(stderr, "journeycanvas: give the password in ~/.pgpass (host:port:database:user:password, mode 0600), PGPASSFILE or PGPASSWORD")
		}
		return 1, ""
	}
}

// checkedWriter passes writes on to w and remembers the first error.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// stdoutError is a failed write to standard output; what says what was done all the same
// (a map created, whose id the user would otherwise lose).
type stdoutError struct {
	what string
	err  error
}

func (e stdoutError) Error() string {
	err := e.err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // "write /dev/stdout: …" names a file the user never gave
	}
	if e.what != "" {
		return fmt.Sprintf("%s, but writing it to standard output failed: %v", e.what, err)
	}
	return fmt.Sprintf("write standard output: %v", err)
}

func (e stdoutError) Unwrap() error { return e.err }

// printCreated prints the id and title of a map just made; when standard output cannot take
// them, the error names the map so the user can find it.
func printCreated(stdout io.Writer, path string, id int64, title string) error {
	if _, err := fmt.Fprintf(stdout, "%d\t%s\n", id, title); err != nil {
		return stdoutError{what: fmt.Sprintf("map %d (%q) was added to %s", id, title, path), err: err}
	}
	return nil
}

// isCommand reports whether name is one of the headless sub-commands (or help).
func isCommand(name string) bool {
	switch name {
	case "import", "list", "dump", "copy", "export", "templates", "new", "help":
		return true
	}
	return false
}

// displayMissing reports whether the desktop app has no display to open on: on Linux and the
// BSDs when neither DISPLAY (X11) nor WAYLAND_DISPLAY is set. Windows and macOS always have
// one.
func displayMissing(goos string, getenv func(string) string) bool {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == ""
	}
	return false
}

// oneLine keeps an error message on one line, as the contract promises.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// parse parses flags that may come before or after the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// openExisting opens a workspace that must already exist, for reading only: list, dump and
// export never write to it or beside it.
func openExisting(path string) (*data.Store, error) {
	if data.IsURL(path) {
		return data.Open(path, data.OpenOptions{ReadOnly: true})
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return data.Open(path, data.OpenOptions{ReadOnly: true})
}

func cmdImport(args []string, stdout, stderr io.Writer) error {
	pos, err := parse(flag.NewFlagSet("import", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError{"import needs FILE.journey and SOURCE"}
	}
	m, warnings, err := interchange.ReadFile(pos[1])
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintf(stderr, "journeycanvas: %s: warning: %s\n", pos[1], w)
	}
	s, err := openToWrite(pos[0])
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := s.CreateMap(m)
	if err != nil {
		return fmt.Errorf("import %s into %s: %w", pos[1], s.Path(), err)
	}
	return printCreated(stdout, s.Path(), id, m.Title)
}

func cmdList(args []string, stdout io.Writer) error {
	pos, err := parse(flag.NewFlagSet("list", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"list needs FILE.journey"}
	}
	s, err := openExisting(pos[0])
	if err != nil {
		return err
	}
	defer s.Close()
	maps, err := s.ListMaps()
	if err != nil {
		return err
	}
	for _, m := range maps {
		fmt.Fprintf(stdout, "%d\t%s\t%s\t%d stages\t%d cards\n", m.ID, m.Title, m.Type, m.Stages, m.Cards)
	}
	return nil
}

// loadMapArg opens FILE and loads the map named by --map.
func loadMapArg(path, ref string) (*data.Map, error) {
	if ref == "" {
		return nil, usageError{"--map ID|TITLE is required with a workspace (a .journey file or a database); `journeycanvas list " + data.WithoutPassword(path) + "` lists its maps"}
	}
	s, err := openExisting(path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	id, err := s.FindMap(ref)
	if err != nil {
		return nil, err
	}
	return s.LoadMap(id)
}

func cmdDump(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("dump", flag.ContinueOnError)
	ref := fs.String("map", "", "map id or title")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"dump needs FILE.journey --map ID|TITLE"}
	}
	m, err := loadMapArg(pos[0], *ref)
	if err != nil {
		return err
	}
	return interchange.WriteJSON(stdout, m)
}

func cmdExport(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	ref := fs.String("map", "", "map id or title")
	out := fs.String("o", "", "output PNG (- for standard output), or the folder of --per-stage")
	scale := fs.Float64("scale", 0, "device pixels per board pixel, 0.25 to 8 (default 2)")
	width := fs.Int("width", 0, "pixel width")
	theme := fs.String("theme", "light", "light or dark")
	transparent := fs.Bool("transparent", false, "transparent background")
	stages := fs.String("stages", "", "FROM..TO, 1-based")
	compare := fs.String("compare", "", "id or title of a map whose emotion curve to overlay")
	perStage := fs.Bool("per-stage", false, "one slide PNG per stage, and the whole map, into the directory -o")
	replace := fs.Bool("replace", false, "with --per-stage: remove the slides of an earlier deck from the folder")
	comments := fs.Bool("comments", false, "draw on each card the count of comments in its open threads")
	format := formatFlag(fs)             // every format: cli_formats.go
	vector := addVectorFlags(fs, format) // PDF and SVG: cli_vector.go
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usageError{"export needs (FILE.journey --map ID|TITLE | SOURCE) -o OUT.png"}
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if f, ok, err := interchangeFormat(*out, *format); err != nil || ok {
		if err != nil {
			return err
		}
		return exportInterchange(pos[0], *ref, *out, f, given, stdout, stderr)
	}
	if given["scale"] && given["width"] {
		return usageError{"give --scale or --width, not both"}
	}
	if *replace && !*perStage {
		return usageError{"--replace is for --per-stage: it removes an earlier deck's slides from the folder"}
	}
	if *perStage && *out == "-" {
		return usageError{"--per-stage writes several files: -o names their folder, not -"}
	}
	if *perStage && (*stages != "" || given["scale"] || *transparent) {
		return usageError{"--per-stage writes 16:9 slides of every stage: it takes --width, --theme and --compare, not --stages, --scale or --transparent"}
	}
	if given["scale"] && !(*scale >= export.MinScale && *scale <= export.MaxScale) {
		return usageError{fmt.Sprintf("--scale %g: use a factor from %g to %g (or --width)", *scale, export.MinScale, export.MaxScale)}
	}
	if given["width"] && *width < export.MinWidth {
		return usageError{fmt.Sprintf("--width %d: use at least %d px", *width, export.MinWidth)}
	}
	if *theme != "light" && *theme != "dark" {
		return usageError{fmt.Sprintf("--theme %q: use light or dark", *theme)}
	}
	opt := export.Options{Scale: *scale, Width: *width, Theme: *theme, Transparent: *transparent, Comments: *comments}
	if *stages != "" {
		from, to, ok := parseRange(*stages)
		if !ok {
			return usageError{fmt.Sprintf("--stages %q: use FROM..TO, e.g. 2..4", *stages)}
		}
		opt.StageFrom, opt.StageTo = from, to
	}
	if *compare != "" && !isWorkspace(pos[0]) {
		return usageError{"--compare needs a .journey file: " + pos[0] + " holds one map"}
	}
	var m *data.Map
	if isWorkspace(pos[0]) {
		m, err = loadMapArg(pos[0], *ref)
	} else {
		if *ref != "" {
			return usageError{"--map is for .journey files; " + pos[0] + " holds one map"}
		}
		var warnings []string
		m, warnings, err = interchange.ReadFile(pos[0])
		for _, w := range warnings {
			fmt.Fprintf(stderr, "journeycanvas: %s: warning: %s\n", pos[0], w)
		}
	}
	if err != nil {
		return err
	}
	if *compare != "" {
		if opt.Compare, err = loadMapArg(pos[0], *compare); err != nil {
			return fmt.Errorf("--compare: %w", err)
		}
	}
	if done, err := vector.exportVector(*out, m, opt, *perStage, given, stdout); done {
		return err
	}
	if *perStage {
		so := export.SlideOptions{Theme: *theme, Compare: opt.Compare, Replace: *replace}
		if *width > 0 {
			so.Width, so.Height = *width, (*width*9+8)/16
		}
		files, err := export.WriteSlides(*out, m, so)
		for _, f := range files {
			fmt.Fprintln(stdout, f)
		}
		return err
	}
	if opt.StageTo > len(m.Stages) {
		return fmt.Errorf("%s: --stages %s: the map has %d stages", data.WithoutPassword(pos[0]), *stages, len(m.Stages))
	}
	if *out == "-" {
		err = export.WritePNGTo(stdout, m, opt)
	} else {
		err = export.WritePNG(*out, m, opt)
	}
	var tl *export.TooLargeError
	if errors.As(err, &tl) {
		name := *out
		if name == "-" {
			name = "standard output"
		}
		return fmt.Errorf("export %s: %s", name, tooLargeAdvice(tl))
	}
	if err != nil && *out == "-" {
		return fmt.Errorf("export to standard output: %w", err)
	}
	return err
}

// isWorkspace reports whether export's argument is a workspace (a .journey file or a database)
// rather than a single map to read.
func isWorkspace(name string) bool {
	return data.IsURL(name) || strings.EqualFold(filepath.Ext(name), ".journey")
}

// tooLargeAdvice says why an export is too large and which options would make it fit.
func tooLargeAdvice(e *export.TooLargeError) string {
	msg := fmt.Sprintf("%v: the map would be %d × %d px and the limit is %d px a side", export.ErrTooLarge, e.W, e.H, export.MaxSide)
	if e.StageTooTall {
		msg += fmt.Sprintf(", and one stage alone is %d px tall", e.StageH)
	}
	var ways []string
	switch {
	case e.Scale > 0 && e.Width > 0:
		ways = append(ways, fmt.Sprintf("a smaller --scale (%s fits) or --width (%d px fits)", strconv.FormatFloat(e.Scale, 'f', -1, 64), e.Width))
	case e.Width > 0:
		ways = append(ways, fmt.Sprintf("a smaller --width (%d px fits)", e.Width))
	}
	switch {
	case e.StageTooTall:
		ways = append(ways, "--per-stage for slides, one stage on each")
	case e.Stages > 1:
		ways = append(ways, "--stages FROM..TO for fewer stages")
	}
	if len(ways) == 0 {
		return msg
	}
	return msg + "; use " + strings.Join(ways, ", or ")
}

func parseRange(s string) (from, to int, ok bool) {
	a, b, found := strings.Cut(s, "..")
	if !found {
		a, b = s, s
	}
	from, err1 := strconv.Atoi(a)
	to, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || from < 1 || to < from {
		return 0, 0, false
	}
	return from, to, true
}

func cmdTemplates(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("templates", flag.ContinueOnError)
	lang := fs.String("lang", "en", "vi or en")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageError{"templates takes no file"}
	}
	if *lang != "en" && *lang != "vi" {
		return usageError{fmt.Sprintf("--lang %q: use vi or en", *lang)}
	}
	for _, t := range data.Templates {
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", t.ID, t.NameIn(*lang), t.DescriptionIn(*lang))
	}
	return nil
}

func cmdNew(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	tpl := fs.String("template", "", "template id (see journeycanvas templates)")
	lang := fs.String("lang", "en", "vi or en")
	title := fs.String("title", "", "title of the new map")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *tpl == "" {
		return usageError{"new needs FILE.journey --template ID"}
	}
	if *lang != "en" && *lang != "vi" {
		return usageError{fmt.Sprintf("--lang %q: use vi or en", *lang)}
	}
	t, err := data.TemplateByID(*tpl)
	if err != nil {
		return usageError{fmt.Sprintf("--template %q: no such template; journeycanvas templates lists them", *tpl)}
	}
	m := t.Build(*lang)
	if *title != "" {
		m.Title = *title
	}
	s, err := openToWrite(pos[0])
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := s.CreateMap(m)
	if err != nil {
		return err
	}
	return printCreated(stdout, s.Path(), id, m.Title)
}

// openToWrite opens the workspace a command adds to; its edits are recorded under the
// account's name, from "the command line", so that the history says who imported a map.
func openToWrite(path string) (*data.Store, error) {
	s, err := data.Open(path, data.OpenOptions{})
	if err != nil {
		return nil, err
	}
	s.SetAuthor(data.AccountName(), fmt.Sprintf("cli.%d", os.Getpid()))
	return s, nil
}
