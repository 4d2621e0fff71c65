package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/faceidmsg/faceidmsg/internal/translation"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// trickyFS layers a text with double quotes, an apostrophe, a percent
// sign, an at sign first and repeated spaces over two locales, so that
// every format's escaping is exercised by its consumer.
var trickyFS = fstest.MapFS{
	"en.toml": {Data: []byte("[LightTooDim]\nother = \"@It's \\\"too dark\\\" here:  100% sure?\"\n")},
	"th.toml": {Data: []byte("[LightTooDim]\nother = \"มืด \\\"มาก\\\" 100% ที่ 'นี่'\"\n")},
}

// source builds what an export reads: the shipped locales with trickyFS
// layered over them, in the given locales (all but pseudo ones if none).
func source(t *testing.T, tags ...string) Source {
	t.Helper()
	b, err := faceidmsg.New(faceidmsg.WithLocales(trickyFS))
	if err != nil {
		t.Fatal(err)
	}
	en, _ := msgfile.ReadFile(faceidmsg.Locales(), "en.toml", "locales/en.toml")
	set, findings := msgfile.LoadSet(faceidmsg.Locales(), ".", "locales", nil)
	if msgfile.HasError(findings) || en == nil {
		t.Fatalf("shipped locales: %v", findings)
	}
	src := Source{Bundle: b, Set: set}
	if len(tags) == 0 {
		for _, l := range b.Languages() {
			if !l.Pseudo {
				src.Tags = append(src.Tags, l.Tag)
			}
		}
	}
	for _, s := range tags {
		src.Tags = append(src.Tags, language.MustParse(s))
	}
	return src
}

func write(t *testing.T, files Files) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustExport(t *testing.T, format string, src Source) Files {
	t.Helper()
	files, err := Export(format, src)
	if err != nil {
		t.Fatalf("Export(%s): %v", format, err)
	}
	return files
}

// need returns the path of tool, or skips the test when it is missing
// locally; under CI a missing tool fails the test.
func need(t *testing.T, tool, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing; CI must install %s (see .ci/run)", tool, pkg)
		}
		t.Skipf("%s not installed (Debian package %s); skipping its consumer test", tool, pkg)
	}
	return p
}

// needI18next skips the test when i18next is not installed locally; under
// CI that fails the test.
func needI18next(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("testdata/i18next/node_modules/i18next"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("i18next is not installed; CI must run npm ci in internal/export/testdata/i18next")
		}
		t.Skip("i18next not installed; run npm ci in internal/export/testdata/i18next")
	}
}

// sample is a code in a locale whose exported text a consumer test checks.
type sample struct {
	tag  string
	ns   faceidmsg.Namespace
	code string
}

// samples covers Latin, Han, Thai, Arabic, Hebrew and Cyrillic script,
// the tricky texts, a code with no hint, the generic message, and the
// locales whose tags each format spells its own way (he, nb, sr-Latn,
// pt-PT).
var samples = []sample{
	{"en", faceidmsg.SaaS, "1201"}, {"en", faceidmsg.PaaS, "FailedOperation.CompareFail"}, {"en", faceidmsg.SaaS, "0"},
	{"th", faceidmsg.SaaS, "1201"}, {"th", faceidmsg.SaaS, "2016"},
	{"zh-Hant", faceidmsg.SaaS, "1201"}, {"zh-Hans", faceidmsg.PaaS, "FailedOperation.LifePhotoDetectNoFaces"},
	{"ar", faceidmsg.SaaS, "1002"}, {"ar", faceidmsg.SaaS, "15"},
	{"fr", faceidmsg.SaaS, "1101"}, {"id", faceidmsg.SaaS, "1202"}, {"fil", faceidmsg.SaaS, "16"}, {"pt-BR", faceidmsg.SaaS, "4"},
	{"he", faceidmsg.SaaS, "1201"}, {"fa", faceidmsg.SaaS, "16"}, {"ur", faceidmsg.AppSDK, "-999"},
	{"sr-Latn", faceidmsg.SaaS, "1201"}, {"sr-Cyrl", faceidmsg.SaaS, "1201"}, {"pt-PT", faceidmsg.SaaS, "1202"},
	{"nb", faceidmsg.SaaS, "1102"}, {"el", faceidmsg.SaaS, "15"}, {"uk", faceidmsg.PaaS, "FailedOperation.CompareFail"},
}

