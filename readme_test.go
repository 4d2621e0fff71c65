package faceidmsg

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestReadmeQuickStart keeps the README's quick start a copy of Example, so
// the snippet people paste is one the tests run.
func TestReadmeQuickStart(t *testing.T) {
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(src), "func Example() {\n")
	if !ok {
		t.Fatal("example_test.go has no func Example")
	}
	code, output, ok := strings.Cut(body, "\t// Output:\n")
	if !ok {
		t.Fatal("Example has no // Output:")
	}
	output, _, _ = strings.Cut(output, "}\n")
	dedent := func(s, prefix string) string {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, prefix)
		}
		return strings.Join(lines, "\n") + "\n"
	}
	wantCode := "```go\n" + dedent(code, "\t") + "```\n"
	wantOutput := "```\n" + dedent(output, "\t// ") + "```\n"
	if !strings.Contains(string(readme), wantCode) {
		t.Errorf("README.md lacks the body of Example as a go block:\n%s", wantCode)
	}
	if !strings.Contains(string(readme), wantOutput) {
		t.Errorf("README.md lacks Example's output:\n%s", wantOutput)
	}
}

// TestReadmeLanguages keeps the README's list of languages the shipped
// one: its count, and each locale's English name, word for word where the
// list groups them ("Serbian (Cyrillic and Latin)", "Brazilian and
// European Portuguese").
func TestReadmeLanguages(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, list, _ := strings.Cut(string(readme), "Languages shipped (")
	list, _, _ = strings.Cut(list, "`faceidmsg languages`")
	words := strings.FieldsFunc(list, func(r rune) bool {
		return r == ' ' || r == '\n' || r == ',' || r == ';' || r == '.' || r == '(' || r == ')'
	})
	var n int
	for _, l := range newBundle(t).Languages() {
		if l.Pseudo {
			continue
		}
		n++
		for _, w := range strings.FieldsFunc(l.Name, func(r rune) bool { return r == ' ' || r == '(' || r == ')' }) {
			if !slices.Contains(words, w) {
				t.Errorf("README's language list lacks %q of %s (%s)", w, l.Name, l.Tag)
			}
		}
	}
	if want := fmt.Sprintf("%d):", n); !strings.HasPrefix(list, want) {
		t.Errorf("README's count is not %q: %.8s", want, list)
	}
}
