package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/faceidmsg/faceidmsg"
)

func TestRun(t *testing.T) {
	b, err := faceidmsg.New()
	if err != nil {
		t.Fatal(err)
	}
	// Expected texts come from the library, so the CLI is tested as a thin
	// layer over it.
	text := func(lang, code string) string {
		m, _ := b.Localizer(lang).LookupCode(code)
		return m.Text
	}
	hint := func(lang, code string) string {
		m, _ := b.Localizer(lang).LookupCode(code)
		return m.Hint
	}

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
	if len(recs) != 59 {
		t.Fatalf("list -json printed %d records; want 59", len(recs))
	}
	wantFields := []string{"category", "code", "description", "fallback", "hint", "key", "lang", "message_id", "namespace", "retryable", "text"}
	count := map[string]int{}
	for _, r := range recs {
		var fields []string
		for k := range r {
			fields = append(fields, k)
		}
		slices.Sort(fields)
		if !slices.Equal(fields, wantFields) {
			t.Fatalf("record fields = %v; want %v", fields, wantFields)
		}
		count[r["namespace"].(string)]++
		if _, ok := r["code"].(string); !ok {
			t.Errorf("code %v is not a JSON string", r["code"])
		}
	}
	if count["paas"] != 7 || count["saas"] != 52 {
		t.Errorf("namespaces = %v; want 7 paas and 52 saas", count)
	}
	if recs[4]["code"] != "FailedOperation.LifePhotoDetectNoFaces" {
		t.Errorf("fifth record = %v; want the corrected LifePhotoDetectNoFaces", recs[4]["code"])
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
		"text": m.Text, "hint": m.Hint, "category": "user_action", "retryable": true,
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
	var stdout, stderr bytes.Buffer
	if code := run([]string{"languages", "-json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	recs := decodeLines(t, stdout.Bytes())
	var tags []string
	for _, r := range recs {
		if len(r) != 3 || r["name"] == "" || r["native"] == "" {
			t.Errorf("record %v; want tag, name, native", r)
		}
		tags = append(tags, r["tag"].(string))
	}
	// The languages the project promises: the service's own five and
	// fifteen more.
	want := []string{"en", "ar", "bn", "de", "es", "fil", "fr", "hi", "id", "it", "ja", "ko", "ms", "pt-BR", "ru", "th", "tr", "vi", "zh-Hans", "zh-Hant"}
	if !slices.Equal(tags, want) {
		t.Errorf("languages = %v; want %v", tags, want)
	}
}
