package msgfile

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestReadFileSpecialFiles: a locale folder opened with OpenDir serves its
// own regular files only. Links out of it, devices, named pipes and
// directories are errors that name the file, and none of them blocks or
// reads without end.
func TestReadFileSpecialFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links and named pipes")
	}
	top := t.TempDir()
	dir := filepath.Join(top, "locales")
	outside := filepath.Join(top, "outside")
	for _, d := range []string{dir, outside, filepath.Join(dir, "th.toml"+".d")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "secret.toml"), "[Hello]\nother = \"from outside\"\n")
	write(filepath.Join(dir, "fr.toml"), "[Hello]\nother = \"Bonjour\"\n")
	link("../outside/secret.toml", "th.toml")
	link(filepath.Join(outside, "secret.toml"), "ja.toml")
	link("/dev/zero", "ko.toml")
	link("missing.toml", "vi.toml")
	link("fr.toml", "fil.toml") // inside the folder: allowed
	if err := os.Mkdir(filepath.Join(dir, "de.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "ru.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want string // a piece of the error; "" when the file is read
	}{
		{"th.toml", "th.toml"},            // relative link out of the folder
		{"ja.toml", "ja.toml"},            // absolute link out of the folder
		{"ko.toml", "ko.toml"},            // /dev/zero
		{"vi.toml", "vi.toml"},            // dangling link
		{"de.toml", "not a regular file"}, // a directory
		{"ru.toml", "not a regular file"}, // a named pipe
		{"fil.toml", ""},
		{"fr.toml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var f *File
			var got []Finding
			go func() {
				defer close(done)
				f, got = ReadFile(fsys, tt.name, "locales/"+tt.name)
			}()
			<-done // a blocking open would hang here, and the test time out
			if tt.want == "" {
				if f == nil || f.Get("Hello").Other != "Bonjour" {
					t.Fatalf("ReadFile(%s) = %v, %v; want the folder's own file", tt.name, f, got)
				}
				return
			}
			if f != nil || len(got) != 1 || got[0].Severity != Error {
				t.Fatalf("ReadFile(%s) = %v, %v; want one error", tt.name, f, got)
			}
			if s := got[0].String(); !strings.Contains(s, "locales/"+tt.name) || !strings.Contains(s, tt.want) {
				t.Errorf("ReadFile(%s): %s; want it to name the file and say %q", tt.name, s, tt.want)
			}
		})
	}
}

// TestReadFileDevZero: even without OpenDir, a link to a device is refused
// before it is opened.
func TestReadFileDevZero(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "th.toml")); err != nil {
		t.Fatal(err)
	}
	f, got := ReadFile(os.DirFS(dir), "th.toml", "th.toml")
	if f != nil || len(got) != 1 || !strings.Contains(got[0].Err.Error(), "a device") {
		t.Errorf("ReadFile of a link to /dev/zero: %v", got)
	}
}

func TestNesting(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	tests := []struct {
		name string
		src  string
		line int // of the finding; 0 when the nesting is allowed
		col  int
	}{
		{"message tables", enSrc, 0, 0},
		{"header at the limit", "[a.b.c.d.e.f.g]\nh = \"x\"\n", 0, 0},
		{"header parts", "[a.b.c.d.e.f.g.h.i]\nother = \"x\"\n", 1, 2},
		{"array of tables", "[[a.b.c.d.e.f.g.h.i]]\n", 1, 3},
		{"header and key together", "[a.b.c.d.e]\nf.g.h.i = \"x\"\n", 2, 1},
		{"dotted key", "a.b.c.d.e.f.g.h.i = 1\n", 1, 1},
		{"quoted parts count", `a."b".'c'.d.e.f.g.h.i = 1` + "\n", 1, 1},
		{"a quoted dot is one part", `["a.b.c.d.e.f.g.h.i"]` + "\nother = \"x\"\n", 0, 0},
		{"inline tables", "x = " + deep("{a=", "}", 5) + "\n", 1, 15},
		{"arrays", "\n\nx = " + deep("[", "]", 20) + "\n", 3, 12},
		{"arrays at the limit", "x = " + deep("[", "]", 7) + "\n", 0, 0},
		{"arrays in inline tables", "x = {a = [{b = [[[1]]]}]}\n", 1, 18},
		{"inline tables in arrays across lines", "x = [\n{a = {b = {c = {d = 1}}}},\n]\n", 2, 16},
		{"unclosed", "x = " + strings.Repeat("{a=", 10), 1, 15},
		{"brackets in strings", "[Hello]\nother = \"[[[[[[[[[[{{{{{{{{{{\"\n", 0, 0},
		{"brackets in literal strings", "[Hello]\nother = '[[[[[[[[[[{{{{{{{{{{'\n", 0, 0},
		{"brackets in multi-line strings", "[Hello]\nother = \"\"\"\n[[[[[[[[[[\n\\\"\"\"[[[[[[[[[\n\"\"\"\n", 0, 0},
		{"brackets in multi-line literal strings", "[Hello]\nother = '''\n[a.b.c.d.e.f.g.h.i]\n{{{{{{{{{''''\n", 0, 0},
		{"brackets in comments", "# [[[[[[[[[[[[\n[Hello] # {{{{{{{{{{{\nother = \"x\" # [a.b.c.d.e.f.g.h.i]\n", 0, 0},
		{"after a multi-line string with extra quotes", "a = \"\"\"x\"\"\"\"\"\nb = " + deep("[", "]", 9) + "\n", 2, 12},
		{"braces without keys", "x = {" + strings.Repeat("{", 20) + "\n", 1, 12},
		{"braces at the start of a line", strings.Repeat("{", 20) + "\n", 1, 9},
		{"after a BOM", "\uFEFFx = " + deep("[", "]", 9) + "\n", 1, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, got := Parse("th.toml", []byte(tt.src))
			var nest *Finding
			for i := range got {
				if strings.Contains(got[i].Err.Error(), "nesting is deeper than 8 levels") {
					nest = &got[i]
				}
			}
			if tt.line == 0 {
				if nest != nil {
					t.Fatalf("refused: %v", nest)
				}
				return
			}
			if f != nil || nest == nil || len(got) != 1 {
				t.Fatalf("Parse = %v, %v; want one nesting finding", f, got)
			}
			if nest.Line != tt.line || nest.Column != tt.col {
				t.Errorf("finding at %d:%d; want %d:%d (%v)", nest.Line, nest.Column, tt.line, tt.col, nest)
			}
		})
	}
}