// want is what the library itself gives for s: the text and the hint.
func want(t *testing.T, src Source, s sample) (text, hint string) {
	m, err := src.Bundle.Localizer(s.tag).Lookup(s.ns, s.code)
	if err != nil {
		t.Fatal(err)
	}
	if m.Lang.String() != s.tag {
		t.Fatalf("%s %s comes from %s, not %s", s.ns, s.code, m.Lang, s.tag)
	}
	return m.Text, m.Hint
}

// wantUnknown is the library's generic text for code in tag.
func wantUnknown(t *testing.T, src Source, tag, code string) string {
	m, _ := src.Bundle.Localizer(tag).LookupCode(code)
	return m.Text
}

func TestGolden(t *testing.T) {
	src := source(t, "en", "th", "zh-Hant", "ar", "pt-BR")
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			files := mustExport(t, format, src)
			dir := filepath.Join("testdata", "golden", format)
			if *update {
				os.RemoveAll(dir)
				for name, data := range files {
					p := filepath.Join(dir, filepath.FromSlash(name))
					os.MkdirAll(filepath.Dir(p), 0o755)
					if err := os.WriteFile(p, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			var onDisk []string
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(dir, p)
					onDisk = append(onDisk, filepath.ToSlash(rel))
				}
				return nil
			})
			var names []string
			for name := range files {
				names = append(names, name)
			}
			slices.Sort(names)
			slices.Sort(onDisk)
			if !slices.Equal(names, onDisk) {
				t.Fatalf("files = %v; golden has %v (refresh with go test ./internal/export -update)", names, onDisk)
			}
			for _, name := range names {
				golden, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				if !bytes.Equal(files[name], golden) {
					t.Errorf("%s differs from its golden file (refresh with go test ./internal/export -update)", name)
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, format := range Formats() {
		a := mustExport(t, format, source(t, "en", "th", "ar", "zh-Hant"))
		b := mustExport(t, format, source(t, "en", "th", "ar", "zh-Hant"))
		if len(a) != len(b) {
			t.Fatalf("%s: %d then %d files", format, len(a), len(b))
		}
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s: %s differs between two exports", format, name)
			}
		}
	}
}

func TestKeys(t *testing.T) {
	androidName := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	dartName := regexp.MustCompile(`^[a-z][A-Za-z0-9_]*$`)
	src := source(t, "en")
	seen := map[string]bool{}
	es, err := entries(src, language.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if seen[e.key] {
			t.Errorf("key %s used twice", e.key)
		}
		seen[e.key] = true
		if !androidName.MatchString(e.key) || !dartName.MatchString(e.key) || strings.ContainsAny(e.key, ".:") {
			t.Errorf("key %q is not a valid Android, Dart and i18next name", e.key)
		}
	}
	if got := faceidmsg.Key(faceidmsg.SaaS, "1201"); !seen[got] || !seen[HintKey(got)] {
		t.Errorf("the key rule's %s and its hint are not exported", got)
	}
}

// ---- Android: aapt2 compile and link, then aapt dump ----

func TestAndroidAapt(t *testing.T) {
	aapt2 := need(t, "aapt2", "aapt")
	aapt := need(t, "aapt", "aapt")
	src := source(t)
	values := aaptValues(t, aapt2, aapt, write(t, mustExport(t, "android", src)))

	// aapt names a configuration as its folder does, less "values-", and
	// a bare b+xxx as xxx.
	config := func(tag string) string {
		dirs, err := androidDirs(language.MustParse(tag))
		if err != nil {
			t.Fatal(err)
		}
		c := strings.TrimPrefix(strings.TrimPrefix(dirs[0], "values"), "-")
		if rest, ok := strings.CutPrefix(c, "b+"); ok && !strings.Contains(rest, "+") {
			return rest
		}
		return c
	}
	for _, s := range samples {
		text, hint := want(t, src, s)
		key := faceidmsg.Key(s.ns, s.code)
		c := config(s.tag)
		if got := values[c][key]; got != text {
			t.Errorf("aapt %s/%s = %q; library %q", c, key, got, text)
		}
		if got := values[c][HintKey(key)]; got != hint {
			t.Errorf("aapt %s/%s = %q; library %q", c, HintKey(key), got, hint)
		}
	}
	for _, tag := range []string{"en", "th", "ar", "zh-Hant"} {
		got := strings.Replace(values[config(tag)][UnknownKey], "%1$s", "1999", 1)
		if w := wantUnknown(t, src, tag, "1999"); got != w {
			t.Errorf("aapt %s unknown with 1999 = %q; library %q", tag, got, w)
		}
	}
	// Every exported locale is there, under the qualifiers Android
	// resolves: in for Indonesian, tl and b+fil for Filipino, scripts.
	for _, c := range []string{"in", "tl", "fil", "b+zh+Hans", "b+zh+Hant", "pt-rBR", "ar"} {
		if len(values[c]) == 0 {
			t.Errorf("no strings for config %s", c)
		}
	}
}

