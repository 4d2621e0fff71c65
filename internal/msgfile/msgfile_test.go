package msgfile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"
)

// enSrc is a small English source for the tests (package translation's
// tests have the same).
const enSrc = `# English source.

[Hello]
description = "Greeting."
other = "Hello."

[Bye]
description = "Farewell."
other = "Goodbye."

[Code]
description = "Has a placeholder."
other = "Error {{.Code}}."
`

// enHash is the hash of enSrc's message id.
func enHash(id string) string { return Hash(Must(Parse("en.toml", []byte(enSrc))).Get(id).Message) }

// brief is what a test compares of a finding.
type brief struct {
	file  string
	line  int
	id    string
	sev   Severity
	kind  Kind
	errIs string // a piece of the message
}

func briefs(fs []Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.File, f.Line, f.MessageID, f.Severity, f.Kind, ""})
	}
	return out
}

func TestParseFindings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []brief
		col  int
	}{
		{"syntax: unclosed table", "[Hello]\nother = \"x\"\n[Bye\nother = \"y\"\n", []brief{{"th.toml", 3, "", Error, KindSyntax, ""}}, 5},
		{"syntax: unterminated string", "[Hello]\nother = \"สวัสดี\n", []brief{{"th.toml", 2, "", Error, KindSyntax, ""}}, 0},
		{"invalid UTF-8", "[Hello]\nother = \"\xff\"\n", []brief{{"th.toml", 2, "", Error, KindSyntax, ""}}, 10},
		{"reserved key at the top", "other = \"x\"\n", []brief{{"th.toml", 1, "", Error, KindReserved, ""}}, 0},
		{"reserved key misspelt case at the top", "Description = \"x\"\n", []brief{{"th.toml", 1, "", Error, KindReserved, ""}}, 0},
		{"mixed keys", "[Hello]\nother = \"x\"\nnote = \"y\"\n", []brief{{"th.toml", 1, "Hello", Error, KindReserved, ""}}, 0},
		{"id key", "[Hello]\nid = \"Bye\"\nother = \"x\"\n", []brief{{"th.toml", 2, "Hello", Error, KindReserved, ""}}, 0},
		{"non-string value", "[Hello]\nother = 1\n", []brief{{"th.toml", 2, "Hello", Error, KindReserved, ""}}, 0},
		{"quoted and dotted IDs collide", "[\"a.b\"]\nother = \"x\"\n\n[a.b]\nother = \"y\"\n", []brief{{"th.toml", 4, "a.b", Error, KindDuplicate, ""}}, 0},
		{"key and table IDs collide", "[a]\nb = \"x\"\n\n[\"a.b\"]\nother = \"y\"\n", []brief{{"th.toml", 4, "a.b", Error, KindDuplicate, ""}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, got := Parse("th.toml", []byte(tt.src))
			if f != nil {
				t.Errorf("Parse returned a File despite errors")
			}
			if b := briefs(got); !slices.Equal(b, tt.want) {
				t.Errorf("findings = %+v; want %+v (%v)", b, tt.want, got)
			}
			if tt.col > 0 && len(got) > 0 && got[0].Column != tt.col {
				t.Errorf("column = %d; want %d", got[0].Column, tt.col)
			}
		})
	}
}

func TestParseLines(t *testing.T) {
	src := "B = \"y\"\n\n# lead\n[A]\nother = \"x\"\n\n[\"C\"]\nother = '''multi\nline'''\n\n[n]\nd = \"nested\"\n"
	f := Must(Parse("xx.toml", []byte(src)))
	want := map[string]int{"B": 1, "A": 4, "C": 7, "n.d": 12}
	for id, line := range want {
		if m := f.Get(id); m == nil || m.Line != line {
			t.Errorf("message %s at line %v; want %d", id, m, line)
		}
	}
	if got := f.IDs(); !slices.Equal(got, []string{"B", "A", "C", "n.d"}) {
		t.Errorf("IDs() = %v; want file order", got)
	}
}

