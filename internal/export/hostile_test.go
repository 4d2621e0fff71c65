package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// The security audit's hostile export (its section 5): texts chosen to
// break every format's escaping, checked by each format's own consumer
// against the library's text. A format that cannot carry one of the texts
// refuses the export naming the locale and the message (TestHostileRefused);
// the rest of the texts still pass its consumer.

// hostileFiles are the audit's texts, less the control characters, which
// every format refuses (TestControlCharacters).
var hostileFiles = map[string]string{
	"en.toml": `[LightTooDim]
description = "Desc */ closes /* comment --> and ]]> and \"q\" & <b> \\ back"
leftdelim = "<<"
rightdelim = ">>"
other = "Q\" A' <lt> &amp; & 100% %d %s %1$s %@ @at ?q \\ {curly} {{double}} $t(saas_0) nl\nnl tab\ttab  two  end "
`,
	"th.toml": `[LightTooDim]
other = "@string/app_name"

[BrighterHint]
other = "?android:attr/textColor"

[Success]
other = " lead and trail "

[LightTooBright]
other = "ls\u2028 ps\u2029 rlo\u202E pdf\u202C nbsp\u00a0 zwsp\u200b"

[UnknownCode]
other = "{{.Code}} 100% \"x\" <b>&amp; 'y' {z} @ ?"

[LessLightHint]
other = "\ncrlf\t"
`,
	"ar.toml": `[LightTooDim]
other = "%@ %d %1$@ %% %"

[UnknownCode]
other = "\u2068{{.Code}}\u2069 % {code} $t(saas_0)"
`,
}

// hostileRefusals are the texts each format refuses, with the locale and
// message its error must name.
var hostileRefusals = map[string][]struct{ piece, tag, id string }{
	"arb":     {{"{curly}", "en", "LightTooDim"}, {"{{double}}", "en", "LightTooDim"}, {"{z}", "th", "UnknownCode"}, {"{code}", "ar", "UnknownCode"}},
	"i18next": {{"{{double}}", "en", "LightTooDim"}, {"$t(saas_0)", "en", "LightTooDim"}, {"$t(saas_0)", "ar", "UnknownCode"}},
	"flat":    {{"{code}", "ar", "UnknownCode"}},
}