// parseAaptDump reads "aapt dump --values resources": config -> name ->
// value.
func parseAaptDump(t *testing.T, out []byte) map[string]map[string]string {
	values := map[string]map[string]string{}
	config, name := "", ""
	res := regexp.MustCompile(`^\s+resource 0x[0-9a-f]+ [^:]+:string/([^:]+):`)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		trim := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trim, "config "):
			config = strings.TrimSuffix(strings.TrimPrefix(trim, "config "), ":")
			if config == "(default)" {
				config = ""
			}
			if values[config] == nil {
				values[config] = map[string]string{}
			}
		case res.MatchString(line):
			name = res.FindStringSubmatch(line)[1]
		case name != "" && (strings.HasPrefix(trim, "(string8) ") || strings.HasPrefix(trim, "(string16) ")):
			_, q, _ := strings.Cut(trim, ") ")
			values[config][name] = unquoteAapt(t, q)
			name = ""
		}
	}
	return values
}

func unquoteAapt(t *testing.T, q string) string {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		t.Fatalf("unexpected aapt value %s", q)
	}
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n").Replace(q[1 : len(q)-1])
}

// ---- Apple: GNUstep's plget reads the .strings; the catalog's shape ----

func TestAppleStrings(t *testing.T) {
	need(t, "plget", "gnustep-base-runtime")
	src := source(t)
	dir := write(t, mustExport(t, "apple", src))
	get := func(tag, key string) string {
		got, err := plget(filepath.Join(dir, tag+".lproj", "FaceIDMsg.strings"), key)
		if err != nil {
			t.Fatalf("plget %s in %s: %v", key, tag, err)
		}
		return got
	}
	for _, s := range samples {
		text, hint := want(t, src, s)
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
	for _, tag := range []string{"en", "th", "ar"} {
		got := strings.Replace(get(tag, UnknownKey), "%@", "1999", 1)
		if w := wantUnknown(t, src, tag, "1999"); got != w {
			t.Errorf("plget %s unknown = %q; library %q", tag, got, w)
		}
	}
}

func TestAppleCatalogShape(t *testing.T) {
	src := source(t)
	files := mustExport(t, "apple", src)
	var cat struct {
		SourceLanguage string `json:"sourceLanguage"`
		Version        string `json:"version"`
		Strings        map[string]struct {
			Comment         string `json:"comment"`
			ExtractionState string `json:"extractionState"`
			Localizations   map[string]struct {
				StringUnit struct {
					State string `json:"state"`
					Value string `json:"value"`
				} `json:"stringUnit"`
			} `json:"localizations"`
		} `json:"strings"`
	}
	dec := json.NewDecoder(bytes.NewReader(files["FaceIDMsg.xcstrings"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cat); err != nil {
		t.Fatalf("FaceIDMsg.xcstrings: %v", err)
	}
	if cat.SourceLanguage != "en" || cat.Version != "1.0" {
		t.Errorf("sourceLanguage %q, version %q; want en, 1.0", cat.SourceLanguage, cat.Version)
	}
	for _, s := range samples {
		text, _ := want(t, src, s)
		e, ok := cat.Strings[faceidmsg.Key(s.ns, s.code)]
		if !ok || e.Comment == "" || e.ExtractionState != "manual" {
			t.Fatalf("catalog entry for %s: %+v", s.code, e)
		}
		u := e.Localizations[s.tag].StringUnit
		if u.State != "translated" || u.Value != text {
			t.Errorf("catalog %s %s = %+v; library %q", s.tag, s.code, u, text)
		}
	}
	for _, tag := range src.Tags {
		if _, ok := files[tag.String()+".lproj/FaceIDMsg.strings"]; !ok {
			t.Errorf("no %s.lproj", tag)
		}
	}
}

// ---- i18next: node loads the files in i18next and calls t() ----

func TestI18next(t *testing.T) {
	src := source(t)
	files := mustExport(t, "i18next", src)
	var qs []i18nextQuery
	var wants []string
	for _, s := range samples {
		text, hint := want(t, src, s)
		key := faceidmsg.Key(s.ns, s.code)
		qs, wants = append(qs, i18nextQuery{s.tag, key, ""}), append(wants, text)
		if hint != "" {
			qs, wants = append(qs, i18nextQuery{s.tag, HintKey(key), ""}), append(wants, hint)
		}
	}
	for _, tag := range []string{"en", "zh-Hant", "th", "ar"} {
		qs, wants = append(qs, i18nextQuery{tag, UnknownKey, "1999"}), append(wants, wantUnknown(t, src, tag, "1999"))
	}
	checkI18next(t, files, qs, wants)
}

// i18nextQuery is one t(key) call in a language, with a code for the
// generic text's {{code}}.
type i18nextQuery struct {
	Lng  string `json:"lng"`
	Key  string `json:"key"`
	Code string `json:"code,omitempty"`
}

// checkI18next loads the exported files in i18next under Node.js and
// checks that each query gives its wanted text.
func checkI18next(t *testing.T, files map[string][]byte, qs []i18nextQuery, wants []string) {
	t.Helper()
	node := need(t, "node", "nodejs")
	needI18next(t)
	arg, _ := json.Marshal(qs)
	out, err := exec.Command(node, "testdata/i18next/load.mjs", write(t, files), string(arg)).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(wants) {
		t.Fatalf("node printed %s: %v", out, err)
	}
	for i := range wants {
		if got[i] != wants[i] {
			t.Errorf("i18next t(%q) in %s = %q; library %q", qs[i].Key, qs[i].Lng, got[i], wants[i])
		}
	}
}

func TestFlat(t *testing.T) {
	src := source(t)
	files := mustExport(t, "flat", src)
	for _, s := range samples {
		var m map[string]struct {
			Text      string `json:"text"`
			Hint      string `json:"hint"`
			Category  string `json:"category"`
			Retryable bool   `json:"retryable"`
		}
		if err := json.Unmarshal(files[s.tag+".json"], &m); err != nil {
			t.Fatal(err)
		}
		msg, _ := src.Bundle.Localizer(s.tag).Lookup(s.ns, s.code)
		got := m[faceidmsg.Key(s.ns, s.code)]
		if got.Text != msg.Text || got.Hint != msg.Hint || got.Category != string(msg.Category) || got.Retryable != msg.Retryable {
			t.Errorf("flat %s %s = %+v; library %+v", s.tag, s.code, got, msg)
		}
		// A code that is not shown: the library's text without it.
		hidden, _ := src.Bundle.Localizer(s.tag).LookupCode("<b>1999</b>")
		if got := m[HiddenKey]; got.Text != hidden.Text || got.Text == "" || strings.Contains(got.Text, "1999") {
			t.Errorf("flat %s %s = %+v; library %q", s.tag, HiddenKey, got, hidden.Text)
		}
	}
}

// ---- ARB: JSON, @@locale, key names, base files ----

func TestARB(t *testing.T) {
	src := source(t)
	files := mustExport(t, "arb", src)
	name := regexp.MustCompile(`^faceidmsg_([a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_[A-Z]{2}|_[0-9]{3})?)\.arb$`)
	key := regexp.MustCompile(`^[a-z][A-Za-z0-9_]*$`)
	locales := map[string]bool{}
	for file, data := range files {
		if file == "faceidmsg.dart" {
			continue // the accessor, TestDartAccessor
		}
		m := name.FindStringSubmatch(file)
		if m == nil {
			t.Errorf("file name %s is not faceidmsg_<locale>.arb", file)
			continue
		}
		var obj map[string]any
		if err := json.Unmarshal(data, &obj); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if obj["@@locale"] != m[1] {
			t.Errorf("%s: @@locale %v; want %s", file, obj["@@locale"], m[1])
		}
		locales[m[1]] = true
		for k := range obj {
			if k == "@@locale" || strings.HasPrefix(k, "@") {
				continue
			}
			if !key.MatchString(k) {
				t.Errorf("%s: key %q is not a valid message name", file, k)
			}
		}
	}
	// Every locale with a script or region has its language's base file.
	for l := range locales {
		if base, _, ok := strings.Cut(l, "_"); ok && !locales[base] {
			t.Errorf("faceidmsg_%s.arb has no base faceidmsg_%s.arb", l, base)
		}
	}
	// The template has a description for every key, and the placeholder.
	var tmpl map[string]any
	json.Unmarshal(files["faceidmsg_en.arb"], &tmpl)
	for k, v := range tmpl {
		if k == "@@locale" || strings.HasPrefix(k, "@") {
			continue
		}
		meta, ok := tmpl["@"+k].(map[string]any)
		if !ok || meta["description"] == "" {
			t.Errorf("faceidmsg_en.arb: %s has no description", k)
		}
		if k == UnknownKey && (!strings.Contains(v.(string), "{code}") || meta["placeholders"] == nil) {
			t.Errorf("faceidmsg_en.arb: unknown = %v, %v; want a {code} placeholder", v, meta)
		}
	}
	for _, s := range samples {
		var obj map[string]any
		locale, err := arbLocale(language.MustParse(s.tag))
		if err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(files["faceidmsg_"+locale+".arb"], &obj)
		text, _ := want(t, src, s)
		if got := obj[faceidmsg.Key(s.ns, s.code)]; got != text {
			t.Errorf("arb %s %s = %v; library %q", s.tag, s.code, got, text)
		}
	}
}

// ---- XLIFF: the OASIS schema, then a round trip ----

func TestXLIFFSchema(t *testing.T) {
	xmllint := need(t, "xmllint", "libxml2-utils")
	src := source(t)
	dir := write(t, mustExport(t, "xliff", src))
	paths, _ := filepath.Glob(filepath.Join(dir, "*.xlf"))
	if len(paths) != len(src.Tags)-1 {
		t.Fatalf("%d XLIFF files; want one per target locale (%d)", len(paths), len(src.Tags)-1)
	}
	args := append([]string{"--noout", "--nonet", "--schema", "testdata/xliff/xliff_core_2.0.xsd"}, paths...)
	if out, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
}

func TestXLIFFRoundTrip(t *testing.T) {
	src := source(t)
	files := mustExport(t, "xliff", src)
	for _, tag := range []string{"th", "zh-Hant", "ar", "fr"} {
		got, units, err := ReadXLIFF(bytes.NewReader(files[tag+".xlf"]))
		if err != nil || got.String() != tag {
			t.Fatalf("ReadXLIFF(%s) = %s, %v", tag, got, err)
		}
		file := src.Set.File(language.MustParse(tag))
		if len(units) != len(file.Messages) {
			t.Errorf("%s: %d units; want %d", tag, len(units), len(file.Messages))
		}
		unique := map[string]bool{}
		for _, u := range units {
			if unique[u.ID] {
				t.Errorf("%s: unit %s twice", tag, u.ID)
			}
			unique[u.ID] = true
			m := file.Get(u.ID)
			if m == nil || u.Target != m.Other || u.Hash != m.Hash {
				t.Errorf("%s %s: read %q (%s); file has %v", tag, u.ID, u.Target, u.Hash, m)
			}
		}
		// The units make a work file that merges cleanly and changes nothing.
		work, err := WorkFile(units)
		if err != nil {
			t.Fatal(err)
		}
		wf, findings := msgfile.Parse("translate."+tag+".toml", work)
		if wf == nil {
			t.Fatalf("work file: %v\n%s", findings, work)
		}
		res, err := translation.Merge(src.Set.English, file, wf, language.MustParse(tag), file.Name)
		if err != nil || !bytes.Equal(res.Src, file.Src) {
			t.Errorf("%s: merging its own XLIFF changed the file (%v)", tag, err)
		}
	}
}

func TestReadXLIFFRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"not XML":        "hello",
		"XLIFF 1.2":      `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"></xliff>`,
		"wrong version":  `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="th"/>`,
		"bad target tag": `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="not a tag"/>`,
	} {
		if _, _, err := ReadXLIFF(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: ReadXLIFF succeeded", name)
		}
	}
}

func TestAndroidText(t *testing.T) {
	for in, want := range map[string]string{
		`It's "x"`:   `It\&#39;s \&#34;x\&#34;`,
		`a\b`:        `a\\b`,
		"@ref":       `\@ref`,
		"?attr":      `\?attr`,
		"mid@ok?":    "mid@ok?",
		"<b>&":       "&lt;b&gt;&amp;",
		"two  space": `"two  space"`,
		"line\nnext": `line\nnext`,
	} {
		if got := androidText(in); got != want {
			t.Errorf("androidText(%q) = %s; want %s", in, got, want)
		}
	}
}

func TestAndroidDirs(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "values", "th": "values-th", "id": "values-in", "fil": "values-b+fil values-tl",
		"zh-Hans": "values-b+zh+Hans values-zh-rCN values-zh-rSG", "zh-Hant": "values-b+zh+Hant values-zh-rTW values-zh-rHK values-zh-rMO", "pt-BR": "values-pt-rBR", "es-419": "values-b+es+419",
	} {
		dirs, err := androidDirs(language.MustParse(tag))
		if got := strings.Join(dirs, " "); err != nil || got != want {
			t.Errorf("androidDirs(%s) = %s, %v; want %s", tag, got, err, want)
		}
	}
}

