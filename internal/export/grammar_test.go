package export

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/faceidmsg/faceidmsg"
)

// No Swift or Dart compiler runs here, so the Swift and Dart accessors are
// parsed by their languages' tree-sitter grammars (tree-sitter-swift and
// tree-sitter-dart, as built by tree-sitter-wasms, under Node), and their
// tables are held to the catalogue and to the exported strings.

// parseWith parses each of srcs with the grammar of lang, in one run
// (loading a grammar is the slow part), and returns each one's errors: ""
// when it parses.
func parseWith(t *testing.T, lang, name string, srcs ...[]byte) []string {
	t.Helper()
	node := need(t, "node", "nodejs")
	if _, err := os.Stat("testdata/grammar/node_modules/web-tree-sitter"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("the grammars are not installed; CI must run npm ci in internal/export/testdata/grammar")
		}
		t.Skip("the grammars are not installed; run npm ci in internal/export/testdata/grammar")
	}
	var paths []string
	for i, src := range srcs {
		dir := filepath.Join(t.TempDir(), fmt.Sprint(i))
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	out, err := exec.Command(node, append([]string{"testdata/grammar/parse.mjs", lang}, paths...)...).CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !(ok && strings.Contains(string(out), name+":")) {
		t.Fatalf("parse.mjs %s: %v\n%s", lang, err, out)
	}
	errs := make([]string, len(paths))
	for _, line := range strings.SplitAfter(string(out), "\n") {
		for i, p := range paths {
			if strings.HasPrefix(line, p+":") {
				errs[i] += line
			}
		}
	}
	return errs
}

// checkAccessor parses the accessor, checks that a broken copy does not
// parse (so the check can fail), and holds its table rows, read by row,
// to every message of the catalogue and to the keys of the exported text
// files.
func checkAccessor(t *testing.T, lang, name string, files Files, row *regexp.Regexp, enum string, keys map[string]bool) {
	t.Helper()
	src := files[name]
	if src == nil {
		t.Fatalf("%s not exported", name)
	}
	broken := strings.Replace(string(src), "return ", "return (", 1)
	errs := parseWith(t, lang, name, src, []byte(broken))
	if errs[0] != "" {
		t.Fatalf("%s does not parse as %s:\n%s", name, lang, errs[0])
	}
	if errs[1] == "" {
		t.Fatalf("a %s with an unclosed parenthesis parses; the grammar check cannot fail", name)
	}
	got := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(src), -1) {
		got[m[1]] = m[2] + " " + m[3] + " " + m[4]
	}
	msgs := source(t, "en").Bundle.Localizer("en").Messages()
	if len(got) != len(msgs) {
		t.Errorf("%s: %d table rows; the catalogue has %d messages", name, len(got), len(msgs))
	}
	for _, m := range msgs {
		want := fmt.Sprintf("%s %t %t", camelCase(string(m.Category)), m.Retryable, m.Hint != "")
		if got[m.Key()] != want {
			t.Errorf("%s: %s = %q; want %q", name, m.Key(), got[m.Key()], want)
		}
		if !keys[m.Key()] || (m.Hint != "" && !keys[HintKey(m.Key())]) {
			t.Errorf("%s: %s or its hint has no exported string", name, m.Key())
		}
	}
	for _, k := range []string{UnknownKey, HiddenKey, HintKey(UnknownKey)} {
		if !keys[k] || !strings.Contains(string(src), k) {
			t.Errorf("%s: the generic key %s is not both in the accessor and in the exported strings", name, k)
		}
	}
	// The enum lists every category the library has, in its order.
	var want []string
	for _, c := range faceidmsg.Categories() {
		want = append(want, camelCase(string(c)))
	}
	if got := regexp.MustCompile(`\b[a-z][A-Za-z]*\b`).FindAllString(enum, -1); !slices.Equal(got, want) {
		t.Errorf("%s: enum Category lists %v; want %v", name, got, want)
	}
	for _, ns := range faceidmsg.Namespaces() {
		if !strings.Contains(string(src), string(ns)) {
			t.Errorf("%s does not list the namespace %s", name, ns)
		}
	}
}

func TestSwiftAccessor(t *testing.T) {
	files := mustExport(t, "apple", source(t, "en"))
	keys := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^"([^"]+)" = `).FindAllStringSubmatch(string(files["en.lproj/"+AppleTable+".strings"]), -1) {
		keys[m[1]] = true
	}
	src := string(files["FaceIdMsg.swift"])
	// The cases, without the raw values, which must be the library's names.
	enum := regexp.MustCompile(`(?m)^\s+case (.*)$`).FindStringSubmatch(src)
	if enum == nil {
		t.Fatal("FaceIdMsg.swift has no enum cases")
	}
	for _, c := range faceidmsg.Categories() {
		if cc := camelCase(string(c)); cc != string(c) && !strings.Contains(enum[1], fmt.Sprintf("%s = %q", cc, c)) {
			t.Errorf("FaceIdMsg.swift: case %s has no raw value %q", cc, c)
		}
	}
	cases := regexp.MustCompile(` = "[^"]*"`).ReplaceAllString(enum[1], "")
	row := regexp.MustCompile(`(?m)^\s+"([A-Za-z0-9_]+)": \(\.(\w+), (true|false), (true|false)\),$`)
	checkAccessor(t, "swift", "FaceIdMsg.swift", files, row, cases, keys)
}

func TestDartAccessor(t *testing.T) {
	files := mustExport(t, "arb", source(t, "en"))
	var arbFile map[string]any
	if err := json.Unmarshal(files[ARBPrefix+"en.arb"], &arbFile); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for k := range arbFile {
		keys[k] = true
	}
	enum := regexp.MustCompile(`(?m)^enum Category \{(.*)\}$`).FindStringSubmatch(string(files["faceidmsg.dart"]))
	if enum == nil {
		t.Fatal("faceidmsg.dart has no enum Category")
	}
	row := regexp.MustCompile(`(?m)^  '([A-Za-z0-9_]+)': _Row\(Category\.(\w+), (true|false), (true|false)\),$`)
	checkAccessor(t, "dart", "faceidmsg.dart", files, row, enum[1], keys)
}
