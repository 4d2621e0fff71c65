package langname

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"
)

func TestNames(t *testing.T) {
	for _, tt := range []struct{ tag, english, native string }{
		{"en", "English", "English"},
		{"pt-BR", "Brazilian Portuguese", "português (Brasil)"},
		{"zh-Hant", "Traditional Chinese", "繁體中文"},
		{"sr-Cyrl", "Serbian (Cyrillic)", "српски (ћирилица)"},
		{"sr-Latn", "Serbian (Latin)", "srpski (latinica)"},
		{"qaa", "qaa", "qaa"},
		{"qaa-Arab", "qaa-Arab", "qaa-Arab"},
	} {
		tag := language.MustParse(tt.tag)
		if got := English(tag); got != tt.english {
			t.Errorf("English(%s) = %q; want %q", tt.tag, got, tt.english)
		}
		if got := Native(tag); got != tt.native {
			t.Errorf("Native(%s) = %q; want %q", tt.tag, got, tt.native)
		}
	}
}

// TestNamesUpToDate: names_gen.go is what gen_names.go writes now, from
// CLDR and the locale files, so every shipped locale is named.
func TestNamesUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to run gen_names.go")
	}
	out := filepath.Join(t.TempDir(), "names_gen.go")
	if msg, err := exec.Command(goTool, "run", "gen_names.go", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("go run gen_names.go: %v: %s", err, msg)
	}
	want, _ := os.ReadFile(out)
	got, _ := os.ReadFile("names_gen.go")
	if !bytes.Equal(got, want) {
		t.Error("names_gen.go is out of date: run go generate ./internal/langname")
	}
}
