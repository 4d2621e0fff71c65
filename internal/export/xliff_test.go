package export

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// xlf is an XLIFF document with the given root attributes and units.
func xlf(attrs, units string) string {
	return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" ` + attrs + `><file id="f">` + units + `</file></xliff>`
}

const okUnit = `<unit id="Success"><segment state="translated"><source>x</source><target>y</target></segment></unit>`

func TestReadXLIFFRefuses(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"French source", xlf(`srcLang="fr" trgLang="th"`, okUnit), `srcLang "fr"`},
		{"no source language", xlf(`trgLang="th"`, okUnit), `srcLang ""`},
		{"region for a script", xlf(`srcLang="en" trgLang="zh-TW"`, okUnit), "the locale is zh-Hant"},
		{"region for a script, Serbian", xlf(`srcLang="en" trgLang="sr-ME"`, okUnit), "the locale is sr-Latn"},
		{"not canonical", xlf(`srcLang="en" trgLang="TH"`, okUnit), "the locale is th"},
		{"traversal", xlf(`srcLang="en" trgLang="../../x"`, okUnit), "not a BCP 47 tag"},
		{"empty target language", xlf(`srcLang="en" trgLang=""`, okUnit), "not a BCP 47 tag"},
		{"too large", xlf(`srcLang="en" trgLang="th"`, okUnit+"<!--"+strings.Repeat("x", maxXLIFF)+"-->"), "too large"},
		{"duplicate unit", xlf(`srcLang="en" trgLang="th"`, okUnit+okUnit), "twice"},
		{"duplicate unit across files", xlf(`srcLang="en" trgLang="th"`, okUnit+`</file><file id="g">`+okUnit), "twice"},
		{"reserved id", xlf(`srcLang="en" trgLang="th"`, strings.ReplaceAll(okUnit, "Success", "Other")), "go-i18n's message keys"},
		{"no id", xlf(`srcLang="en" trgLang="th"`, strings.ReplaceAll(okUnit, ` id="Success"`, "")), "without an id"},
		{"control character", xlf(`srcLang="en" trgLang="th"`, strings.ReplaceAll(okUnit, ">y<", `>y<cp hex="1B"/><`)), "U+001B"},
		{"bad code point", xlf(`srcLang="en" trgLang="th"`, strings.ReplaceAll(okUnit, ">y<", `>y<cp hex="D800"/><`)), "not a code point"},
		{"a target in a target", xlf(`srcLang="en" trgLang="th"`, strings.ReplaceAll(okUnit, "<target>y</target>", "<target>y<target>z</target></target>")), "a <target> inside a <target>"},
		{"a translated segment without a target", xlf(`srcLang="en" trgLang="th"`, `<unit id="Success"><segment state="translated"><source>x</source><target>y</target></segment><segment state="translated"><source>z</source></segment></unit>`), "a segment without a target"},
		{"a unit in a group", xlf(`srcLang="en" trgLang="th"`, okUnit+`<group id="g1">`+strings.ReplaceAll(okUnit, "Success", "LightTooDim")+`</group>`), "<group> inside a <file> is not read"},
		{"a group in a group", xlf(`srcLang="en" trgLang="th"`, `<group id="g1"><group id="g2">`+okUnit+`</group></group>`), "<group> inside a <file> is not read"},
		{"placeholder with no equiv and no source", xlf(`srcLang="en" trgLang="th"`, strings.ReplaceAll(okUnit, ">y<", `>y<ph id="ph1"/><`)), `<ph id="ph1"/> has no equiv`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadXLIFF(strings.NewReader(c.doc))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("ReadXLIFF = %v; want an error with %q", err, c.want)
			}
		})
	}
}

