package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportCommand(t *testing.T) {
	out := t.TempDir()
	none := t.TempDir() // an app with no files of its own
	code, stdout, stderr := runCLI(t, "export", "-format", "flat", "-locales", none, "-out", out, "-lang", "th-TH,zh_TW")
	if code != 0 || !strings.Contains(stdout, "wrote 3 files for 3 locales") {
		t.Fatalf("export = %d, %q, %q", code, stdout, stderr)
	}
	for _, f := range []string{"en.json", "th.json", "zh-Hant.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	for _, args := range [][]string{
		{"export", "-out", out, "-locales", none},
		{"export", "-format", "docx", "-out", out, "-locales", none},
		{"export", "-format", "flat", "-locales", none},
		{"export", "-format", "flat", "-out", out, "-locales", none, "-lang", "qaa"},
		{"export", "-format", "flat", "-out", out, "-locales", none, "extra"},
		{"import"},
	} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%q exit %d; want 2", args, code)
		}
	}
}

// TestImportRoundTrip: a translation removed from th.toml is exported to
// XLIFF without a target; a translator fills the target in; import brings
// it back, through merge's checks, hash and all. It runs at the module's
// root, on ./locales.
func TestImportRoundTrip(t *testing.T) {
	moduleRoot(t)
	thPath := filepath.Join("locales", "th.toml")
	orig := mustRead(t, thPath)
	start := bytes.Index(orig, []byte("[LightTooDim]\n"))
	end := start + bytes.Index(orig[start:], []byte("\n\n")) + 2
	os.WriteFile(thPath, append(append([]byte{}, orig[:start]...), orig[end:]...), 0o644)

	out := t.TempDir()
	if code, _, stderr := runCLI(t, "export", "-format", "xliff", "-lang", "th", "-out", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	xlf := mustRead(t, filepath.Join(out, "th.xlf"))
	unit := bytes.Index(xlf, []byte(`<unit id="LightTooDim">`))
	seg := bytes.Index(xlf[unit:], []byte("</source>")) + unit + len("</source>")
	if unit < 0 || !bytes.Contains(xlf[unit:seg], []byte(`state="initial"`)) {
		t.Fatalf("the removed message is not an untranslated unit:\n%s", xlf[unit:seg])
	}
	filled := append(append(append([]byte{}, xlf[:seg]...), []byte("\n    <target>แสงสว่างไม่เพียงพอ</target>")...), xlf[seg:]...)
	os.WriteFile(filepath.Join(out, "th.xlf"), filled, 0o644)

	// Still in state "initial", the new target is a draft and is left out.
	if code, stdout, stderr := runCLI(t, "import", filepath.Join(out, "th.xlf")); code != 0 || !strings.Contains(stderr, "1 units left out") || !strings.Contains(stdout, "nothing to merge") {
		t.Fatalf("import of a draft = %d, %q, %q", code, stdout, stderr)
	}
	filled = bytes.Replace(filled, []byte(`<unit id="LightTooDim">`), []byte(`<unit id="LightTooDim" >`), 1)
	i := bytes.Index(filled, []byte(`<unit id="LightTooDim" >`))
	j := i + bytes.Index(filled[i:], []byte(`state="initial"`))
	filled = append(append(append([]byte{}, filled[:j]...), []byte(`state="translated"`)...), filled[j+len(`state="initial"`):]...)
	os.WriteFile(filepath.Join(out, "th.xlf"), filled, 0o644)

	if code, stdout, stderr := runCLI(t, "import", filepath.Join(out, "th.xlf")); code != 0 || !strings.Contains(stdout, "merged 1 messages") {
		t.Fatalf("import = %d, %q, %q", code, stdout, stderr)
	}
	if got := mustRead(t, thPath); !bytes.Equal(got, orig) {
		t.Errorf("after the XLIFF round trip th.toml differs from the original:\n%s", got)
	}

	// A translator who breaks the placeholder is refused.
	bad := bytes.Replace(mustRead(t, filepath.Join(out, "th.xlf")), []byte(`<ph id="ph1" equiv="{{.Code}}" disp="{{.Code}}"/>)</target>`), []byte(`)</target>`), 1)
	os.WriteFile(filepath.Join(out, "th.xlf"), bad, 0o644)
	if code, _, stderr := runCLI(t, "import", filepath.Join(out, "th.xlf")); code != 1 || !strings.Contains(stderr, "placeholders") {
		t.Errorf("import of a broken placeholder = %d, %q", code, stderr)
	}
}

// TestImportClearsStale: after English changes, the XLIFF export offers the
// old translation as a draft against the new source; once the translator
// revises it and marks it translated, import records the current English
// and check is clean again.
func TestImportClearsStale(t *testing.T) {
	dir := copyLocales(t)
	enPath := filepath.Join(dir, "en.toml")
	os.WriteFile(enPath, bytes.Replace(mustRead(t, enPath), []byte(`other = "The light is too dim."`), []byte(`other = "It's too dark."`), 1), 0o644)
	th := mustRead(t, filepath.Join(dir, "th.toml"))
	line := bytes.Count(th[:bytes.Index(th, []byte("[LightTooDim]"))], []byte("\n")) + 1
	// A layered folder's stale text still loads, so check warns (the
	// shipped locales, checked at the module's root, make it an error).
	if code, out, _ := runCLI(t, "check", "-locales", dir); code != 0 || !strings.Contains(out, fmt.Sprintf("th.toml:%d: warning: LightTooDim: the English changed", line)) {
		t.Fatalf("check after the English change = %d:\n%s", code, out)
	}
	out := t.TempDir()
	if code, _, stderr := runCLI(t, "export", "-format", "xliff", "-locales", dir, "-lang", "th", "-out", out); code != 0 {
		t.Fatal(stderr)
	}
	xlf := mustRead(t, filepath.Join(out, "th.xlf"))
	i := bytes.Index(xlf, []byte(`<unit id="LightTooDim">`))
	end := i + bytes.Index(xlf[i:], []byte("</unit>"))
	unit := xlf[i:end]
	if !bytes.Contains(unit, []byte(`state="initial"`)) || !bytes.Contains(unit, []byte("<source>It&#39;s too dark.</source>")) {
		t.Fatalf("stale unit:\n%s", unit)
	}
	revised := bytes.Replace(unit, []byte(`state="initial"`), []byte(`state="translated"`), 1)
	revised = bytes.Replace(revised, []byte("แสงสว่างไม่เพียงพอ"), []byte("มืดเกินไป"), 1)
	xlf = append(append(append([]byte{}, xlf[:i]...), revised...), xlf[end:]...)
	os.WriteFile(filepath.Join(out, "th.xlf"), xlf, 0o644)
	if code, stdout, stderr := runCLI(t, "import", "-locales", dir, filepath.Join(out, "th.xlf")); code != 0 || !strings.Contains(stdout, "merged 1 messages") {
		t.Fatalf("import = %d, %q, %q", code, stdout, stderr)
	}
	if _, out, _ := runCLI(t, "check", "-locales", dir); strings.Contains(out, "th.toml") {
		t.Errorf("th.toml still has findings after the revised import:\n%s", out)
	}
}

// TestExportKeepsTheAppsFiles: the exports sit beside an app's own
// resources under names of their own, and a file that an export did not
// write is never replaced.
func TestExportKeepsTheAppsFiles(t *testing.T) {
	res := t.TempDir()
	app := filepath.Join(res, "values", "strings.xml")
	os.MkdirAll(filepath.Dir(app), 0o755)
	own := []byte(`<resources><string name="app_name">My app</string></resources>`)
	os.WriteFile(app, own, 0o644)
	if code, _, errOut := runCLI(t, "export", "-format", "android", "-out", res, "-lang", "th"); code != 0 {
		t.Fatalf("export = %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(app); !bytes.Equal(got, own) {
		t.Errorf("the app's values/strings.xml changed: %s", got)
	}
	if _, err := os.Stat(filepath.Join(res, "values-th", "faceidmsg_strings.xml")); err != nil {
		t.Errorf("no values-th/faceidmsg_strings.xml: %v", err)
	}
	// Exporting again replaces its own files; a file of the same name
	// that it did not write stops it, before anything is written.
	if code, _, errOut := runCLI(t, "export", "-format", "android", "-out", res, "-lang", "th"); code != 0 {
		t.Fatalf("export again = %d: %s", code, errOut)
	}
	foreign := filepath.Join(res, "values-th", "faceidmsg_strings.xml")
	os.WriteFile(foreign, own, 0o644)
	code, _, errOut := runCLI(t, "export", "-format", "android", "-out", res, "-lang", "th")
	if got, _ := os.ReadFile(foreign); code == 0 || !strings.Contains(errOut, "not written by faceidmsg export") || !bytes.Equal(got, own) {
		t.Errorf("export over a foreign file = %d, %q; want a refusal and the file kept", code, errOut)
	}
}
