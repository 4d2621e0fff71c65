package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
)

// The CLI's rules, one row each. qaa is a tag reserved
// for local use: it names a language faceidmsg can never ship.

// shippedEnglish is the embedded English source.
func shippedEnglish(t *testing.T) *msgfile.File {
	t.Helper()
	en, findings := msgfile.ReadFile(faceidmsg.Locales(), "en.toml", "en.toml")
	if en == nil {
		t.Fatal(findings)
	}
	return en
}

// shippedTranslations lists the embedded translations that status lists:
// every locale but English and the pseudo-locales, sorted by tag.
func shippedTranslations(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(faceidmsg.Locales(), "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, n := range names {
		tag := strings.TrimSuffix(n, ".toml")
		if tag != "en" && tag != "en-XA" && tag != "ar-XB" {
			tags = append(tags, tag)
		}
	}
	slices.Sort(tags)
	return tags
}

func writeFiles(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func xliffFor(tag string, units ...[2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=%q>\n <file id=\"f\">\n", tag)
	for _, u := range units {
		fmt.Fprintf(&b, "  <unit id=%q><segment state=\"translated\"><source>x</source><target>%s</target></segment></unit>\n", u[0], u[1])
	}
	b.WriteString(" </file>\n</xliff>\n")
	return b.String()
}

func TestRules(t *testing.T) {
	// Commands that write a work file write it here, never into the
	// package's folder.
	t.Chdir(t.TempDir())
	text := func(lang, code string) string {
		m := library(t, lang, code)
		return m.Text + "\n" + m.Hint + "\n"
	}
	n := len(shippedEnglish(t).Messages)
	bi, _ := debug.ReadBuildInfo()
	ver := bi.Main.Version
	if ver == "" {
		ver = "(unknown)"
	}

	// An app's override of one Thai message.
	ovr := writeFiles(t, t.TempDir(), map[string]string{"th.toml": "[LightTooDim]\nother = \"มืดไป\"\n"})
	// A file check's rules pass and the library refuses: a template in a
	// language with no plural rule.
	noPlural := writeFiles(t, t.TempDir(), map[string]string{"qaa.toml": "[UnknownCode]\nother = \"Echec ({{.Code}}).\"\n"})
	bad := writeFiles(t, t.TempDir(), map[string]string{"th.toml": "[LightTooDim\n"})
	work := writeFiles(t, t.TempDir(), map[string]string{
		"translate.en-XA.toml": "[LightTooDim]\nother = \"x\"\n",
		"translate.en.toml":    "[LightTooDim]\nother = \"x\"\n",
		"th.toml":              "[LightTooDim]\nother = \"x\"\n",
		"th.xlf":               xliffFor("th", [2]string{"LightTooDim", "a"}, [2]string{"LightTooDim", "b"}),
		"bad.xlf":              xliffFor("th", [2]string{"UnknownCode", "ผิดพลาด"}),
		"en-XA.xlf":            xliffFor("en-XA", [2]string{"LightTooDim", "a"}),
	})
	w := func(name string) string { return filepath.Join(work, name) }

	tests := []struct {
		name                 string
		args                 []string
		code                 int
		stdoutHas, stderrHas string
		stdoutLacks          string
		stderrLacks          string
	}{
		// B9: "--" ends the flags.
		{"-- ends flags", []string{"lookup", "--", "x", "-json"}, 1, text("en", "x") + text("en", "-json"), `"-json"`, "{", ""},
		{"flags before -- count", []string{"lookup", "-json", "--", "1201"}, 0, `"code":"1201"`, "", "", ""},
		{"negative code after --", []string{"lookup", "-lang", "th", "--", "-999"}, 1, text("th", "-999"), `"-999"`, "", ""},
		{"negative code among flags", []string{"lookup", "-999", "-lang", "th"}, 1, text("th", "-999"), `"-999"`, "", ""},
		{"-- as a flag value", []string{"lookup", "-lang", "--", "1201"}, 0, text("en", "1201"), "", "", ""},
		// B13: an empty code is the caller's mistake.
		{"empty paas code", []string{"lookup", "paas:"}, 2, "", `"paas:" has no code`, "(error", ""},
		{"empty code after a good one", []string{"lookup", "1201", "saas:"}, 2, "", `"saas:" has no code`, "Verification", ""},
		// version
		{"version", []string{"version"}, 0, "faceidmsg " + ver + " " + bi.GoVersion + "\n", "", "", ""},
		{"-version", []string{"-version"}, 0, "faceidmsg " + ver + " " + bi.GoVersion + "\n", "", "", ""},
		{"version takes no arguments", []string{"version", "x"}, 2, "", "version takes no arguments", "", ""},
		// B10: in override mode the DIR file is a layer over the shipped one.
		{"check override", []string{"check", "-locales", ovr}, 0, "", "0 errors, 0 warnings", "", ""},
		{"status override", []string{"status", "-locales", ovr, "-json"}, 0, fmt.Sprintf(`{"tag":"th","total":%d,"translated":%d,"missing":0,"stale":0,"percent":100}`, n, n), "", "", ""},
		{"translate override", []string{"translate", "-locales", ovr, "th"}, 0, "th is complete and current", "", "wrote", ""},
		// L5: check and the library agree. A templated message for a
		// language with no CLDR plural rule was refused by the library
		// alone; the library now executes the template itself, so both
		// accept it (and check would report a refusal as a load error).
		{"check accepts a language with no plural rule", []string{"check", "-locales", noPlural}, 0, "", "0 errors", "", "error:"},
		{"the library serves it", []string{"lookup", "-locales", noPlural, "-lang", "qaa", "1999"}, 1, "Echec (1999).", "unknown code", "", ""},
		// B13: status reports on the writer it is given.
		{"status findings on stderr", []string{"status", "-locales", bad}, 1, "", filepath.Join(bad, "th.toml") + ":1", "", ""},
		// B11: usage errors inside merge and import exit 2, worded once.
		{"merge into a pseudo-locale", []string{"merge", "-locales", ovr, w("translate.en-XA.toml")}, 2, "", w("translate.en-XA.toml") + ": en-XA is generated; run faceidmsg pseudo\nusage:", "", "usage: en-XA"},
		{"merge into English", []string{"merge", "-locales", ovr, w("translate.en.toml")}, 2, "", "English is the source", "", ""},
		{"merge a file not named for work", []string{"merge", "-locales", ovr, w("th.toml")}, 2, "", "a work file is named translate.<tag>.toml", "", ""},
		{"import into a pseudo-locale", []string{"import", "-locales", ovr, w("en-XA.xlf")}, 2, "", w("en-XA.xlf") + ": en-XA is generated", "", "usage: en-XA"},
		// B11: positions are the .xlf's own (xliffFor writes unit N on
		// line N+3), never those of the TOML import builds from it.
		{"import gives the unit's line", []string{"import", "-locales", ovr, w("th.xlf")}, 1, "", w("th.xlf") + `:5: unit "LightTooDim" appears twice (first on line 4)`, "", ""},
		{"import finding at the unit's line", []string{"import", "-locales", ovr, w("bad.xlf")}, 1, "", w("bad.xlf") + ":4: error: UnknownCode: placeholders", "", ""},
		// Item 7: export -lang reads tags as the library negotiates them.
		{"export -lang qaa", []string{"export", "-format", "flat", "-locales", ovr, "-out", t.TempDir(), "-lang", "qaa"}, 2, "", `no locale of the bundle serves "qaa"`, "", ""},
		{"export -lang en-GB", []string{"export", "-format", "flat", "-locales", ovr, "-out", t.TempDir(), "-lang", "en-GB"}, 0, "wrote 1 files for 1 locales", "", "", ""},
		{"export -lang en-XA", []string{"export", "-format", "flat", "-locales", ovr, "-out", t.TempDir(), "-lang", "en-XA"}, 0, "wrote 2 files for 2 locales", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("run(%q) = %d; want %d (stderr %q)", tt.args, code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdoutHas) {
				t.Errorf("stdout = %q; want it to contain %q", stdout, tt.stdoutHas)
			}
			if !strings.Contains(stderr, tt.stderrHas) {
				t.Errorf("stderr = %q; want it to contain %q", stderr, tt.stderrHas)
			}
			if tt.stdoutLacks != "" && strings.Contains(stdout, tt.stdoutLacks) {
				t.Errorf("stdout = %q; want no %q", stdout, tt.stdoutLacks)
			}
			if tt.stderrLacks != "" && strings.Contains(stderr, tt.stderrLacks) {
				t.Errorf("stderr = %q; want no %q", stderr, tt.stderrLacks)
			}
		})
	}
}