func TestReadXLIFFInline(t *testing.T) {
	for _, c := range []struct{ name, unit, want string }{
		{"code point", `<source>a</source><target>a<cp hex="2068"/>b<cp hex="1F600"/></target>`, "a\u2068b\U0001F600"},
		{"placeholder by id, no equiv", `<source>x <ph id="ph1" equiv="{{.Code}}"/></source><target><ph id="ph1"/> y</target>`, "{{.Code}} y"},
		{"runs of spaces and a newline", `<source xml:space="preserve">a</source><target xml:space="preserve">  two  &#xA;end </target>`, "  two  \nend "},
		{"markup keeps its text", `<source>a</source><target><pc id="1">b<mrk id="m">c</mrk></pc>d</target>`, "bcd"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := xlf(`srcLang="en" trgLang="th"`, `<unit id="Success"><segment state="translated">`+c.unit+`</segment></unit>`)
			_, units, err := ReadXLIFF(strings.NewReader(doc))
			if err != nil || len(units) != 1 || units[0].Target != c.want {
				t.Errorf("ReadXLIFF = %+v, %v; want target %q", units, err, c.want)
			}
		})
	}
	// Segments and the ignorable between them make one text.
	doc := xlf(`srcLang="en" trgLang="th"`, `<unit id="Success"><segment state="translated"><source>A.</source><target>a.</target></segment><ignorable><source> </source></ignorable><segment state="final"><source>B.</source><target>b.</target></segment></unit>`)
	if _, units, err := ReadXLIFF(strings.NewReader(doc)); err != nil || len(units) != 1 || units[0].Target != "a. b." || units[0].State != "translated" {
		t.Errorf("two segments: %+v, %v; want one target \"a. b.\"", units, err)
	}
}

// TestReadXLIFFHash: the hash note is the record of the English the
// target came from only when it is the hash of what the unit shows (the
// audit's M5/M6: a copied hash hid a stale translation; a missing one was
// stamped with the current English's).
func TestReadXLIFFHash(t *testing.T) {
	src := source(t, "th")
	en := src.Set.English.Get("Success")
	current := msgfile.Hash(en.Message)
	unit := func(source, note string) string {
		notes := `<notes><note category="description">` + escape(en.Description) + `</note>` + note + `</notes>`
		return `<unit id="Success">` + notes + `<segment state="translated"><source>` + source + `</source><target>ok</target></segment></unit>`
	}
	read := func(u string) Unit {
		t.Helper()
		_, units, err := ReadXLIFF(strings.NewReader(xlf(`srcLang="en" trgLang="th"`, u)))
		if err != nil || len(units) != 1 {
			t.Fatalf("ReadXLIFF: %v, %v", units, err)
		}
		return units[0]
	}
	hashNote := `<note category="hash">` + current + `</note>`
	if got := read(unit(escape(en.Other), hashNote)).Hash; got != current {
		t.Errorf("current source and hash: Hash %q; want %q", got, current)
	}
	old := "Verified, old wording."
	got := read(unit(old, hashNote)).Hash
	if got == current || got != msgfile.Hash(&i18n.Message{Description: en.Description, Other: old}) {
		t.Errorf("an older source with the current hash copied onto it: Hash %q; want the older English's, not %q", got, current)
	}
	if got := read(unit(escape(en.Other), "")).Hash; got != "" {
		t.Errorf("no hash note: Hash %q; want none", got)
	}
}

// TestXLIFFRoundTripUnhashed: a translation whose file records no hash
// (an override file) comes back with none, not the current English's.
func TestXLIFFRoundTripUnhashed(t *testing.T) {
	fsys := fstest.MapFS{"th.toml": {Data: []byte("[Success]\nother = \"  OK  \\ttab\\nline\"\n")}}
	src := layered(t, fsys, "th")
	files := mustExport(t, "xliff", src)
	_, units, err := ReadXLIFF(bytes.NewReader(files["th.xlf"]))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.ID == "Success" && (u.Hash != "" || u.Target != "  OK  \ttab\nline" || u.State != "translated") {
			t.Errorf("unhashed Success read back as %+v", u)
		}
	}
}

