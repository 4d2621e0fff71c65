package translation

import (
	"slices"
	"strings"
	"testing"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// enSrc is a small English source for the tests, as in msgfile's.
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
func enHash(id string) string {
	return msgfile.Hash(msgfile.Must(msgfile.Parse("en.toml", []byte(enSrc))).Get(id).Message)
}

// TestRoundTrip: remove a translation, the work file lists it, fill it in,
// merge, check is clean with the hash recorded; then change English and
// check reports it stale.
func TestRoundTrip(t *testing.T) {
	en := msgfile.Must(msgfile.Parse("en.toml", []byte(enSrc)))
	h := func(id string) string { return `hash = "` + enHash(id) + `"` + "\n" }
	th := msgfile.Must(msgfile.Parse("th.toml", []byte("# Thai.\n\n[Hello]\n"+h("Hello")+"other = \"สวัสดี\"\n\n[Code]\n"+h("Code")+"other = \"ผิดพลาด {{.Code}}\"\n")))

	work, st, err := WorkFile(en, th, language.Thai, "Thai")
	if err != nil {
		t.Fatal(err)
	}
	if st.Missing != 1 || st.Stale != 0 {
		t.Errorf("stats = %+v; want 1 missing", st)
	}
	wf := msgfile.Must(msgfile.Parse("translate.th.toml", []byte(string(work))))
	if got := wf.IDs(); !slices.Equal(got, []string{"Bye"}) {
		t.Fatalf("work file lists %v; want [Bye]\n%s", got, work)
	}
	if m := wf.Get("Bye"); m.Description != "Farewell." || m.Hash != enHash("Bye") || m.Other != "" || !strings.Contains(string(work), "# English: Goodbye.") {
		t.Errorf("work file entry = %+v\n%s", m.Message, work)
	}

	// Merging it unfilled merges nothing.
	res, err := Merge(en, th, wf, language.Thai, "th.toml")
	if err != nil || len(res.Merged) != 0 || !slices.Equal(res.Skipped, []string{"Bye"}) {
		t.Errorf("merge of an empty work file: %+v, %v", res, err)
	}

	filled := strings.Replace(string(work), `other = ""`, `other = "ลาก่อน"`, 1)
	res, err = Merge(en, th, msgfile.Must(msgfile.Parse("translate.th.toml", []byte(filled))), language.Thai, "th.toml")
	if err != nil {
		t.Fatalf("Merge: %v (%v)", err, res.Findings)
	}
	merged := msgfile.Must(msgfile.Parse("th.toml", []byte(string(res.Src))))
	if got := msgfile.Check(en, merged, msgfile.Options{}); len(got) != 0 {
		t.Errorf("check after merge: %v\n%s", got, res.Src)
	}
	if merged.Get("Bye").Hash != enHash("Bye") {
		t.Errorf("hash not recorded:\n%s", res.Src)
	}
	if !slices.Equal(merged.IDs(), []string{"Hello", "Bye", "Code"}) || !strings.HasPrefix(string(res.Src), "# Thai.\n") {
		t.Errorf("order or comments changed:\n%s", res.Src)
	}

	// English changes: the translation is stale, and the next work file
	// offers it again with the old text.
	en2 := msgfile.Must(msgfile.Parse("en.toml", []byte(strings.Replace(enSrc, "Goodbye.", "See you.", 1))))
	got := msgfile.Check(en2, merged, msgfile.Options{})
	if len(got) != 1 || got[0].File != "th.toml" || got[0].Line != merged.Get("Bye").Line || got[0].MessageID != "Bye" || got[0].Severity != msgfile.Error || got[0].Kind != msgfile.KindStale {
		t.Errorf("after an English change, check = %v", got)
	}
	work2, st2, _ := WorkFile(en2, merged, language.Thai, "Thai")
	if st2.Stale != 1 || !strings.Contains(string(work2), "# Was (for older English): ลาก่อน") {
		t.Errorf("second work file: %+v\n%s", st2, work2)
	}
}

func TestMergeRefusesBadWork(t *testing.T) {
	en := msgfile.Must(msgfile.Parse("en.toml", []byte(enSrc)))
	tests := []struct {
		name string
		work string
		kind msgfile.Kind
		line int
	}{
		{"unknown ID", "[Helo]\nother = \"x\"\n", msgfile.KindUnknownID, 1},
		{"placeholder", "[Code]\nother = \"ผิดพลาด\"\n", msgfile.KindPlaceholder, 1},
		{"template", "[Code]\nother = \"{{.Code\"\n", msgfile.KindTemplate, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Merge(en, nil, msgfile.Must(msgfile.Parse("translate.th.toml", []byte(tt.work))), language.Thai, "th.toml")
			if err == nil || res.Src != nil {
				t.Fatalf("Merge accepted a bad work file")
			}
			if f := res.Findings; len(f) != 1 || f[0].Kind != tt.kind || f[0].Line != tt.line || f[0].File != "translate.th.toml" {
				t.Errorf("findings = %+v; want one %s at line %d", res.Findings, tt.kind, tt.line)
			}
		})
	}
	// A work file made from older English merges, with a warning.
	res, err := Merge(en, nil, msgfile.Must(msgfile.Parse("translate.th.toml", []byte("[Bye]\nhash = \"sha1-old\"\nother = \"ลาก่อน\"\n"))), language.Thai, "th.toml")
	if err != nil || len(res.Findings) != 1 || res.Findings[0].Kind != msgfile.KindStale || res.Findings[0].Severity != msgfile.Warning {
		t.Errorf("stale work file: %v, %v", res.Findings, err)
	}
}

