package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
)

// copyLocales copies the shipped locales into a temporary directory.
func copyLocales(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(faceidmsg.Locales(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(faceidmsg.Locales(), path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// moduleRoot makes the root of a checkout in a temporary directory, this
// module's go.mod and a copy of the shipped locales, and runs the test
// there, where translators run the commands.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module "+modulePath+"\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(copyLocales(t), filepath.Join(root, "locales")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	return root
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestCheckShipped(t *testing.T) {
	// Here (not the module's root) check reads the embedded locales.
	code, out, errOut := runCLI(t, "check")
	if code != 0 || out != "" || !strings.Contains(errOut, "embedded") || !strings.Contains(errOut, "0 errors, 0 warnings") {
		t.Errorf("check = %d, %q, %q; want 0, no findings, and the embedded locales named", code, out, errOut)
	}
	// At the module's root, ./locales.
	moduleRoot(t)
	names, _ := fs.Glob(faceidmsg.Locales(), "*.toml")
	code, out, errOut = runCLI(t, "check")
	if want := fmt.Sprintf("checked %d files in ./locales: 0 errors, 0 warnings", len(names)); code != 0 || out != "" || !strings.Contains(errOut, want) {
		t.Errorf("check at the root = %d, %q, %q; want %q", code, out, errOut, want)
	}
}

func TestCheckDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"th.toml":         "[LightTooDim]\nother = \"มืด\"\n\n[LightTooDm]\nother = \"x\"\n",
		"qaa.toml":        "[LightTooDim]\nother = \"Too dim (qaa).\"\n",
		"id.toml":         "[UnknownCode]\nother = \"Gagal.\"\n",
		"vi.toml":         "[LightTooDim\n",
		"xx-invalid.toml": "",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := runCLI(t, "check", "-locales", dir)
	if code != 1 {
		t.Errorf("check -locales = %d; want 1", code)
	}
	for _, want := range []string{
		filepath.Join(dir, "th.toml") + ":4: error: LightTooDm: the English source has no message",
		filepath.Join(dir, "id.toml") + ":1: error: UnknownCode: placeholders (none) differ from English's {{.Code}} [placeholder]",
		filepath.Join(dir, "vi.toml") + ":1:13: error:",
		filepath.Join(dir, "xx-invalid.toml") + ": error: file name",
		filepath.Join(dir, "qaa.toml") + ": warning: LightTooBright: not translated",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	// A message the override of a shipped language lacks is served from
	// the shipped file, so it is not reported.
	if unwanted := filepath.Join(dir, "th.toml") + ": warning: LightTooBright"; strings.Contains(out, unwanted) {
		t.Errorf("check output has %q:\n%s", unwanted, out)
	}
	// An override of English is checked against the shipped English.
	os.WriteFile(filepath.Join(dir, "en.toml"), []byte("[LightTooDm]\nother = \"typo\"\n[UnknownCode]\nother = \"Oops.\"\n"), 0o644)
	_, out, _ = runCLI(t, "check", "-locales", dir)
	for _, want := range []string{
		filepath.Join(dir, "en.toml") + ":1: error: LightTooDm: the English source has no message",
		filepath.Join(dir, "en.toml") + ":3: error: UnknownCode: placeholders (none) differ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "en.toml: warning") {
		t.Errorf("a partial override of English is reported as incomplete:\n%s", out)
	}
	os.Remove(filepath.Join(dir, "en.toml"))
	// -complete turns untranslated messages into errors; -json gives one
	// finding per line.
	_, out, _ = runCLI(t, "check", "-locales", dir, "-complete", "-json")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var sawUntranslatedError bool
	for _, l := range lines {
		var f map[string]any
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		if len(f) != 7 {
			t.Errorf("finding %v; want file, line, column, message_id, severity, kind, message", f)
		}
		if f["kind"] == "untranslated" && f["severity"] == "error" {
			sawUntranslatedError = true
		}
	}
	if !sawUntranslatedError {
		t.Error("-complete did not make untranslated messages errors")
	}
}

func TestStatusShipped(t *testing.T) {
	code, out, errOut := runCLI(t, "status", "-json")
	if code != 0 {
		t.Fatalf("status exit %d", code)
	}
	var tags []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			Tag                                        string
			Total, Translated, Missing, Stale, Percent int
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		tags = append(tags, rec.Tag)
		if rec.Percent != 100 || rec.Missing != 0 || rec.Stale != 0 || rec.Translated != rec.Total {
			t.Errorf("%s: %+v; want complete", rec.Tag, rec)
		}
	}
	// Every embedded translation, sorted by tag, without English and the
	// generated pseudo-locales.
	if want := shippedTranslations(t); !slices.Equal(tags, want) {
		t.Errorf("status lists %v; want %v", tags, want)
	}
	if !strings.Contains(errOut, "embedded") {
		t.Errorf("status does not say it read the embedded locales: %q", errOut)
	}
}

// TestStatusOrder: locales sort by tag, a language before its regions.
func TestStatusOrder(t *testing.T) {
	dir := writeFiles(t, t.TempDir(), map[string]string{
		"ar-EG.toml": "[LightTooDim]\nother = \"ضوء خافت\"\n",
		"qaa.toml":   "[LightTooDim]\nother = \"Too dim (qaa)\"\n",
	})
	_, out, _ := runCLI(t, "status", "-locales", dir)
	var tags []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		tags = append(tags, strings.Fields(l)[0])
	}
	want := append(shippedTranslations(t), "ar-EG", "qaa")
	slices.Sort(want)
	if !slices.Equal(tags, want) {
		t.Errorf("status -locales lists %v; want %v", tags, want)
	}
	if i := slices.Index(tags, "ar"); i < 0 || tags[i+1] != "ar-EG" {
		t.Errorf("status lists %v; want ar, then ar-EG", tags)
	}
}

// TestRoundTripCLI: remove a translation, translate lists it, fill it in,
// merge, check is clean with the hash recorded; change English and check
// reports it stale. It runs where a translator does: at the root of a
// checkout, with no -locales, so the commands work on ./locales.
func TestRoundTripCLI(t *testing.T) {
	moduleRoot(t)
	thPath := filepath.Join("locales", "th.toml")
	orig, _ := os.ReadFile(thPath)
	// Remove the LightTooDim table from th.toml.
	start := bytes.Index(orig, []byte("[LightTooDim]\n"))
	end := start + bytes.Index(orig[start:], []byte("\n\n")) + 2
	removed := append(append([]byte{}, orig[:start]...), orig[end:]...)
	if err := os.WriteFile(thPath, removed, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCLI(t, "check"); code != 1 || !strings.Contains(out, "locales/th.toml: error: LightTooDim: message missing") {
		t.Fatalf("check after removal = %d:\n%s", code, out)
	}

	code, out, errOut := runCLI(t, "translate", "th")
	if code != 0 || !strings.Contains(out, "wrote translate.th.toml: 1 missing, 0 stale") {
		t.Fatalf("translate = %d, %q, %q", code, out, errOut)
	}
	wf, _ := os.ReadFile("translate.th.toml")
	if !strings.Contains(string(wf), "[LightTooDim]") || strings.Count(string(wf), "other = ") != 1 || !strings.Contains(string(wf), "# English: The light is too dim.") {
		t.Fatalf("work file:\n%s", wf)
	}
	filled := strings.Replace(string(wf), `other = ""`, `other = "แสงสว่างไม่เพียงพอ"`, 1)
	if err := os.WriteFile("translate.th.toml", []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, "merge", "translate.th.toml"); code != 0 || !strings.Contains(out, "merged 1 messages") {
		t.Fatalf("merge = %d, %q, %q", code, out, errOut)
	}
	merged, _ := os.ReadFile(thPath)
	if !bytes.Equal(merged, orig) {
		t.Errorf("after the round trip th.toml differs from the original:\n%s", merged)
	}
	if code, out, _ := runCLI(t, "check"); code != 0 || out != "" {
		t.Errorf("check after merge = %d:\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "translate", "th"); code != 0 || !strings.Contains(out, "nothing to translate") {
		t.Errorf("translate of a complete locale = %d, %q", code, out)
	}

	// Change the English source: the translation is now stale.
	enPath := filepath.Join("locales", "en.toml")
	if err := os.WriteFile(enPath, bytes.Replace(mustRead(t, enPath), []byte(`other = "The light is too dim."`), []byte(`other = "It's too dark."`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	line := bytes.Count(merged[:bytes.Index(merged, []byte("[LightTooDim]"))], []byte("\n")) + 1
	code, out, _ = runCLI(t, "check")
	if want := fmt.Sprintf("%s:%d: error: LightTooDim: the English changed since this was translated", thPath, line); code != 1 || !strings.Contains(out, want) {
		t.Errorf("check after an English change = %d; want a line with %q:\n%s", code, want, out)
	}
	_, out, _ = runCLI(t, "status", "-json")
	n := len(shippedEnglish(t).Messages)
	if want := fmt.Sprintf(`{"tag":"th","total":%d,"translated":%d,"missing":0,"stale":1,"percent":%d}`, n, n, msgfile.Stats{Total: n, Translated: n, Stale: 1}.Done()); !strings.Contains(out, want) {
		t.Errorf("status after an English change lacks %s:\n%s", want, out)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMergeRefusesBadWorkFile(t *testing.T) {
	dir := copyLocales(t)
	before := mustRead(t, filepath.Join(dir, "th.toml"))
	work := filepath.Join(t.TempDir(), "translate.th.toml")
	os.WriteFile(work, []byte("[UnknownCode]\nother = \"ผิดพลาด\"\n"), 0o644)
	code, _, errOut := runCLI(t, "merge", "-locales", dir, work)
	if code != 1 || !strings.Contains(errOut, "UnknownCode: placeholders") || !strings.Contains(errOut, "nothing was merged") {
		t.Errorf("merge of a bad work file = %d, %q", code, errOut)
	}
	if !bytes.Equal(before, mustRead(t, filepath.Join(dir, "th.toml"))) {
		t.Error("a refused merge changed th.toml")
	}
	for _, args := range [][]string{
		{"merge", "-locales", dir, filepath.Join(dir, "th.toml")},
		{"translate", "-locales", dir, "en"},
		{"translate", "-locales", dir, "en-XA"},
		{"translate", "-locales", dir, "not a tag"},
		{"translate", "-locales", dir},
	} {
		if code, _, _ := runCLI(t, args...); code == 0 {
			t.Errorf("%q succeeded", args)
		}
	}
}

func TestPseudoCommand(t *testing.T) {
	dir := copyLocales(t)
	os.Remove(filepath.Join(dir, "en-XA.toml"))
	if code, out, errOut := runCLI(t, "pseudo", "-locales", dir); code != 0 || !strings.Contains(out, "en-XA.toml") {
		t.Fatalf("pseudo = %d, %q, %q", code, out, errOut)
	}
	shipped, _ := fs.ReadFile(faceidmsg.Locales(), "en-XA.toml")
	if !bytes.Equal(mustRead(t, filepath.Join(dir, "en-XA.toml")), shipped) {
		t.Error("pseudo did not regenerate en-XA.toml as shipped")
	}
	if code, out, _ := runCLI(t, "lookup", "-lang", "en-XA", "1201"); code != 0 || !strings.HasPrefix(out, "[Ţĥé ļîĝĥţ") {
		t.Errorf("lookup -lang en-XA = %d, %q", code, out)
	}
	_, out, _ := runCLI(t, "languages", "-json")
	if strings.Contains(out, "en-XA") {
		t.Error("languages lists pseudo-locales without -pseudo")
	}
	_, out, _ = runCLI(t, "languages", "-pseudo")
	if !strings.Contains(out, "en-XA") || !strings.Contains(out, "ar-XB") {
		t.Errorf("languages -pseudo:\n%s", out)
	}
}

// TestConcurrentMergesKeepBoth: two merges for one language at once each
// start from the file the other wrote, so neither's work is lost.
func TestConcurrentMergesKeepBoth(t *testing.T) {
	dir := copyLocales(t)
	work := t.TempDir()
	if code, _, errOut := runCLI(t, "translate", "-locales", dir, "-out", filepath.Join(work, "translate.sw.toml"), "sw"); code != 0 {
		t.Fatalf("translate sw = %d: %s", code, errOut)
	}
	full, err := os.ReadFile(filepath.Join(work, "translate.sw.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// Two work files, each filling a different half of the messages.
	var halves [2][]string
	var ids []string
	for _, line := range strings.Split(string(full), "\n") {
		if strings.HasPrefix(line, "[") {
			ids = append(ids, strings.Trim(line, "[]"))
		}
		for h := range halves {
			if line == `other = ""` && len(ids)%2 == h {
				line = `other = "SW-` + ids[len(ids)-1] + `"`
				if ids[len(ids)-1] == "UnknownCode" {
					line = `other = "SW-UnknownCode {{.Code}}"`
				}
			}
			halves[h] = append(halves[h], line)
		}
	}
	var paths [2]string
	for h := range halves {
		sub := filepath.Join(work, fmt.Sprint(h))
		os.Mkdir(sub, 0o755)
		paths[h] = filepath.Join(sub, "translate.sw.toml")
		if err := os.WriteFile(paths[h], []byte(strings.Join(halves[h], "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for round := range 5 {
		os.Remove(filepath.Join(dir, "sw.toml"))
		var wg sync.WaitGroup
		for _, p := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var stdout, stderr bytes.Buffer
				if code := run([]string{"merge", "-locales", dir, p}, &stdout, &stderr); code != 0 {
					t.Errorf("merge %s = %d: %s", p, code, stderr.String())
				}
			}()
		}
		wg.Wait()
		got, _ := os.ReadFile(filepath.Join(dir, "sw.toml"))
		if n := strings.Count(string(got), `other = "SW-`); n != len(ids) {
			t.Fatalf("round %d: sw.toml has %d of the %d messages the two merges wrote", round, n, len(ids))
		}
	}
}

// TestMergeRefusesPluralForms: a work file with a plural form is refused
// whole, and nothing is written: the form would otherwise vanish.
func TestMergeRefusesPluralForms(t *testing.T) {
	dir := copyLocales(t)
	before, _ := os.ReadFile(filepath.Join(dir, "th.toml"))
	work := filepath.Join(t.TempDir(), "translate.th.toml")
	src := "[LightTooDim]\none = \"สว่าง (one)\"\nother = \"สว่างไป\"\n"
	if err := os.WriteFile(work, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "merge", "-locales", dir, work)
	after, _ := os.ReadFile(filepath.Join(dir, "th.toml"))
	if code == 0 || !strings.Contains(errOut, "plural form") || !bytes.Equal(before, after) {
		t.Errorf("merge of a plural form = %d, %q, th.toml changed %v; want a refusal and nothing written", code, errOut, !bytes.Equal(before, after))
	}
}

// TestTranslateReadsTagsAsLang: translate reads a language as -lang does
// when a locale serves it, else wants a new locale's canonical name.
func TestTranslateReadsTagsAsLang(t *testing.T) {
	dir := copyLocales(t)
	for _, tt := range []struct {
		arg, file, errIn string
	}{
		{"zh-tc", "", "zh-Hant is complete and current"},
		{"zh-TW", "", "zh-Hant is complete and current"},
		{"iw", "", "he is complete and current"},
		{"sw", "translate.sw.toml", ""},
		{"SW", "", "the locale is sw"},
		{"uz-AF", "", "named by script"},
	} {
		out := t.TempDir()
		code, stdout, stderr := runCLI(t, "translate", "-locales", dir, "-out", filepath.Join(out, "translate.x.toml"), tt.arg)
		all := stdout + stderr
		switch {
		case tt.file != "" && (code != 0 || !strings.Contains(stdout, "wrote")):
			t.Errorf("translate %s = %d, %q; want a work file", tt.arg, code, all)
		case tt.errIn != "" && !strings.Contains(all, tt.errIn):
			t.Errorf("translate %s = %d, %q; want %q", tt.arg, code, all, tt.errIn)
		}
	}
}