func TestExportErrors(t *testing.T) {
	if _, err := Export("docx", source(t, "en")); err == nil {
		t.Error("unknown format accepted")
	}
	src := source(t, "th")
	src.Set = nil
	if _, err := Export("xliff", src); err == nil {
		t.Error("xliff without locale files accepted")
	}

}

// FuzzReadXLIFF: XLIFF comes back from translators' tools, so from
// outside. Two properties:
//   - whatever ReadXLIFF accepts makes a work file that msgfile.Parse
//     reads back with exactly the units' IDs, texts and hashes, in order;
//   - a text exported to XLIFF reads back as it was, or the export
//     refuses it.
func FuzzReadXLIFF(f *testing.F) {
	f.Add(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="th"><file id="f"><unit id="UnknownCode"><notes><note category="hash">h</note></notes><segment><source>x <ph id="1" equiv="{{.Code}}"/></source><target>ผิด <ph id="1"/> "q" 'a' 100%</target></segment></unit></file></xliff>`, "ok")
	f.Add(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar"><file><unit id="a.b"><segment><source>s</source><target><pc id="1">x</pc>&#x2068;y<cp hex="1F600"/></target></segment><ignorable><source>  </source></ignorable></unit></file></xliff>`, "  two  spaces\ttab\nnl ")
	f.Add(`<xliff version="2.0"/>`, "{{.Code}} <b>&amp; \"q\" ]]> {{")
	f.Add("", "\r\x00\u0085\ufffe")
	// One English message with a placeholder, so that an export is cheap
	// enough to fuzz.
	en, findings := msgfile.Parse("en.toml", []byte("[UnknownCode]\ndescription = \"d\"\nother = \"Failed ({{.Code}}).\"\n\n[Success]\nother = \"OK\"\n"))
	if en == nil {
		f.Fatal(findings)
	}
	th := language.Thai
	f.Fuzz(func(t *testing.T, doc, text string) {
		if _, units, err := ReadXLIFF(strings.NewReader(doc)); err == nil {
			work, err := WorkFile(units)
			if err != nil {
				t.Fatalf("WorkFile of accepted units: %v", err)
			}
			file, findings := msgfile.Parse("translate.th.toml", work)
			if file == nil {
				t.Fatalf("work file of accepted units does not parse: %v\n%s", findings, work)
			}
			if len(file.Messages) != len(units) {
				t.Fatalf("%d units made %d messages:\n%s", len(units), len(file.Messages), work)
			}
			for i, m := range file.Messages {
				if u := units[i]; m.ID != u.ID || m.Other != u.Target || m.Hash != u.Hash {
					t.Fatalf("unit %q %q %q came back as %q %q %q", u.ID, u.Target, u.Hash, m.ID, m.Other, m.Hash)
				}
			}
		}

		line, err := msgfile.KeyValue("other", text)
		if err != nil || strings.TrimSpace(text) == "" {
			return
		}
		file, _ := msgfile.Parse("th.toml", []byte("[Success]\n"+line+"\n"))
		if file == nil || file.Get("Success") == nil || file.Get("Success").Other != text {
			return // not a text a locale file can hold
		}
		file.Tag = th
		data, err := xliffFile(&msgfile.Set{English: en, Files: []*msgfile.File{en, file}}, th)
		if checkText(text) != nil {
			if err == nil {
				t.Fatalf("exported %q, which no format carries", text)
			}
			return
		}
		if err != nil {
			t.Fatalf("export of %q: %v", text, err)
		}
		_, units, err := ReadXLIFF(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("reading our own export of %q: %v", text, err)
		}
		for _, u := range units {
			if u.ID == "Success" && u.Target != text {
				t.Fatalf("%q came back as %q", text, u.Target)
			}
		}
	})
}