// xliffTargetTag: trgLang values a locale file can be named.
func TestReadXLIFFTargets(t *testing.T) {
	for _, s := range []string{"th", "zh-Hant", "zh-Hans", "pt-BR", "sr-Latn", "es-419", "qaa", "de-1996"} {
		tag, _, err := ReadXLIFF(strings.NewReader(xlf(`srcLang="en" trgLang="`+s+`"`, okUnit)))
		if err != nil || tag != language.MustParse(s) {
			t.Errorf("trgLang %s: %v, %v", s, tag, err)
		}
	}
}

// TestReadXLIFFPositions: errors and units carry the line of the .xlf.
func TestReadXLIFFPositions(t *testing.T) {
	head := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"th\">\n <file id=\"f\">\n"
	unit := func(id, target string) string {
		return "  <unit id=\"" + id + "\">\n   <segment state=\"translated\"><source>x</source><target>" + target + "</target></segment>\n  </unit>\n"
	}
	tail := " </file>\n</xliff>\n"
	_, units, err := ReadXLIFF(strings.NewReader(head + unit("LightTooDim", "a") + unit("LightTooBright", "b") + tail))
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 2 || units[0].Line != 4 || units[1].Line != 7 {
		t.Errorf("units = %+v; want LightTooDim on line 4, LightTooBright on 7", units)
	}
	for _, tt := range []struct {
		name, doc string
		line      int
	}{
		{"duplicate unit", head + unit("LightTooDim", "a") + unit("LightTooDim", "b") + tail, 7},
		{"control character through <cp>", head + unit("LightTooDim", "a") + unit("LightTooBright", "<cp hex=\"1B\"/>b") + tail, 7},
		{"control character in XML", head + unit("LightTooDim", "a") + unit("LightTooBright", "&#x1b;b") + tail, 8},
		{"XML syntax", head + unit("LightTooDim", "a") + "  <unit id=\"x\">\n   <segment></sgement>\n" + tail, 8},
	} {
		_, _, err := ReadXLIFF(strings.NewReader(tt.doc))
		var pe *PosError
		if !errors.As(err, &pe) || pe.Line != tt.line {
			t.Errorf("%s: error %v; want one at line %d", tt.name, err, tt.line)
		}
	}
}

// TestImportableAccountsForEveryUnit: every unit of a file is kept,
// reported as a draft, or reported as the shipped text unchanged, once.
func TestImportableAccountsForEveryUnit(t *testing.T) {
	shipped, _ := msgfile.Parse("th.toml", []byte("[A]\nother = \"a\"\n[B]\nother = \"b\"\n[C]\nother = \"c\"\n"))
	own, _ := msgfile.Parse("th.toml", []byte("[C]\nother = \"mine\"\n"))
	r := rand.New(rand.NewPCG(1, 1))
	for range 200 {
		var units []Unit
		for i, id := range []string{"A", "B", "C", "D", "E"} {
			if r.IntN(3) == 0 {
				continue
			}
			u := Unit{ID: id, Target: []string{"a", "b", "c", "x", "y"}[i], State: "translated"}
			if r.IntN(3) == 0 {
				u.State = "initial"
			}
			if r.IntN(2) == 0 {
				u.Target = "new"
			}
			units = append(units, u)
		}
		kept, drafts, unchanged, err := Importable(units, own, shipped)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for _, u := range kept {
			seen[u.ID]++
		}
		for _, id := range append(drafts, unchanged...) {
			seen[id]++
		}
		for _, u := range units {
			if seen[u.ID] != 1 {
				t.Fatalf("units %+v: %s is accounted for %d times (kept %v, drafts %v, unchanged %v)", units, u.ID, seen[u.ID], kept, drafts, unchanged)
			}
		}
		if len(kept)+len(drafts)+len(unchanged) != len(units) {
			t.Fatalf("units %+v: %d + %d + %d != %d", units, len(kept), len(drafts), len(unchanged), len(units))
		}
	}
}