// hostileFS returns the hostile files with the given pieces of text
// removed from the given locales (tag -> pieces).
func hostileFS(drop map[string][]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range hostileFiles {
		for _, p := range drop[strings.TrimSuffix(name, ".toml")] {
			data = strings.ReplaceAll(data, p, "")
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// layered builds a Source for tags from the shipped locales with fsys
// layered over them.
func layered(t *testing.T, fsys fstest.MapFS, tags ...string) Source {
	t.Helper()
	b, err := faceidmsg.New(faceidmsg.WithLocales(fsys))
	if err != nil {
		t.Fatal(err)
	}
	shipped, _ := msgfile.LoadSet(faceidmsg.Locales(), ".", "locales", nil)
	set, findings := msgfile.LoadSet(fsys, ".", "x", shipped.English)
	if msgfile.HasError(findings) {
		t.Fatal(findings)
	}
	src := Source{Bundle: b, Set: set}
	for _, s := range tags {
		src.Tags = append(src.Tags, language.MustParse(s))
	}
	return src
}

type hostileSample struct {
	tag  string
	ns   faceidmsg.Namespace
	code string
}

var hostileSamples = []hostileSample{
	{"en", faceidmsg.SaaS, "1201"}, {"th", faceidmsg.SaaS, "1201"}, {"th", faceidmsg.SaaS, "0"}, {"th", faceidmsg.SaaS, "1202"},
	{"ar", faceidmsg.SaaS, "1201"},
}

// hostileWant is the library's text and hint for s.
func hostileWant(src Source, s hostileSample) (string, string) {
	m, _ := src.Bundle.Localizer(s.tag).Lookup(s.ns, s.code)
	return m.Text, m.Hint
}

func TestHostileRefused(t *testing.T) {
	for format, cases := range hostileRefusals {
		for i, c := range cases {
			// Only this case's piece is left in: the others are dropped.
			drop := map[string][]string{}
			for j, o := range cases {
				if j != i && (o.piece != c.piece || o.tag != c.tag) {
					drop[o.tag] = append(drop[o.tag], o.piece)
				}
			}
			src := layered(t, hostileFS(drop), "en", "th", "ar")
			_, err := Export(format, src)
			if err == nil {
				t.Errorf("%s with %q in %s: exported; want an error", format, c.piece, c.tag)
				continue
			}
			if !strings.Contains(err.Error(), c.tag+": ") || !strings.Contains(err.Error(), "message "+c.id) {
				t.Errorf("%s with %q in %s: error %q does not name %s and %s", format, c.piece, c.tag, err, c.tag, c.id)
			}
		}
	}
}

// safeSource is the hostile source less what format refuses.
func safeSource(t *testing.T, format string) Source {
	drop := map[string][]string{}
	for _, c := range hostileRefusals[format] {
		drop[c.tag] = append(drop[c.tag], c.piece)
	}
	return layered(t, hostileFS(drop), "en", "th", "ar")
}

func TestHostileAndroid(t *testing.T) {
	aapt2 := need(t, "aapt2", "aapt")
	aapt := need(t, "aapt", "aapt")
	src := safeSource(t, "android")
	files := mustExport(t, "android", src)
	for name, data := range files {
		if err := wellFormedXML(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	values := aaptValues(t, aapt2, aapt, write(t, files))
	cfg := map[string]string{"en": "", "th": "th", "ar": "ar"}
	for _, s := range hostileSamples {
		text, hint := hostileWant(src, s)
		key := faceidmsg.Key(s.ns, s.code)
		if got := values[cfg[s.tag]][key]; got != text {
			t.Errorf("aapt %s %s = %q; library %q", s.tag, key, got, text)
		}
		if got := values[cfg[s.tag]][HintKey(key)]; hint != "" && got != hint {
			t.Errorf("aapt %s %s = %q; library %q", s.tag, HintKey(key), got, hint)
		}
	}
	for _, tag := range []string{"th", "ar"} {
		raw := values[cfg[tag]][UnknownKey]
		// What String.format(getString(R.string.unknown), "1999") shows.
		got := strings.ReplaceAll(strings.Replace(raw, "%1$s", "1999", 1), "%%", "%")
		if w := wantUnknown(t, src, tag, "1999"); got != w {
			t.Errorf("aapt %s unknown = %q (raw %q); library %q", tag, got, raw, w)
		}
	}
}

// aaptValues compiles and links res with aapt2 and returns what aapt
// dumps: config -> name -> value.
func aaptValues(t *testing.T, aapt2, aapt, res string) map[string]map[string]string {
	t.Helper()
	work := t.TempDir()
	manifest := filepath.Join(work, "AndroidManifest.xml")
	os.WriteFile(manifest, []byte(`<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.faceidmsg.test"/>`), 0o644)
	run := func(name string, args ...string) []byte {
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return out
	}
	run(aapt2, "compile", "--dir", res, "-o", filepath.Join(work, "res.zip"))
	run(aapt2, "link", "-o", filepath.Join(work, "app.apk"), "--manifest", manifest, filepath.Join(work, "res.zip"))
	return parseAaptDump(t, run(aapt, "dump", "--values", "resources", filepath.Join(work, "app.apk")))
}

func TestHostileApple(t *testing.T) {
	need(t, "plget", "gnustep-base-runtime")
	src := safeSource(t, "apple")
	files := mustExport(t, "apple", src)
	dir := write(t, files)
	get := func(tag, key string) string {
		got, err := plget(filepath.Join(dir, tag+".lproj", "FaceIDMsg.strings"), key)
		if err != nil {
			t.Fatalf("plget %s %s: %v", tag, key, err)
		}
		return got
	}
	for _, s := range hostileSamples {
		text, hint := hostileWant(src, s)
		key := faceidmsg.Key(s.ns, s.code)
		if got := get(s.tag, key); got != text {
			t.Errorf("plget %s %s = %q; library %q", s.tag, key, got, text)
		}
		if hint != "" {
			if got := get(s.tag, HintKey(key)); got != hint {
				t.Errorf("plget %s %s = %q; library %q", s.tag, HintKey(key), got, hint)
			}
		}
	}
	for _, tag := range []string{"th", "ar"} {
		raw := get(tag, UnknownKey)
		got := strings.ReplaceAll(strings.Replace(raw, "%@", "1999", 1), "%%", "%")
		if w := wantUnknown(t, src, tag, "1999"); got != w {
			t.Errorf("plget %s unknown = %q; library %q", tag, got, w)
		}
	}
	if !json.Valid(files["FaceIDMsg.xcstrings"]) {
		t.Error("FaceIDMsg.xcstrings is not JSON")
	}
	for name, data := range files {
		for _, c := range data {
			if c < 0x20 && c != '\n' {
				t.Errorf("%s has the raw control byte %#x", name, c)
				break
			}
		}
	}
}

func TestHostileI18next(t *testing.T) {
	src := safeSource(t, "i18next")
	files := mustExport(t, "i18next", src)
	var qs []i18nextQuery
	var wants []string
	for _, s := range hostileSamples {
		text, hint := hostileWant(src, s)
		key := faceidmsg.Key(s.ns, s.code)
		qs, wants = append(qs, i18nextQuery{s.tag, key, ""}), append(wants, text)
		if hint != "" {
			qs, wants = append(qs, i18nextQuery{s.tag, HintKey(key), ""}), append(wants, hint)
		}
	}
	for _, tag := range []string{"th", "ar"} {
		qs, wants = append(qs, i18nextQuery{tag, UnknownKey, "1999"}), append(wants, wantUnknown(t, src, tag, "1999"))
	}
	checkI18next(t, files, qs, wants)
}

func TestHostileJSON(t *testing.T) {
	for _, format := range []string{"flat", "arb"} {
		src := safeSource(t, format)
		for name, data := range mustExport(t, format, src) {
			if !strings.HasSuffix(name, ".arb") && !strings.HasSuffix(name, ".json") {
				continue // the accessor: no text
			}
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s %s: %v", format, name, err)
			}
			for k, v := range m {
				switch v := v.(type) {
				case string: // ARB: ICU MessageFormat; only {code} is an argument.
					if strings.HasPrefix(k, "@") {
						continue
					}
					rest := v
					if k == UnknownKey {
						rest = strings.Replace(rest, "{code}", "", 1)
					}
					if strings.ContainsAny(rest, "{}") {
						t.Errorf("%s %s: an ICU brace in %q", name, k, v)
					}
				case map[string]any: // flat: the app replaces {code} once
					if text, _ := v["text"].(string); k == UnknownKey && strings.Count(text, "{code}") != 1 {
						t.Errorf("%s: unknown = %q; want one {code}", name, text)
					}
				}
			}
		}
	}
	// What the flat text says, with {code} replaced, is the library's.
	src := safeSource(t, "flat")
	files := mustExport(t, "flat", src)
	for _, tag := range []string{"th", "ar"} {
		var m map[string]struct{ Text string }
		json.Unmarshal(files[tag+".json"], &m)
		if got, w := strings.Replace(m[UnknownKey].Text, "{code}", "1999", 1), wantUnknown(t, src, tag, "1999"); got != w {
			t.Errorf("flat %s unknown = %q; library %q", tag, got, w)
		}
	}
}

func TestHostileXLIFF(t *testing.T) {
	xmllint := need(t, "xmllint", "libxml2-utils")
	src := safeSource(t, "xliff")
	files := mustExport(t, "xliff", src)
	dir := write(t, files)
	for name, data := range files {
		if out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", "testdata/xliff/xliff_core_2.0.xsd", filepath.Join(dir, name)).CombinedOutput(); err != nil {
			t.Errorf("xmllint %s: %v\n%s", name, err, out)
		}
		tag, units, err := ReadXLIFF(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("ReadXLIFF(%s): %v", name, err)
		}
		f := src.Set.File(tag)
		for _, u := range units {
			if m := f.Get(u.ID); m != nil && u.Target != m.Other {
				t.Errorf("%s %s: read back %q; file has %q", name, u.ID, u.Target, m.Other)
			}
		}
	}
}

func wellFormedXML(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func plget(path, key string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	cmd := exec.Command("plget", key)
	cmd.Stdin = f
	o, err := cmd.Output()
	return string(o), err
}

// TestControlCharacters: no format writes a control character or U+FFFE;
// each refuses the text, naming the locale and the message (the audit's
// X4 and X5: raw NUL in .strings, U+FFFD in Android and XLIFF, CR dropped
// by aapt).
func TestControlCharacters(t *testing.T) {
	for _, r := range []string{`\u0000`, `\u001b`, `\u0007`, `\r`, `\u007f`, `\u0085`, `\u009f`, `\uFFFE`, `\uFFFF`} {
		fsys := fstest.MapFS{"th.toml": {Data: []byte("[LightTooBright]\nother = \"a" + r + "b\"\n")}}
		b, err := faceidmsg.New(faceidmsg.WithLocales(fsys))
		if err != nil {
			// The library refusing it at load time is fine too; the
			// export's own check is tested through checkText below.
			continue
		}
		shipped, _ := msgfile.LoadSet(faceidmsg.Locales(), ".", "locales", nil)
		set, _ := msgfile.LoadSet(fsys, ".", "x", shipped.English)
		src := Source{Bundle: b, Set: set, Tags: []language.Tag{language.Thai}}
		for _, format := range Formats() {
			_, err := Export(format, src)
			if err == nil || !strings.Contains(err.Error(), "th: message LightTooBright") || !strings.Contains(err.Error(), "U+") {
				t.Errorf("Export(%s) of a text with %s: %v; want an error naming th and LightTooBright", format, r, err)
			}
		}
	}
	for s, ok := range map[string]bool{
		"plain": true, "tab\tnl\n": true, "\u2028\u2029\u200b\ufffd": true, "\U0001F600": true,
		"\x00": false, "\r": false, "\x1b": false, "\x7f": false, "\u0080": false, "\ufffe": false, "\uffff": false, "\xff": false,
	} {
		if err := checkText(s); (err == nil) != ok {
			t.Errorf("checkText(%q) = %v; want ok %v", s, err, ok)
		}
	}
}