// TestI18nextFallbacks: with the exported config, i18next under Node
// serves every browser tag it maps as the library negotiates it (zh-TW
// Traditional Chinese, pt Brazilian Portuguese, iw Hebrew...).
func TestI18nextFallbacks(t *testing.T) {
	src := source(t)
	files := mustExport(t, "i18next", src)
	var config struct{ FallbackLng map[string][]string }
	if err := json.Unmarshal(files["i18next.config.json"], &config); err != nil {
		t.Fatal(err)
	}
	for _, alias := range []string{"zh-CN", "zh-TW", "zh-HK", "zh", "pt", "sr", "no", "in", "iw", "tl"} {
		if _, ok := config.FallbackLng[alias]; !ok {
			t.Errorf("i18next.config.json maps no %s", alias)
		}
	}
	var qs []i18nextQuery
	var wants []string
	for alias := range config.FallbackLng {
		if alias == "default" {
			continue
		}
		loc, _ := src.Bundle.Negotiate(alias)
		m, _ := loc.LookupNumber(1201)
		qs, wants = append(qs, i18nextQuery{alias, "saas_1201", ""}), append(wants, m.Text)
	}
	checkI18next(t, files, qs, wants)
}

// TestTypeScriptAccessor: the exported faceidmsg.ts, type-checked by tsc
// and run under Node, gives every code of the catalogue the library's key,
// hint key, category and retry flag, and unknown codes the library's
// generic message, shown or hidden as the library decides.
func TestTypeScriptAccessor(t *testing.T) {
	node := need(t, "node", "nodejs")
	needI18next(t)
	tsc, _ := filepath.Abs("testdata/i18next/node_modules/typescript/bin/tsc")
	src := source(t, "en")
	files := mustExport(t, "i18next", src)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "faceidmsg.ts"), files["faceidmsg.ts"], 0o644)
	accessor, _ := os.ReadFile("testdata/i18next/accessor.ts")
	os.WriteFile(filepath.Join(dir, "accessor.ts"), accessor, 0o644)
	os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"type": "module"}`), 0o644)
	if out, err := exec.Command(node, tsc, "--strict", "--target", "ES2022", "--module", "ES2022", "--moduleResolution", "bundler",
		"--outDir", filepath.Join(dir, "out"), filepath.Join(dir, "accessor.ts"), filepath.Join(dir, "faceidmsg.ts")).CombinedOutput(); err != nil {
		t.Fatalf("tsc: %v\n%s", err, out)
	}
	loc := src.Bundle.Localizer("en")
	var queries [][2]string
	var wants []faceidmsg.Message
	for _, m := range loc.Messages() {
		queries, wants = append(queries, [2]string{string(m.Namespace), m.Code}), append(wants, m)
	}
	for _, q := range [][2]string{{"saas", "1999"}, {"paas", "FailedOperation.New"}, {"saas", "12\u200b01"}, {"paas", "__proto__"}, {"appsdk", "<script>"}} {
		m, _ := loc.Lookup(faceidmsg.Namespace(q[0]), q[1])
		queries, wants = append(queries, q), append(wants, m)
	}
	arg, _ := json.Marshal(queries)
	out, err := exec.Command(node, filepath.Join(dir, "out", "accessor.js"), string(arg)).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got struct {
		Namespaces []string
		Out        []struct {
			Key       string
			HintKey   *string
			Category  string
			Retryable bool
			Code      string
			PlainKey  string
		}
	}
	if err := json.Unmarshal(out, &got); err != nil || len(got.Out) != len(queries) {
		t.Fatalf("node printed %s: %v", out, err)
	}
	for i, m := range wants {
		g := got.Out[i]
		key := faceidmsg.Key(m.Namespace, m.Code)
		switch m.MessageID {
		case "UnknownCode":
			key = UnknownKey
		case "UnknownCodeHidden":
			key = HiddenKey
		}
		hint := ""
		if g.HintKey != nil {
			hint = *g.HintKey
		}
		wantHint := ""
		if m.Hint != "" {
			wantHint = HintKey(key)
			if m.Category == faceidmsg.CategoryUnknown {
				wantHint = HintKey(UnknownKey)
			}
		}
		if g.Key != key || hint != wantHint || g.Category != string(m.Category) || g.Retryable != m.Retryable || g.PlainKey != faceidmsg.Key(faceidmsg.Namespace(queries[i][0]), queries[i][1]) {
			t.Errorf("lookup(%q, %q) = %+v; the library gives key %s, hint %q, %s, retry %t", queries[i][0], queries[i][1], g, key, wantHint, m.Category, m.Retryable)
		}
	}
}

// TestJavaAccessor: the exported FaceIdMsg.java compiles with javac
// against the R.java that aapt2 link --java generates from the exported
// resources, and gives every code of the catalogue the library's message
// and hint resources, category and retry flag, and unknown codes the
// generic message, shown or hidden as the library decides.
func TestJavaAccessor(t *testing.T) {
	aapt2 := need(t, "aapt2", "aapt")
	javac := need(t, "javac", "openjdk-17-jdk-headless")
	java := need(t, "java", "openjdk-17-jdk-headless")
	src := source(t, "en", "th")
	src.AndroidPackage = "org.faceidmsg.test"
	files := mustExport(t, "android", src)
	res := write(t, files)
	work := t.TempDir()
	run := func(name string, args ...string) string {
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return string(out)
	}
	manifest := filepath.Join(work, "AndroidManifest.xml")
	os.WriteFile(manifest, []byte(`<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.faceidmsg.test"/>`), 0o644)
	os.Remove(filepath.Join(res, "FaceIdMsg.java")) // not a resource
	run(aapt2, "compile", "--dir", res, "-o", filepath.Join(work, "res.zip"))
	gen := filepath.Join(work, "gen")
	run(aapt2, "link", "-o", filepath.Join(work, "app.apk"), "--manifest", manifest, "--java", gen, filepath.Join(work, "res.zip"))
	main, _ := os.ReadFile("testdata/java/Main.java")
	os.WriteFile(filepath.Join(work, "Main.java"), main, 0o644)
	os.WriteFile(filepath.Join(work, "FaceIdMsg.java"), files["FaceIdMsg.java"], 0o644)
	classes := filepath.Join(work, "classes")
	run(javac, "-d", classes, filepath.Join(gen, "org", "faceidmsg", "test", "R.java"), filepath.Join(work, "FaceIdMsg.java"), filepath.Join(work, "Main.java"))

	loc := src.Bundle.Localizer("en")
	var args []string
	var wants []faceidmsg.Message
	for _, m := range loc.Messages() {
		args, wants = append(args, string(m.Namespace), m.Code), append(wants, m)
	}
	for _, q := range [][2]string{{"saas", "1999"}, {"paas", "FailedOperation.New"}, {"saas", "12\u200b01"}, {"appsdk", "<script>"}} {
		m, _ := loc.Lookup(faceidmsg.Namespace(q[0]), q[1])
		args, wants = append(args, q[0], q[1]), append(wants, m)
	}
	lines := strings.Split(strings.TrimSuffix(run(java, append([]string{"-cp", classes, "org.faceidmsg.test.Main"}, args...)...), "\n"), "\n")
	if len(lines) != len(wants) {
		t.Fatalf("%d lines for %d codes", len(lines), len(wants))
	}
	for i, m := range wants {
		key, code := faceidmsg.Key(m.Namespace, m.Code), ""
		switch m.MessageID {
		case "UnknownCode":
			key, code = UnknownKey, args[2*i+1]
		case "UnknownCodeHidden":
			key = HiddenKey
		}
		hint := ""
		if m.Hint != "" {
			hint = HintKey(key)
			if m.Category == faceidmsg.CategoryUnknown {
				hint = HintKey(UnknownKey)
			}
		}
		want := fmt.Sprintf("%s|%s|%s|%t|%s", key, hint, strings.ToUpper(string(m.Category)), m.Retryable, code)
		if lines[i] != want {
			t.Errorf("lookup(%q, %q) = %s; the library gives %s", args[2*i], args[2*i+1], lines[i], want)
		}
	}
}
