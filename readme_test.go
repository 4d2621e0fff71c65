package faceidmsg

import (
	"os"
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