// TestFlagValueLooksNegative: a flag's value is never taken for a
// negative code.
func TestFlagValueLooksNegative(t *testing.T) {
	ovr := writeFiles(t, t.TempDir(), map[string]string{"th.toml": "[LightTooDim]\nother = \"มืดไป\"\n"})
	t.Chdir(t.TempDir())
	if code, out, errOut := runCLI(t, "translate", "-locales", ovr, "-out", "-1", "qaa"); code != 0 || !strings.Contains(out, "wrote -1:") {
		t.Fatalf("translate -out -1 = %d, %q, %q", code, out, errOut)
	}
	if _, err := os.Stat("-1"); err != nil {
		t.Error(err)
	}
}

// TestOutsideTheModule (B2): run where an app keeps its own
// locales/en.toml, with a go.mod of another module. The commands that
// could read files either read the embedded locales and say so, or refuse;
// none reads the app's file.
func TestOutsideTheModule(t *testing.T) {
	app := writeFiles(t, t.TempDir(), map[string]string{
		"go.mod":               "module example.com/app\n\nrequire github.com/faceidmsg/faceidmsg v1.0.0\n",
		"locales/en.toml":      "[Welcome]\ndescription = \"App greeting\"\nother = \"Welcome to MyApp\"\n",
		"translate.th.toml":    "[LightTooDim]\nother = \"มืด\"\n",
		"th.xlf":               xliffFor("th", [2]string{"LightTooDim", "มืด"}),
		"locales/th.toml.keep": "",
	})
	t.Chdir(app)
	embedded, _ := fs.Glob(faceidmsg.Locales(), "*.toml")

	code, out, errOut := runCLI(t, "check")
	if want := fmt.Sprintf("checked %d files in the locales embedded in faceidmsg", len(embedded)); code != 0 || out != "" || !strings.Contains(errOut, want) {
		t.Errorf("check = %d, %q, %q; want 0 and %q", code, out, errOut, want)
	}
	code, out, errOut = runCLI(t, "status", "-json")
	var tags []string
	for _, r := range decodeLines(t, []byte(out)) {
		tags = append(tags, r["tag"].(string))
	}
	if code != 0 || !slices.Equal(tags, shippedTranslations(t)) || !strings.Contains(errOut, "status of the locales embedded in faceidmsg") {
		t.Errorf("status = %d, %v, %q; want the embedded translations %v, said so", code, tags, errOut, shippedTranslations(t))
	}
	for _, args := range [][]string{
		{"translate", "th"},
		{"merge", "translate.th.toml"},
		{"import", "th.xlf"},
		{"pseudo"},
	} {
		code, out, errOut := runCLI(t, args...)
		if want := args[0] + " needs -locales DIR, or to run at the root of github.com/faceidmsg/faceidmsg"; code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("%q = %d, %q, %q; want 2 and %q", args, code, out, errOut, want)
		}
	}
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		if e.Name() == "out" || e.Name() == "translate.th.toml.new" {
			t.Errorf("a refused command wrote %s", e.Name())
		}
	}
	// export reads the locales built into the binary, as lookup does.
	if code, out, errOut := runCLI(t, "export", "-format", "flat", "-out", "out"); code != 0 || !strings.Contains(out, "wrote") {
		t.Errorf("export outside the module = %d, %q, %q; want the embedded locales written", code, out, errOut)
	} else if _, err := os.Stat(filepath.Join("out", "th.json")); err != nil {
		t.Errorf("export outside the module: %v", err)
	}
	os.RemoveAll("out")
	if entries, _ := os.ReadDir("locales"); len(entries) != 2 {
		t.Errorf("locales/ now holds %d files; want the app's 2", len(entries))
	}

	// The same folder as this module's root: ./locales is its files.
	writeFiles(t, app, map[string]string{"go.mod": "module " + modulePath + "\n"})
	if code, _, errOut := runCLI(t, "check"); !strings.Contains(errOut, "checked 1 files in ./locales") {
		t.Errorf("check at the module's root = %d, %q; want ./locales read", code, errOut)
	}
}