func TestTagFromName(t *testing.T) {
	tests := []struct {
		name string
		tag  string
		sev  Severity // "" for none
	}{
		{"th.toml", "th", ""}, {"zh-Hant.toml", "zh-Hant", ""}, {"pt-BR.toml", "pt-BR", ""},
		{"zh-hant.toml", "und", Error}, {"EN.toml", "und", Error}, {"TH.toml", "und", Error},
		{"in.toml", "und", Error}, {"iw.toml", "und", Error}, {"tl.toml", "und", Error}, {"cmn-Hans.toml", "und", Error},
		{"th-u-nu-thai.toml", "und", Error}, {"en-t-ja.toml", "und", Error}, {"de-x-foo.toml", "und", Error}, {"x-private.toml", "und", Error},
		{"de-1996.toml", "de-1996", ""}, {"sr-Latn.toml", "sr-Latn", ""},
		{"en.toml", "en", ""}, {"zh-Hans.toml", "zh-Hans", ""}, {"fil.toml", "fil", ""}, {"en-XA.toml", "en-XA", ""},
		{"ar-XB.toml", "ar-XB", ""}, {"ms.toml", "ms", ""}, {"id.toml", "id", ""},
		{"xx-invalid.toml", "und", Error}, {"zh_TW.toml", "und", Error}, {"und.toml", "und", Error},
		{"active.th.toml", "und", Error}, {"th.json", "und", Error}, {".toml", "und", Error},
	}
	for _, tt := range tests {
		tag, f := TagFromName(tt.name)
		var sev Severity
		if f != nil {
			sev = f.Severity
			if f.Kind != KindFileName || f.File != tt.name {
				t.Errorf("TagFromName(%q) finding %+v", tt.name, f)
			}
		}
		if tag.String() != tt.tag || sev != tt.sev {
			t.Errorf("TagFromName(%q) = %s, %q; want %s, %q", tt.name, tag, sev, tt.tag, tt.sev)
		}
	}
}

