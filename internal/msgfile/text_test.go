package msgfile

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestTextProblem(t *testing.T) {
	tests := []struct {
		s    string
		want string // a piece of the error; "" for none
	}{
		{"Hello.", ""}, {"สวัสดี", ""}, {"6\u00a0secondes", ""}, {"خطأ \u2068{{.Code}}\u2069", ""}, {"\u3164x", ""},
		{"", "blank"}, {"  \t", "blank"}, {"   ", "blank"}, {"\u200b\u200d", "blank"}, {"\u3164\u115f", "blank"},
		{"\u1160\uffa0", "blank"}, {"\u2800\u2800", "blank"}, {"\u00ad\u034f\ufe0f", "blank"}, {"\U000E0041", "blank"},
		{"\u202e\u2066", "blank"}, {"\ue000", "blank"}, {"\u3000 \u2003", "blank"},
		{"a\x1b[31m", "U+001B"}, {"bell\a", "U+0007"}, {"a\rb", "U+000D"}, {"a\nb", ""}, {"a\tb", ""}, {"\x00", "U+0000"},
		{"del\x7f", "U+007F"}, {"nel\u0085", "U+0085"}, {"csi\u009b", "U+009B"},
	}
	for _, tt := range tests {
		err := TextProblem(tt.s)
		if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("TextProblem(%q) = %v; want %q", tt.s, err, tt.want)
		}
		if tt.want == "blank" && !Blank(tt.s) || tt.want == "" && Blank(tt.s) {
			t.Errorf("Blank(%q) = %v; want it to agree with TextProblem", tt.s, Blank(tt.s))
		}
	}
}

// TestCheckControlCharacters: check reports a control character as an
// error on the message's line.
func TestCheckControlCharacters(t *testing.T) {
	en := Must(Parse("en.toml", []byte(enSrc)))
	for _, src := range []string{
		"[Hello]\nother = \"\\u001b[31mสวัสดี\"\n",
		"[Hello]\nother = \"\\u0007สวัสดี\"\n",
	} {
		f := Must(Parse("th.toml", []byte(src)))
		got := Check(en, f, Options{Override: true})
		if len(got) == 0 || got[0].Kind != KindControl || got[0].Severity != Error || got[0].Line != 1 || got[0].MessageID != "Hello" {
			t.Errorf("Check(%q) = %v; want a control-character error on line 1", src, got)
		}
	}
	// Count takes an invisible text for an empty one (so do the work file and merge, which use it).
	f := Must(Parse("th.toml", []byte("[Hello]\nother = \"\\u3164\"\n")))
	if st := Count(en, f); st.Missing != 3 {
		t.Errorf("Count = %+v; want the invisible text counted missing", st)
	}
}

// TestTagFromNameCanonical: a non-canonical name is refused with the name
// to use, and every shipped locale file is named canonically.
func TestTagFromNameCanonical(t *testing.T) {
	for name, want := range map[string]string{"in.toml": "id.toml", "iw.toml": "he.toml", "tl.toml": "fil.toml", "cmn-Hans.toml": "zh-Hans.toml", "zh-hant.toml": "zh-Hant.toml", "TH.toml": "th.toml"} {
		if _, f := TagFromName(name); f == nil || f.Severity != Error || !strings.Contains(f.Err.Error(), "name it "+want) {
			t.Errorf("TagFromName(%q) = %v; want an error naming %s", name, f, want)
		}
	}
	names, err := filepath.Glob("../../locales/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no shipped locales: %v", err)
	}
	for _, n := range names {
		if _, f := TagFromName(n); f != nil {
			t.Errorf("shipped %s: %v", n, f)
		}
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		s, left, right string
		want           []string // actions in brackets
	}{
		{"Error {{.Code}}.", "", "", []string{"Error ", "[{{.Code}}]", "."}},
		{"{{ .Code }}{{- .Code -}}", "", "", []string{"[{{ .Code }}]", "[{{- .Code -}}]"}},
		{`a {{printf "}}" .Code}} b`, "", "", []string{"a ", `[{{printf "}}" .Code}}]`, " b"}},
		{"a {{printf `}}`}} b", "", "", []string{"a ", "[{{printf `}}`}}]", " b"}},
		{"a {{/* }} */}} b", "", "", []string{"a ", "[{{/* }} */}}]", " b"}},
		{"a {{- /* }} */ -}} b", "", "", []string{"a ", "[{{- /* }} */ -}}]", " b"}},
		{"a {{ unclosed", "", "", []string{"a {{ unclosed"}},
		{"{{literal}} <<.Code>>", "<<", ">>", []string{"{{literal}} ", "[<<.Code>>]"}},
		{"%%.Code%% and %%", "%%", "%%", []string{"[%%.Code%%]", " and %%"}},
		{"only right }}", "", "", []string{"only right }}"}},
	}
	for _, tt := range tests {
		parts, isAction := Segments(tt.s, tt.left, tt.right)
		var got []string
		for i, p := range parts {
			if isAction[i] {
				p = "[" + p + "]"
			}
			got = append(got, p)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Segments(%q, %q, %q) = %q; want %q", tt.s, tt.left, tt.right, got, tt.want)
		}
	}
	en := Must(Parse("en.toml", []byte(enSrc)))
	if !HasActions(en.Get("Code").Message) || HasActions(en.Get("Hello").Message) {
		t.Error("HasActions wrong for the English source")
	}
	custom := Must(Parse("th.toml", []byte("[Code]\nleftdelim = \"<<\"\nrightdelim = \">>\"\nother = \"{{x}} <<.Code>>\"\n"))).Get("Code").Message
	if parts, _ := MessageSegments(custom); len(parts) != 2 || parts[1] != "<<.Code>>" || !HasActions(custom) {
		t.Errorf("MessageSegments with the message's delimiters = %q", parts)
	}
}

// TestPluralFormsRefused: the messages have no counts, so a plural form
// is an error on its line when the file is read, whatever reads it (check,
// merge, import and the library all read files through Parse).
func TestPluralFormsRefused(t *testing.T) {
	for _, src := range []string{
		"[Hello]\none = \"สว่าง\"\nother = \"สวัสดี\"\n",
		"[Hello]\nother = \"สวัสดี\"\nFew = \"x\"\n",
		"[Code]\nzero = \"{{printf \\\"%0999999999d\\\" 1}}\"\nother = \"ผิดพลาด {{.Code}}\"\n",
	} {
		_, findings := Parse("th.toml", []byte(src))
		ok := false
		for _, f := range findings {
			ok = ok || f.Kind == KindReserved && f.Severity == Error && f.Line >= 2 && strings.Contains(f.Err.Error(), "plural form")
		}
		if !ok {
			t.Errorf("Parse(%q) = %v; want a plural-form error on the form's line", src, findings)
		}
	}
}