// TestHostileLocaleFolder: a th.toml that leaves the folder, would block
// or would exhaust memory is refused by every command, naming it.
func TestHostileLocaleFolder(t *testing.T) {
	deep := "x = " + strings.Repeat("{a=", 10000) + "1" + strings.Repeat("}", 10000) + "\n"
	for _, kind := range []struct {
		name string
		make func(th string) error
	}{
		{"symlink out of the folder", func(th string) error {
			return os.Symlink(filepath.Join("..", "outside", "secret.toml"), th)
		}},
		{"symlink to /dev/zero", func(th string) error { return os.Symlink("/dev/zero", th) }},
		{"FIFO", func(th string) error { return mkfifo(th) }},
		{"nesting that would exhaust the TOML parser's memory", func(th string) error { return os.WriteFile(th, []byte(deep), 0o644) }},
	} {
		t.Run(kind.name, func(t *testing.T) { everyCommandRefuses(t, kind.make) })
	}
	// A work file that is a FIFO or a device is refused, not read.
	for _, mk := range []func(string) error{mkfifo, func(p string) error { return os.Symlink("/dev/zero", p) }} {
		dir := writeFiles(t, t.TempDir(), map[string]string{"locales/id.toml": "[LightTooDim]\nother = \"Terlalu gelap.\"\n"})
		work := filepath.Join(dir, "translate.id.toml")
		if err := mk(work); err != nil {
			t.Log("cannot make it here:", err)
			continue
		}
		done := make(chan string, 1)
		go func() {
			code, _, errOut := runCLI(t, "merge", "-locales", filepath.Join(dir, "locales"), work)
			done <- fmt.Sprint(code, errOut)
		}()
		select {
		case got := <-done:
			if !strings.HasPrefix(got, "1") || !strings.Contains(got, "not a regular file") {
				t.Errorf("merge of a special work file = %s; want 1 and \"not a regular file\"", got)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("merge of a special work file did not finish")
		}
	}
	// A work file of the same shape is refused by merge, naming it.
	dir := writeFiles(t, t.TempDir(), map[string]string{"locales/id.toml": "[LightTooDim]\nother = \"Terlalu gelap.\"\n", "work/translate.id.toml": deep})
	work := filepath.Join(dir, "work", "translate.id.toml")
	code, _, errOut := runCLI(t, "merge", "-locales", filepath.Join(dir, "locales"), work)
	if code != 1 || !strings.Contains(errOut, work+":1") {
		t.Errorf("merge of a deeply nested work file = %d, %q; want 1 and %s:1", code, errOut, work)
	}
}

// everyCommandRefuses runs every command that reads a locale folder on one
// whose th.toml is made by makeTh, and wants each to fail quickly with an
// error naming the file, reading nothing from outside the folder.
func everyCommandRefuses(t *testing.T, makeTh func(string) error) {
	base := t.TempDir()
	writeFiles(t, base, map[string]string{
		"outside/secret.toml":    "[LightTooDim]\nother = \"from outside the folder\"\n",
		"locales/id.toml":        "[LightTooDim]\nother = \"Terlalu gelap.\"\n",
		"work/translate.id.toml": "[LightTooBright]\nother = \"Terlalu terang.\"\n",
	})
	dir := filepath.Join(base, "locales")
	th := filepath.Join(dir, "th.toml")
	if err := makeTh(th); err != nil {
		t.Skip("cannot make it here:", err)
	}
	for _, args := range [][]string{
		{"check", "-locales", dir},
		{"status", "-locales", dir},
		{"lookup", "-locales", dir, "-lang", "th", "1201"},
		{"list", "-locales", dir, "-lang", "th"},
		{"merge", "-locales", dir, filepath.Join(base, "work", "translate.id.toml")},
		{"translate", "-locales", dir, "-out", filepath.Join(base, "work", "translate.qaa.toml"), "qaa"},
		{"export", "-format", "flat", "-locales", dir, "-out", filepath.Join(base, "out")},
		{"export", "-format", "xliff", "-locales", dir, "-lang", "th", "-out", filepath.Join(base, "out")},
	} {
		type result struct {
			code        int
			out, errOut string
		}
		done := make(chan result, 1)
		go func() {
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			done <- result{code, stdout.String(), stderr.String()}
		}()
		select {
		case r := <-done:
			if r.code != 1 || !strings.Contains(r.out+r.errOut, th) || strings.Contains(r.out+r.errOut, "from outside") {
				t.Errorf("%q = %d, %q, %q; want 1 and an error naming %s", args, r.code, r.out, r.errOut, th)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%q did not finish", args)
		}
	}
	if _, err := os.Stat(filepath.Join(base, "out")); err == nil {
		t.Error("export wrote files from a folder it refused")
	}
	if got := mustRead(t, filepath.Join(dir, "id.toml")); !bytes.Contains(got, []byte("Terlalu gelap")) || bytes.Contains(got, []byte("terang")) {
		t.Errorf("merge changed id.toml:\n%s", got)
	}
}

// TestSeveralInputsForOneLanguage (M1): two work files or two XLIFF files
// for one language in one command would each start from the same locale
// file, and the last would win. The command refuses them before writing
// anything, for a language with a file and for a new one.
func TestSeveralInputsForOneLanguage(t *testing.T) {
	base := t.TempDir()
	writeFiles(t, base, map[string]string{
		"locales/th.toml":        "[LightTooDim]\nother = \"มืดไป\"\n",
		"a/translate.th.toml":    "[FaceTooClose]\nother = \"ใกล้ไป\"\n",
		"b/translate.th.toml":    "[LightTooBright]\nother = \"สว่างไป\"\n",
		"a/translate.qaa.toml":   "[FaceTooClose]\nother = \"Too close (qaa)\"\n",
		"b/translate.qaa.toml":   "[LightTooBright]\nother = \"Too bright (qaa)\"\n",
		"a/translate.id.toml":    "[FaceTooClose]\nother = \"Terlalu dekat.\"\n",
		"a/th.xlf":               xliffFor("th", [2]string{"FaceTooClose", "ใกล้ไป"}),
		"b/th.xlf":               xliffFor("th", [2]string{"LightTooBright", "สว่างไป"}),
		"a/translate.en-XA.toml": "[FaceTooClose]\nother = \"x\"\n",
	})
	dir := filepath.Join(base, "locales")
	p := func(name string) string { return filepath.Join(base, filepath.FromSlash(name)) }
	before := mustRead(t, filepath.Join(dir, "th.toml"))
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"merge", "-locales", dir, p("a/translate.th.toml"), p("b/translate.th.toml")}, p("a/translate.th.toml") + " and " + p("b/translate.th.toml") + " are both for th"},
		{[]string{"merge", "-locales", dir, p("a/translate.qaa.toml"), p("b/translate.qaa.toml")}, " are both for qaa"},
		{[]string{"merge", "-locales", dir, p("a/translate.id.toml"), p("a/translate.th.toml"), p("b/translate.th.toml")}, " are both for th"},
		{[]string{"merge", "-locales", dir, p("a/translate.id.toml"), p("a/translate.en-XA.toml")}, "en-XA is generated"},
		{[]string{"import", "-locales", dir, p("a/th.xlf"), p("b/th.xlf")}, p("a/th.xlf") + " and " + p("b/th.xlf") + " are both for th"},
	} {
		code, out, errOut := runCLI(t, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) || out != "" {
			t.Errorf("%q = %d, %q, %q; want 2 and %q", tt.args, code, out, errOut, tt.want)
		}
		if !bytes.Equal(before, mustRead(t, filepath.Join(dir, "th.toml"))) {
			t.Fatalf("%q changed th.toml", tt.args)
		}
		for _, name := range []string{"qaa.toml", "id.toml"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				t.Fatalf("%q wrote %s", tt.args, name)
			}
		}
	}
	// One input per language: each is merged.
	if code, out, errOut := runCLI(t, "merge", "-locales", dir, p("a/translate.id.toml"), p("a/translate.th.toml"), p("b/translate.qaa.toml")); code != 0 || strings.Count(out, "merged 1 messages") != 3 {
		t.Fatalf("merge of three languages = %d, %q, %q", code, out, errOut)
	}
	// Run once for each, the two work files of one language both land.
	if code, _, errOut := runCLI(t, "merge", "-locales", dir, p("b/translate.th.toml")); code != 0 {
		t.Fatalf("second merge: %s", errOut)
	}
	th := string(mustRead(t, filepath.Join(dir, "th.toml")))
	for _, want := range []string{"มืดไป", "ใกล้ไป", "สว่างไป"} {
		if !strings.Contains(th, want) {
			t.Errorf("th.toml lacks %q:\n%s", want, th)
		}
	}
}