func TestWorkFileNames(t *testing.T) {
	if got := WorkFileName(language.MustParse("zh-Hant")); got != "translate.zh-Hant.toml" {
		t.Errorf("WorkFileName = %s", got)
	}
	for name, want := range map[string]string{"translate.th.toml": "th", "dir/translate.pt-BR.toml": "pt-BR", "th.toml": "", "translate.xx-bad.toml": ""} {
		tag, err := TagFromWorkFileName(name)
		if (err == nil) != (want != "") || (want != "" && tag.String() != want) {
			t.Errorf("TagFromWorkFileName(%q) = %s, %v; want %q", name, tag, err, want)
		}
	}
}

func TestPseudo(t *testing.T) {
	en := msgfile.Must(msgfile.Parse("en.toml", []byte(enSrc)))
	for _, tag := range PseudoTags {
		src, err := Pseudo(en, tag)
		if err != nil {
			t.Fatal(err)
		}
		f := msgfile.Must(msgfile.Parse(tag.String()+".toml", []byte(string(src))))
		if got := msgfile.Check(en, f, msgfile.Options{}); len(got) != 0 {
			t.Errorf("%s does not pass check: %v", tag, got)
		}
	}
	if got := Accented("Error {{.Code}}.", "", ""); !strings.HasPrefix(got, "[Éŕŕöŕ {{.Code}}.") || !strings.HasSuffix(got, "]") {
		t.Errorf("Accented = %q", got)
	}
	if s := "Move somewhere brighter and try again."; len([]rune(Accented(s, "", ""))) < len(s)*13/10 {
		t.Errorf("Accented(%q) is not about 40%% longer", s)
	}
	if got := Bidi("Error {{.Code}}.", "", ""); got != rlm+rlm+rlo+"Error"+pdf+rlm+" {{.Code}}"+rlm+rlo+"."+pdf+rlm {
		t.Errorf("Bidi = %q", got)
	}
	if _, err := Pseudo(en, language.French); err == nil {
		t.Error("Pseudo(fr) succeeded")
	}
}

// TestMergeKeepsSameAsEnglishMarker: a translator who marks a text as meant
// to equal English in the work file keeps that mark in the locale file, so
// check does not warn after the merge.
func TestMergeKeepsSameAsEnglishMarker(t *testing.T) {
	en := msgfile.Must(msgfile.Parse("en.toml", []byte(enSrc)))
	for _, target := range []*msgfile.File{nil, msgfile.Must(msgfile.Parse("sw.toml", []byte("[Hello]\nhash = \"old\"\nother = \"Hujambo\"  # by hand\n")))} {
		work := msgfile.Must(msgfile.Parse("translate.sw.toml", []byte("[Hello]\n# same-as-english: a greeting used as is\nother = \"Hello.\"\n")))
		res, err := Merge(en, target, work, language.MustParse("sw"), "sw.toml")
		if err != nil {
			t.Fatal(err)
		}
		got := msgfile.Must(msgfile.Parse("sw.toml", []byte(string(res.Src))))
		if m := got.Get("Hello"); m == nil || !m.SameAsEnglish {
			t.Errorf("marker lost:\n%s", res.Src)
		}
		if slices.ContainsFunc(msgfile.Check(en, got, msgfile.Options{Override: true}), func(f msgfile.Finding) bool { return f.Kind == msgfile.KindSameAsEn }) {
			t.Errorf("check still warns:\n%s", res.Src)
		}
		if target != nil && !strings.Contains(string(res.Src), "# by hand same-as-english") {
			t.Errorf("the translator's own comment was not kept:\n%s", res.Src)
		}
	}
}

// TestMergeUnhashedUnchanged: a text given back unchanged with no hash (an
// XLIFF unit without a hash note) leaves the file alone; it must not stamp
// today's hash on a translation of older English. A new text with no hash
// gets today's.
func TestMergeUnhashedUnchanged(t *testing.T) {
	en := msgfile.Must(msgfile.Parse("en.toml", []byte(enSrc)))
	target := msgfile.Must(msgfile.Parse("sw.toml", []byte("[Hello]\nhash = \"sha1-old\"\nother = \"Hujambo\"\n")))
	work := msgfile.Must(msgfile.Parse("translate.sw.toml", []byte("[Hello]\nother = \"Hujambo\"\n")))
	res, err := Merge(en, target, work, language.MustParse("sw"), "sw.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Merged) != 0 || !slices.Equal(res.Unchanged, []string{"Hello"}) {
		t.Errorf("merged %v, unchanged %v; want Hello unchanged", res.Merged, res.Unchanged)
	}
	work = msgfile.Must(msgfile.Parse("translate.sw.toml", []byte("[Hello]\nother = \"Habari\"\n")))
	res, err = Merge(en, target, work, language.MustParse("sw"), "sw.toml")
	if err != nil {
		t.Fatal(err)
	}
	if got := msgfile.Must(msgfile.Parse("sw.toml", []byte(string(res.Src)))).Get("Hello"); got == nil || got.Other != "Habari" || got.Hash != msgfile.Hash(en.Get("Hello").Message) {
		t.Errorf("a new unhashed text: %+v; want today's hash", got)
	}
}
