package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/faceidmsg/faceidmsg"
)

// library returns the message the library gives code in lang: the CLI's
// tests take their expected texts from it, so the CLI is tested as a thin
// layer over the library.
func library(t *testing.T, lang, code string) faceidmsg.Message {
	t.Helper()
	b, err := faceidmsg.New()
	if err != nil {
		t.Fatal(err)
	}
	m, _ := b.Localizer(lang).LookupCode(code)
	return m
}

func TestRun(t *testing.T) {
	text := func(lang, code string) string { return library(t, lang, code).Text }
	hint := func(lang, code string) string { return library(t, lang, code).Hint }

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "en.toml"), []byte("[LightTooDim]\nother = \"Too dark.\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "th.toml"), []byte("[LightTooDim]\nother = \"x\"\n[Typo]\nother = \"y\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string // exact, unless empty
		stderrHas string
		stdoutHas string
	}{
		{"no command", nil, 2, "", "no command", ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`, ""},
		{"help", []string{"help"}, 0, "", "", "usage:"},
		{"lookup help", []string{"lookup", "-h"}, 0, "", "", "usage:"},
		{"lookup needs a code", []string{"lookup"}, 2, "", "no code given", ""},
		{"bad flag", []string{"lookup", "-nope", "1201"}, 2, "", "flag provided but not defined", ""},
		{"lookup English", []string{"lookup", "1201"}, 0, text("en", "1201") + "\n" + hint("en", "1201") + "\n", "", ""},
		{"lookup zh-TW", []string{"lookup", "-lang", "zh-TW", "1201"}, 0, text("zh-Hant", "1201") + "\n" + hint("zh-Hant", "1201") + "\n", "", ""},
		{"flag after code", []string{"lookup", "1201", "-lang", "th"}, 0, text("th", "1201") + "\n" + hint("th", "1201") + "\n", "", ""},
		{"header", []string{"lookup", "-lang", "xx-invalid;q=abc, th", "0"}, 0, text("th", "0") + "\n", "", ""},
		{"no hint for success", []string{"lookup", "Success"}, 0, text("en", "Success") + "\n", "", ""},
		{"unknown code", []string{"lookup", "1201", "9999"}, 1, text("en", "1201") + "\n" + hint("en", "1201") + "\n" + text("en", "9999") + "\n" + hint("en", "9999") + "\n", `unknown code: saas "9999"`, ""},
		{"negative code is not a flag", []string{"lookup", "-lang", "th", "-999"}, 1, text("th", "-999") + "\n" + hint("th", "-999") + "\n", `unknown code: saas "-999"`, ""},
		{"locales dir", []string{"lookup", "-locales", dir, "1201"}, 0, "Too dark.\n" + hint("en", "1201") + "\n", "", ""},
		{"locales dir missing", []string{"lookup", "-locales", filepath.Join(dir, "nope"), "1201"}, 2, "", "-locales", ""},
		{"locales dir bad file", []string{"lookup", "-locales", bad, "1201"}, 1, "", filepath.Join(bad, "th.toml") + `:3: message "Typo": unknown message ID`, ""},
		{"list", []string{"list", "-lang", "id"}, 0, "", "", text("id", "FailedOperation.CompareLowSimilarity")},
		{"list takes no args", []string{"list", "x"}, 2, "", "takes no arguments", ""},
		{"languages", []string{"languages"}, 0, "", "", "繁體中文"},
		{"languages has no -lang", []string{"languages", "-lang", "th"}, 2, "", "flag provided but not defined", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("run(%q) = %d; want %d (stderr %q)", tt.args, code, tt.code, stderr.String())
			}
			if tt.stdout != "" && stdout.String() != tt.stdout {
				t.Errorf("stdout = %q; want %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stdout.String(), tt.stdoutHas) {
				t.Errorf("stdout = %q; want it to contain %q", stdout.String(), tt.stdoutHas)
			}
			if !strings.Contains(stderr.String(), tt.stderrHas) {
				t.Errorf("stderr = %q; want it to contain %q", stderr.String(), tt.stderrHas)
			}
			if tt.code == 0 && stderr.Len() > 0 {
				t.Errorf("stderr = %q on success", stderr.String())
			}
		})
	}
}

// decodeLines decodes one JSON object per line into maps, so the test sees
// exactly the fields the CLI prints.
func decodeLines(t *testing.T, out []byte) []map[string]any {
	t.Helper()
	var recs []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		recs = append(recs, m)
	}
	return recs
}

func TestListJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"list", "-json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("list -json exit %d: %s", code, stderr.String())
	}
	recs := decodeLines(t, stdout.Bytes())
	b, err := faceidmsg.New()
	if err != nil {
		t.Fatal(err)
	}
	msgs := b.Localizer().Messages()
	if len(recs) != len(msgs) {
		t.Fatalf("list -json printed %d records; the catalogue has %d codes", len(recs), len(msgs))
	}
	wantFields := []string{"category", "code", "description", "fallback", "hint", "hint_lang", "key", "lang", "message_id", "namespace", "retryable", "text"}
	for i, r := range recs {
		var fields []string
		for k := range r {
			fields = append(fields, k)
		}
		slices.Sort(fields)
		if !slices.Equal(fields, wantFields) {
			t.Fatalf("record fields = %v; want %v", fields, wantFields)
		}
		if _, ok := r["code"].(string); !ok {
			t.Errorf("code %v is not a JSON string", r["code"])
		}
		// The records are the library's messages, in its order.
		if m := msgs[i]; r["namespace"] != string(m.Namespace) || r["code"] != m.Code || r["text"] != m.Text {
			t.Errorf("record %d = %v; want %s %s %q", i, r, m.Namespace, m.Code, m.Text)
		}
	}
	// A promise of the package documentation: the mislabelled row of the
	// service's table is listed under its real code.
	if !slices.ContainsFunc(recs, func(r map[string]any) bool { return r["code"] == "FailedOperation.LifePhotoDetectNoFaces" }) {
		t.Error("list lacks the corrected FailedOperation.LifePhotoDetectNoFaces")
	}
}

func TestLookupJSON(t *testing.T) {
	b, err := faceidmsg.New()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"lookup", "-json", "-lang", "th-TH", "1201", "paas:Nope"}, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit %d; want 1 for an unknown code", code)
	}
	recs := decodeLines(t, stdout.Bytes())
	if len(recs) != 2 {
		t.Fatalf("%d records; want 2", len(recs))
	}
	m, _ := b.Localizer("th").LookupNumber(1201)
	want := map[string]any{
		"namespace": "saas", "code": "1201", "key": "saas_1201", "message_id": m.MessageID, "lang": "th",
		"text": m.Text, "hint": m.Hint, "hint_lang": "th", "category": "user_action", "retryable": true,
		"fallback": false, "description": m.Description,
	}
	if !reflect.DeepEqual(recs[0], want) {
		t.Errorf("record = %v; want %v", recs[0], want)
	}
	if recs[1]["category"] != "unknown" || recs[1]["namespace"] != "paas" || recs[1]["code"] != "Nope" || recs[1]["key"] != "unknown" {
		t.Errorf("unknown record = %v", recs[1])
	}
}

func TestLanguagesJSON(t *testing.T) {
	b, err := faceidmsg.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, withPseudo := range []bool{false, true} {
		args := []string{"languages", "-json"}
		if withPseudo {
			args = append(args, "-pseudo")
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("%q exit %d: %s", args, code, stderr.String())
		}
		recs := decodeLines(t, stdout.Bytes())
		// The expected list is the library's, so adding a language breaks
		// no test.
		var want []map[string]any
		for _, l := range b.Languages() {
			if l.Pseudo && !withPseudo {
				continue
			}
			want = append(want, map[string]any{"tag": l.Tag.String(), "name": l.Name, "native": l.Native, "pseudo": l.Pseudo})
		}
		if !reflect.DeepEqual(recs, want) {
			t.Errorf("%q = %v; want %v", args, recs, want)
		}
		var tags []string
		for _, r := range recs {
			tags = append(tags, r["tag"].(string))
		}
		// A product promise (README): the service's own languages are
		// among those shipped, English first.
		if !slices.Equal(tags[:1], []string{"en"}) {
			t.Errorf("%q lists %v first; want en", args, tags[:1])
		}
		for _, tag := range []string{"zh-Hans", "zh-Hant", "th", "id"} {
			if !slices.Contains(tags, tag) {
				t.Errorf("%q lacks %s", args, tag)
			}
		}
		for _, p := range []string{"en-XA", "ar-XB"} {
			if slices.Contains(tags, p) != withPseudo {
				t.Errorf("%q: %s listed = %t", args, p, !withPseudo)
			}
		}
	}
}

// TestLanguagesMatchFiles: the languages listed are the embedded files.
func TestLanguagesMatchFiles(t *testing.T) {
	names, err := fs.Glob(faceidmsg.Locales(), "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, n := range names {
		files = append(files, strings.TrimSuffix(n, ".toml"))
	}
	_, out, _ := runCLI(t, "languages", "-pseudo", "-json")
	var tags []string
	for _, r := range decodeLines(t, []byte(out)) {
		tags = append(tags, r["tag"].(string))
	}
	slices.Sort(files)
	slices.Sort(tags)
	if !slices.Equal(tags, files) {
		t.Errorf("languages -pseudo = %v; the embedded files are %v", tags, files)
	}
}

func TestGoModPath(t *testing.T) {
	for _, tt := range []struct{ gomod, want string }{
		{"module github.com/faceidmsg/faceidmsg\n\ngo 1.24\n", modulePath},
		{"// the library\nmodule   github.com/faceidmsg/faceidmsg // ours\n", modulePath},
		{"module \"github.com/faceidmsg/faceidmsg\"\n", modulePath},
		{"module example.com/app\n\nrequire github.com/faceidmsg/faceidmsg v1.0.0\n", "example.com/app"},
		{"module github.com/faceidmsg/faceidmsg/v2\n", "github.com/faceidmsg/faceidmsg/v2"},
		{"module github.com/faceidmsg/faceidmsgx\n", "github.com/faceidmsg/faceidmsgx"},
		{"// module github.com/faceidmsg/faceidmsg\nmodule example.com/app\n", "example.com/app"},
		{"modules github.com/faceidmsg/faceidmsg\n", ""},
		{"go 1.24\n", ""},
	} {
		if got := goModPath([]byte(tt.gomod)); got != tt.want {
			t.Errorf("goModPath(%q) = %q; want %q", tt.gomod, got, tt.want)
		}
	}
}

// TestReadmeLookupJSON keeps the README's lookup -json example the CLI's
// own output.
func TestReadmeLookupJSON(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const cmd = "$ go run ./cmd/faceidmsg lookup -lang \"th-TH,th;q=0.9\" -json 2016\n"
	_, rest, ok := strings.Cut(string(readme), cmd)
	if !ok {
		t.Fatalf("README.md lacks the example %q", cmd)
	}
	want, _, _ := strings.Cut(rest, "\n")
	code, stdout, stderr := runCLI(t, "lookup", "-lang", "th-TH,th;q=0.9", "-json", "2016")
	if code != 0 || strings.TrimSpace(stdout) != want {
		t.Errorf("lookup -json 2016 = %d, %q, %q; the README shows %q", code, stdout, stderr, want)
	}
}