// TestOverrideAgreement (B10): with -locales DIR, check, status, translate
// and the XLIFF export count the same messages as translated, and count
// them as the library serves them.
func TestOverrideAgreement(t *testing.T) {
	hash := msgfile.Hash(shippedEnglish(t).Get("LightTooDim").Message)
	dir := writeFiles(t, t.TempDir(), map[string]string{
		"th.toml":  "[LightTooDim]\nhash = \"" + hash + "\"\nother = \"มืดไป\"\n",
		"qaa.toml": "[LightTooDim]\nother = \"Too dim (qaa)\"\n",
	})
	n := len(shippedEnglish(t).Messages)
	b, err := faceidmsg.New(faceidmsg.WithLocaleDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	// What the library serves: all of Thai (the override is a layer over
	// the shipped file), and of qaa the one message its file has.
	for _, m := range b.Localizer("th").Messages() {
		if m.Fallback {
			t.Fatalf("the library serves %s %s in %s, not Thai", m.Namespace, m.Code, m.Lang)
		}
	}
	if m, _ := b.Localizer("qaa").LookupNumber(1201); m.Lang.String() != "qaa" {
		t.Fatalf("the library serves 1201 in %s, not qaa", m.Lang)
	}
	served := map[string]int{"th": n, "qaa": 1}
	_, out, _ := runCLI(t, "check", "-locales", dir, "-json")
	untranslated := map[string]int{}
	for _, f := range decodeLines(t, []byte(out)) {
		if f["kind"] == "untranslated" {
			untranslated[filepath.Base(f["file"].(string))]++
		}
	}
	_, out, _ = runCLI(t, "status", "-locales", dir, "-json")
	status := map[string]map[string]any{}
	for _, r := range decodeLines(t, []byte(out)) {
		status[r["tag"].(string)] = r
	}
	out1 := t.TempDir()
	if code, _, errOut := runCLI(t, "export", "-format", "xliff", "-locales", dir, "-lang", "th,qaa", "-out", out1); code != 0 {
		t.Fatal(errOut)
	}
	for _, tag := range []string{"th", "qaa"} {
		missing := n - served[tag]
		if untranslated[tag+".toml"] != missing {
			t.Errorf("check: %s has %d untranslated; the library lacks %d", tag, untranslated[tag+".toml"], missing)
		}
		if got := status[tag]["missing"]; got != float64(missing) {
			t.Errorf("status: %s missing %v; want %d", tag, got, missing)
		}
		xlf := string(mustRead(t, filepath.Join(out1, tag+".xlf")))
		if got := strings.Count(xlf, `state="initial"`); got != missing {
			t.Errorf("xliff: %s has %d untranslated units; want %d", tag, got, missing)
		}
		work := filepath.Join(t.TempDir(), "translate."+tag+".toml")
		code, out, _ := runCLI(t, "translate", "-locales", dir, "-out", work, tag)
		switch {
		case missing == 0 && !strings.Contains(out, "nothing to translate"):
			t.Errorf("translate %s = %d, %q; want nothing to translate", tag, code, out)
		case missing > 0 && !strings.Contains(out, fmt.Sprintf("%d missing", missing)):
			t.Errorf("translate %s = %d, %q; want %d missing", tag, code, out, missing)
		}
	}
	// The XLIFF round trip brings back nothing the shipped locale already
	// serves: the app's file is left as it was.
	before := mustRead(t, filepath.Join(dir, "th.toml"))
	if code, out, errOut := runCLI(t, "import", "-locales", dir, filepath.Join(out1, "th.xlf")); code != 0 || !strings.Contains(out, "nothing to merge") {
		t.Errorf("import of an unchanged export = %d, %q, %q", code, out, errOut)
	}
	if !bytes.Equal(before, mustRead(t, filepath.Join(dir, "th.toml"))) {
		t.Error("import of an unchanged export changed th.toml")
	}
}

// TestCheckAgreesWithNew: check refuses a layered file exactly when the
// library refuses to load it, for one rule set (msgfile.CheckLayer).
func TestCheckAgreesWithNew(t *testing.T) {
	for name, src := range map[string]string{
		"valid":               "[LightTooDim]\nother = \"มืด\"\n",
		"unknown ID":          "[LightTooDm]\nother = \"มืด\"\n",
		"text does not parse": "[LightTooDim]\nother = \"มืด {{ ไป\"\n",
		"placeholder added":   "[LightTooDim]\nother = \"มืด {{.Code}}\"\n",
		"empty":               "[LightTooDim]\nother = \"\\u200b\"\n",
		"plural form":         "[LightTooDim]\none = \"x\"\nother = \"มืด\"\n",
		"stale hash":          "[LightTooDim]\nhash = \"sha1-0000000000000000000000000000000000000000\"\nother = \"มืด\"\n",
		"unknown code's text": "[UnknownCode]\nother = \"ผิดพลาด {{.Code}} {{.Code}}\"\n",
	} {
		dir := writeFiles(t, t.TempDir(), map[string]string{"th.toml": src})
		_, newErr := faceidmsg.New(faceidmsg.WithLocaleDir(dir))
		code, out, _ := runCLI(t, "check", "-locales", dir)
		if (newErr != nil) != (code != 0) {
			t.Errorf("%s: New says %v; check exits %d:\n%s", name, newErr, code, out)
		}
	}
}