func TestCheckFindings(t *testing.T) {
	en := Must(Parse("en.toml", []byte(enSrc)))
	h := func(id string) string { return `hash = "` + enHash(id) + `"` + "\n" }
	complete := "[Hello]\n" + h("Hello") + "other = \"สวัสดี\"\n\n[Bye]\n" + h("Bye") + "other = \"ลาก่อน\"\n\n[Code]\n" + h("Code") + "other = \"ผิดพลาด {{.Code}}\"\n"
	tests := []struct {
		name string
		src  string
		opt  Options
		want []brief
	}{
		{"clean", complete, Options{}, nil},
		{"unknown ID", complete + "\n[Helo]\nother = \"x\"\n", Options{}, []brief{{"th.toml", 13, "Helo", Error, KindUnknownID, ""}}},
		{"missing, shipped", "[Hello]\n" + h("Hello") + "other = \"สวัสดี\"\n[Code]\n" + h("Code") + "other = \"{{.Code}}\"\n", Options{},
			[]brief{{"th.toml", 0, "Bye", Error, KindMissing, ""}}},
		{"missing, override", "[Hello]\nother = \"สวัสดี\"\n", Options{Override: true},
			[]brief{{"th.toml", 0, "Bye", Warning, KindUntranslated, ""}, {"th.toml", 0, "Code", Warning, KindUntranslated, ""}}},
		{"missing, override, complete required", "[Hello]\nother = \"สวัสดี\"\n", Options{Override: true, RequireComplete: true},
			[]brief{{"th.toml", 0, "Bye", Error, KindUntranslated, ""}, {"th.toml", 0, "Code", Error, KindUntranslated, ""}}},
		{"empty text", strings.Replace(complete, "ลาก่อน", "", 1), Options{}, []brief{{"th.toml", 5, "Bye", Error, KindEmpty, ""}}},
		{"blank text", strings.Replace(complete, "ลาก่อน", "  ", 1), Options{}, []brief{{"th.toml", 5, "Bye", Error, KindEmpty, ""}}},
		{"same as English", strings.Replace(complete, "ลาก่อน", "Goodbye.", 1), Options{}, []brief{{"th.toml", 5, "Bye", Warning, KindSameAsEn, ""}}},
		{"same as English, marked", strings.Replace(complete, "[Bye]\n", "# same-as-english: the brand word\n[Bye]\n", 1) + "", Options{},
			nil},
		{"marked in the block", strings.Replace(strings.Replace(complete, "ลาก่อน", "Goodbye.", 1), "other = \"Goodbye.\"", "other = \"Goodbye.\" # same-as-english", 1), Options{}, nil},
		{"placeholder dropped", strings.Replace(complete, "ผิดพลาด {{.Code}}", "ผิดพลาด", 1), Options{}, []brief{{"th.toml", 9, "Code", Error, KindPlaceholder, ""}}},
		{"placeholder renamed", strings.Replace(complete, "{{.Code}}", "{{.Kode}}", 1), Options{}, []brief{{"th.toml", 9, "Code", Error, KindPlaceholder, ""}}},
		{"placeholder added", strings.Replace(complete, "สวัสดี", "สวัสดี {{.Code}}", 1), Options{}, []brief{{"th.toml", 1, "Hello", Error, KindPlaceholder, ""}}},
		{"placeholder spacing is free", strings.Replace(complete, "{{.Code}}", "{{ .Code }}", 1), Options{}, nil},
		{"template does not parse", strings.Replace(complete, "{{.Code}}", "{{.Code}", 1), Options{}, []brief{{"th.toml", 9, "Code", Error, KindTemplate, ""}}},
		{"stale", strings.Replace(complete, enHash("Bye"), "sha1-0000", 1), Options{}, []brief{{"th.toml", 5, "Bye", Error, KindStale, ""}}},
		{"unhashed, shipped", "[Hello]\n" + h("Hello") + "other = \"สวัสดี\"\n\n[Bye]\nother = \"ลาก่อน\"\n\n[Code]\n" + h("Code") + "other = \"{{.Code}}\"\n", Options{},
			[]brief{{"th.toml", 5, "Bye", Warning, KindUnhashed, ""}}},
		{"unhashed, override", "[Bye]\nother = \"ลาก่อน\"\n", Options{Override: true},
			[]brief{{"th.toml", 0, "Hello", Warning, KindUntranslated, ""}, {"th.toml", 0, "Code", Warning, KindUntranslated, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Must(Parse("th.toml", []byte(tt.src)))
			got := Check(en, f, tt.opt)
			if b := briefs(got); !slices.Equal(b, tt.want) {
				t.Errorf("Check = %+v; want %+v\n%v", b, tt.want, got)
			}
		})
	}
}

func TestCheckSourceAndEnglishVariants(t *testing.T) {
	en := Must(Parse("en.toml", []byte(enSrc+"\n[Broken]\ndescription = \"x\"\nother = \"{{if}}\"\n")))
	if got := briefs(CheckSource(en)); !slices.Equal(got, []brief{{"en.toml", 15, "Broken", Error, KindTemplate, ""}}) {
		t.Errorf("CheckSource = %+v", got)
	}
	// An English variant may equal English without a marker.
	gb := Must(Parse("en-GB.toml", []byte("[Hello]\nother = \"Hello.\"\n")))
	if got := Check(Must(Parse("en.toml", []byte(enSrc))), gb, Options{Override: true, RequireComplete: false}); slices.ContainsFunc(got, func(f Finding) bool { return f.Kind == KindSameAsEn }) {
		t.Errorf("en-GB flagged as same as English: %v", got)
	}
}

func TestLoadSet(t *testing.T) {
	fsys := fstest.MapFS{
		"en.toml":       {Data: []byte(enSrc)},
		"th.toml":       {Data: []byte("[Hello]\nother = \"สวัสดี\"\n")},
		"bad name.toml": {Data: []byte("")},
		"zh-hant.toml":  {Data: []byte("[Hello]\nother = \"你好\"\n")},
		"broken.toml":   {Data: []byte("[")},
		"fr.toml":       {Data: []byte("[Hello\n")},
		"notes.txt":     {Data: []byte("ignored")},
	}
	set, findings := LoadSet(fsys, ".", "loc", nil)
	if set.English == nil || set.Files[0].Tag != language.English {
		t.Fatalf("English not first: %v", set.Files)
	}
	var tags []string
	for _, f := range set.Files {
		tags = append(tags, f.Tag.String())
	}
	if !slices.Equal(tags, []string{"en", "th"}) {
		t.Errorf("files = %v; want en, th", tags)
	}
	want := []brief{
		{"loc/bad name.toml", 0, "", Error, KindFileName, ""},
		{"loc/broken.toml", 0, "", Error, KindFileName, ""},
		{"loc/fr.toml", 1, "", Error, KindSyntax, ""},
		{"loc/zh-hant.toml", 0, "", Error, KindFileName, ""},
	}
	if got := briefs(findings); !slices.Equal(got, want) {
		t.Errorf("findings = %+v; want %+v", got, want)
	}
	// With a base, the dir's en.toml is layered over it.
	base := Must(Parse("base/en.toml", []byte(enSrc+"\n[Extra]\ndescription = \"e\"\nother = \"Extra.\"\n")))
	over := fstest.MapFS{"en.toml": {Data: []byte("[Hello]\nother = \"Hi.\"\n")}}
	set, _ = LoadSet(over, ".", "o", base)
	if set.English.Get("Hello").Other != "Hi." || set.English.Get("Extra") == nil {
		t.Errorf("layered English wrong: %v", set.English.IDs())
	}
}

func TestCount(t *testing.T) {
	en := Must(Parse("en.toml", []byte(enSrc)))
	f := Must(Parse("th.toml", []byte("[Hello]\nhash = \"sha1-old\"\nother = \"x\"\n[Bye]\nother = \"y\"\n[Code]\nother = \"\"\n")))
	st := Count(en, f)
	if st != (Stats{Total: 3, Translated: 2, Missing: 1, Stale: 1}) || st.Done() != 33 {
		t.Errorf("Count = %+v (done %d)", st, st.Done())
	}
}

func TestApplyKeepsEverythingElse(t *testing.T) {
	src := `# Thai, by hand. Keep this comment.

# About Hello.
[Hello]
other = "old"   # trailing note

[Code]
# inside the block
hash = "sha1-x"
other = """
multi
line""" # same-as-english? no
`
	f := Must(Parse("th.toml", []byte(src)))
	out, err := Apply(f, []Edit{
		{ID: "Hello", Other: "สวัสดี \"ครับ\"", Hash: "sha1-h"},
		{ID: "Bye", Other: "ลาก่อน", Hash: "sha1-b"},
		{ID: "Code", Other: "ผิดพลาด {{.Code}}", Hash: "sha1-c"},
	}, []string{"Hello", "Bye", "Code"})
	if err != nil {
		t.Fatal(err)
	}
	want := `# Thai, by hand. Keep this comment.

# About Hello.
[Hello]
hash = "sha1-h"
other = "สวัสดี \"ครับ\""   # trailing note

[Bye]
hash = "sha1-b"
other = "ลาก่อน"

[Code]
# inside the block
hash = "sha1-c"
other = "ผิดพลาด {{.Code}}" # same-as-english? no
`
	if string(out) != want {
		t.Errorf("Apply =\n%s\nwant\n%s", out, want)
	}
}

func TestApplyOrder(t *testing.T) {
	f := Must(Parse("th.toml", []byte("# top\n\n[B]\nother = \"b\"\n")))
	out, err := Apply(f, []Edit{{ID: "A", Other: "a", Hash: "h1"}, {ID: "C", Other: "c", Hash: "h3"}, {ID: "Z", Other: "z", Hash: "h9"}}, []string{"A", "B", "C"})
	if err != nil {
		t.Fatal(err)
	}
	got := Must(Parse("th.toml", []byte(string(out)))).IDs()
	if !slices.Equal(got, []string{"A", "B", "C", "Z"}) {
		t.Errorf("order = %v; want English order, unknown last\n%s", got, out)
	}
	if !strings.HasPrefix(string(out), "# top\n\n[A]") {
		t.Errorf("new first message not placed before the first table, after the top comment:\n%s", out)
	}
}

func TestApplyRefusesKeyForm(t *testing.T) {
	f := Must(Parse("th.toml", []byte("Hello = \"x\"\n")))
	if _, err := Apply(f, []Edit{{ID: "Hello", Other: "y", Hash: "h"}}, nil); err == nil || !strings.Contains(err.Error(), "th.toml:1") {
		t.Errorf("Apply on a key-form message: %v; want an error naming th.toml:1", err)
	}
}

func TestKeyValueEscapes(t *testing.T) {
	for _, s := range []string{`a "quoted" word`, `back\slash`, "tab\tand\nnewline", "ไทย", "\u202e", "خطأ \u2068{{.Code}}\u2069"} {
		line, err := KeyValue("other", s)
		if err != nil {
			t.Fatal(err)
		}
		var v struct{ Other string }
		if _, err := toml.Decode(line, &v); err != nil || v.Other != s {
			t.Errorf("KeyValue(%q) = %s; decodes to %q, %v", s, line, v.Other, err)
		}
		if strings.ContainsFunc(line, isBidiControl) {
			t.Errorf("KeyValue(%q) = %s; bidi controls must be escaped", s, line)
		}
	}
}

func TestReadFileLimits(t *testing.T) {
	big := bytes.Repeat([]byte("#"), MaxSize+1)
	_, got := ReadFile(fstest.MapFS{"th.toml": {Data: big}}, "th.toml", "x/th.toml")
	if len(got) != 1 || got[0].Kind != KindTooLarge || got[0].File != "x/th.toml" {
		t.Errorf("ReadFile of a large file: %v", got)
	}
	_, got = ReadFile(fstest.MapFS{}, "th.toml", "x/th.toml")
	if len(got) != 1 || !errors.Is(got[0].Err, os.ErrNotExist) {
		t.Errorf("ReadFile of a missing file: %v", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{enSrc, "[a]\nother = \"x\"\n", "a = \"b\"\n", "[\"a.b\"]\nother=\"\"\n[a.b]\nother=\"\"", "other = 1", "[x]\nid = \"y\"\nother = '''\nz'''\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, findings := Parse("f.toml", []byte(src))
		if file == nil {
			if !HasError(findings) {
				t.Fatalf("no File and no error for %q", src)
			}
			return
		}
		for _, m := range file.Messages {
			if m.Line < 0 || m.Line > strings.Count(src, "\n")+1 {
				t.Fatalf("message %s at line %d, outside the file", m.ID, m.Line)
			}
		}
		// An accepted edit changes only the lines it replaces: every other
		// line of the original, comments included, is in the result in
		// order, and every message not edited has exactly the same text.
		if len(file.Messages) > 0 {
			id := file.Messages[0].ID
			out, err := Apply(file, []Edit{{ID: id, Other: "x\"y", Hash: "h"}, {ID: "New", Other: "n", Hash: "h"}}, []string{id, "New"})
			if err != nil {
				return
			}
			g, fs := Parse("f.toml", out)
			if g == nil {
				t.Fatalf("Apply's result does not parse (%v):\n%s", fs, out)
			}
			replaced := map[int]bool{}
			if m := file.Get(id); m.first >= 0 {
				for _, it := range file.items {
					if !it.header && len(it.path) == 1 && it.first > m.first && it.first <= m.last {
						for i := it.first; i <= it.last; i++ {
							replaced[i] = true
						}
					}
				}
			}
			outLines := strings.Split(strings.ReplaceAll(strings.TrimPrefix(string(out), bom), "\r\n", "\n"), "\n")
			k := 0
			for i, l := range file.lines {
				if replaced[i] {
					continue
				}
				for k < len(outLines) && outLines[k] != l.text {
					k++
				}
				if k == len(outLines) {
					t.Fatalf("line %d %q of the original is lost or out of order:\n%s", i+1, l.text, out)
				}
				k++
			}
			for _, m := range file.Messages {
				if m.ID != id && (g.Get(m.ID) == nil || *g.Get(m.ID).Message != *m.Message) {
					t.Fatalf("message %s changed:\n%s", m.ID, out)
				}
			}
		}
	})
}

// TestApplyNoOpKeepsLines: merging a message that is already so leaves its
// lines exactly as the translator wrote them, escapes included.
func TestApplyNoOpKeepsLines(t *testing.T) {
	src := "[Hello]\nhash = \"h\"\nother = \"6\\u00A0secondes\"   # no-break space, kept visible\n"
	f := Must(Parse("fr.toml", []byte(src)))
	out, err := Apply(f, []Edit{{ID: "Hello", Other: "6\u00a0secondes", Hash: "h"}}, []string{"Hello"})
	if err != nil || string(out) != src {
		t.Errorf("Apply of an unchanged message = %q, %v; want the file as it was", out, err)
	}
	out, err = Apply(f, []Edit{{ID: "Hello", Other: "7\u00a0secondes", Hash: "h"}}, []string{"Hello"})
	if err != nil || !strings.Contains(string(out), `other = "7\u00A0secondes"   # no-break space`) {
		t.Errorf("Apply of a changed message = %q, %v; want the no-break space escaped and the comment kept", out, err)
	}
}

func TestTableHeader(t *testing.T) {
	for _, id := range []string{"Hello", "a.b", "with space", `quote"back\slash`, "ไทย", "\x00ctl", ""} {
		src := TableHeader(id) + "\nother = \"x\"\n"
		f, findings := Parse("t.toml", []byte(src))
		if f == nil || f.Get(id) == nil || len(f.Messages) != 1 {
			t.Errorf("TableHeader(%q) = %s; parses to %v, %v", id, TableHeader(id), f, findings)
		}
	}
}

func TestParseStructureFindings(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		id        string
		want      string
	}{
		{"case-variant keys", "[Hello]\nother = \"a\"\nOther = \"b\"\n", 3, "Hello", "same key"},
		{"array of tables", "[[Hello]]\nother = \"a\"\n", 1, "", "array of tables"},
		{"integer in a table", "[Hello]\nother = \"a\"\n[Bye]\nfoo = 1\n", 4, "Bye", "an integer"},
		{"integer at the top", "x = 1\n", 1, "", "an integer"},
		{"boolean value", "[Hello]\nother = true\n", 2, "Hello", "a boolean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, got := Parse("th.toml", []byte(tt.src))
			if f != nil || len(got) == 0 {
				t.Fatalf("Parse accepted %q", tt.src)
			}
			if got[0].Line != tt.line || got[0].MessageID != tt.id || got[0].Kind != KindReserved || !strings.Contains(got[0].Err.Error(), tt.want) {
				t.Errorf("finding = %v (line %d, id %q); want line %d, id %q, %q", got[0], got[0].Line, got[0].MessageID, tt.line, tt.id, tt.want)
			}
		})
	}
	// A dotted key defines its message at its own line.
	f := Must(Parse("th.toml", []byte("# c\nHello.other = \"x\"\n")))
	if m := f.Get("Hello"); m == nil || m.Line != 2 {
		t.Errorf("dotted key message: %v", m)
	}
}

func TestMust(t *testing.T) {
	if f := Must(Parse("en.toml", []byte(enSrc))); f.Get("Hello") == nil || f.Tag != language.English {
		t.Errorf("Must(Parse(en.toml)) = %+v", f)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "en.toml") {
			t.Errorf("Must on a syntax error: recovered %v; want a panic naming the file", r)
		}
	}()
	Must(Parse("en.toml", []byte("[Hello\n")))
}
