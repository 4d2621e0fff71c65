package msgfile

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// Options says how strict Check is.
type Options struct {
	// Override marks an app's override file rather than a shipped locale:
	// a message it lacks is "untranslated" (a warning, unless
	// RequireComplete) rather than "missing", and it need not record the
	// English it was translated from.
	Override        bool
	RequireComplete bool
	// Shipped, with Override, is the shipped locale set: a message an
	// override file lacks is not untranslated when the shipped file of its
	// language has it, since the library serves that text.
	Shipped *Set

	partial bool // the file may lack messages (an override of English)
}

// CheckLayer is the one rule set for a file layered over the shipped
// locales, as the library's New and the check command both apply it: the
// errors of Check with Options{Override: true}. Warnings (untranslated,
// same as English, a stale hash) never stop a layer from loading.
func CheckLayer(en, f *File) []Finding {
	var out []Finding
	for _, x := range Check(en, f, Options{Override: true, partial: true}) {
		if x.Severity == Error {
			out = append(out, x)
		}
	}
	return out
}

// Set is the files of one locale directory and their English source.
type Set struct {
	English *File   // the source every file is checked against
	Files   []*File // every file that parsed, English first, then by name
	Base    *File   // the English the directory's own en.toml overrides, if any
}

// LoadSet reads every *.toml file in dir of fsys, except work files
// (translate.*.toml). Files that do not parse
// are left out of the set and reported. English is the dir's en.toml
// layered over base, when base is given; otherwise the dir's en.toml.
func LoadSet(fsys fs.FS, dir, label string, base *File) (*Set, []Finding) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, []Finding{{File: label, Severity: Error, Kind: KindSyntax, Err: err}}
	}
	slices.Sort(names)
	var findings []Finding
	set := &Set{}
	var en *File
	byTag := map[language.Tag]string{}
	for _, n := range names {
		if IsWorkFile(n) {
			continue // a translator's work file, not a locale
		}
		name := path.Join(label, path.Base(n))
		tag, nf := TagFromName(name)
		if nf != nil {
			findings = append(findings, *nf)
			if nf.Severity == Error {
				continue
			}
		}
		f, fs := ReadFile(fsys, n, name)
		findings = append(findings, fs...)
		if f == nil {
			continue
		}
		if other, ok := byTag[tag]; ok {
			findings = append(findings, Finding{File: name, Severity: Error, Kind: KindFileName,
				Err: fmt.Errorf("%s and %s are both files for %s; keep one", DisplayName(other), DisplayName(name), tag)})
			continue
		}
		byTag[tag] = name
		f.Tag = tag
		if tag == language.English {
			en = f
		}
		set.Files = append(set.Files, f)
	}
	slices.SortStableFunc(set.Files, func(a, b *File) int {
		switch {
		case a == en:
			return -1
		case b == en:
			return 1
		}
		return 0
	})
	set.Base = base
	switch {
	case base != nil && en != nil:
		set.English = Layer(base, en)
	case base != nil:
		set.English = base
	default:
		set.English = en
	}
	if set.English == nil {
		findings = append(findings, Finding{File: path.Join(label, "en.toml"), Severity: Error, Kind: KindMissing, Err: errors.New("no English source file")})
	}
	return set, findings
}

// File returns the set's file for tag, or nil.
func (s *Set) File(tag language.Tag) *File {
	for _, f := range s.Files {
		if f.Tag == tag {
			return f
		}
	}
	return nil
}

// Layer returns English as base with over's messages replacing or adding
// to base's, in base's order.
func Layer(base, over *File) *File {
	out := &File{Name: over.Name, Tag: base.Tag, byID: map[string]*Message{}}
	for _, m := range base.Messages {
		if o := over.Get(m.ID); o != nil {
			m = o
		}
		out.Messages = append(out.Messages, m)
		out.byID[m.ID] = m
	}
	for _, m := range over.Messages {
		if out.byID[m.ID] == nil {
			out.Messages = append(out.Messages, m)
			out.byID[m.ID] = m
		}
	}
	return out
}

// Check checks every file of the set: the English source for empty texts
// and templates, each translation against it.
func (s *Set) Check(opt Options) []Finding {
	var out []Finding
	for _, f := range s.Files {
		switch {
		case f.Tag == language.English && s.Base != nil:
			// An override of English: checked against the English it
			// overrides, and it may change just a few messages.
			out = append(out, Check(s.Base, f, Options{Override: true, partial: true})...)
		case f.Tag == language.English:
			out = append(out, CheckSource(f)...)
		default:
			out = append(out, Check(s.English, f, opt)...)
		}
	}
	return out
}

// CheckSource checks the English source: every message has a text, and
// every template parses.
func CheckSource(en *File) []Finding {
	var out []Finding
	for _, m := range en.Messages {
		out = append(out, checkTexts(en, m)...)
	}
	return out
}

// Check checks f, a translation, against en, the English source.
func Check(en, f *File, opt Options) []Finding {
	var out []Finding
	isEnglish := isEnglishVariant(f.Tag)
	for _, m := range f.Messages {
		at := Finding{File: f.Name, Line: m.Line, MessageID: m.ID}
		src := en.Get(m.ID)
		if src == nil {
			out = append(out, with(at, Error, KindUnknownID, fmt.Errorf("the English source has no message %q; remove it or fix its name", m.ID)))
			continue
		}
		texts := checkTexts(f, m)
		out = append(out, texts...)
		if len(texts) > 0 {
			continue
		}
		// The text must have English's placeholders. (Plural forms are
		// refused when the file is read: the messages have no counts.)
		if want, got := placeholders(src.Other, src.LeftDelim, src.RightDelim), placeholders(m.Other, m.LeftDelim, m.RightDelim); !slices.Equal(want, got) {
			out = append(out, with(at, Error, KindPlaceholder, fmt.Errorf("placeholders %s differ from English's %s", showList(got), showList(want))))
		}
		if !isEnglish && m.Other == src.Other && !m.SameAsEnglish {
			out = append(out, with(at, Warning, KindSameAsEn, fmt.Errorf("text is the same as English; translate it, or mark it with a %q comment if that is meant", SameAsEnglishMarker)))
		}
		switch {
		case m.Hash == "" && !opt.Override:
			out = append(out, with(at, Warning, KindUnhashed, errors.New("no hash of the English it was translated from, so staleness cannot be told; merge it with faceidmsg merge")))
		case m.Hash != "" && m.Hash != Hash(src.Message) && opt.Override:
			// An app's own text still serves; the library loads it.
			out = append(out, with(at, Warning, KindStale, fmt.Errorf("the English changed since this was written; it now reads %q: review the override", src.Other)))
		case m.Hash != "" && m.Hash != Hash(src.Message):
			out = append(out, with(at, Error, KindStale, fmt.Errorf("the English changed since this was translated; it now reads %q", src.Other)))
		}
	}
	for _, src := range en.Messages {
		if opt.partial || f.Get(src.ID) != nil {
			continue
		}
		if opt.Shipped != nil {
			if sf := opt.Shipped.File(f.Tag); sf != nil && sf.Get(src.ID) != nil {
				continue
			}
		}
		at := Finding{File: f.Name, MessageID: src.ID}
		switch {
		case !opt.Override:
			out = append(out, with(at, Error, KindMissing, errors.New("message missing; English has it")))
		case opt.RequireComplete:
			out = append(out, with(at, Error, KindUntranslated, errors.New("not translated; English is shown instead")))
		default:
			out = append(out, with(at, Warning, KindUntranslated, errors.New("not translated; English is shown instead")))
		}
	}
	return out
}

func with(f Finding, sev Severity, kind Kind, err error) Finding {
	f.Severity, f.Kind, f.Err = sev, kind, err
	return f
}

func isEnglishVariant(tag language.Tag) bool {
	b, _ := tag.Base()
	en, _ := language.English.Base()
	return b == en
}

// forms returns a message's non-empty plural forms.
func forms(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for k, v := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// checkTexts reports an empty message, texts with control characters and
// templates that do not parse.
func checkTexts(f *File, m *Message) []Finding {
	at := Finding{File: f.Name, Line: m.Line, MessageID: m.ID}
	if Blank(m.Other) {
		return []Finding{with(at, Error, KindEmpty, errors.New(`empty text: "other" is missing, blank or only invisible characters`))}
	}
	var out []Finding
	for _, form := range slices.Sorted(maps.Keys(forms(m.Message))) {
		if c, ok := controlIn(forms(m.Message)[form]); ok {
			out = append(out, with(at, Error, KindControl, fmt.Errorf("%q holds the control character U+%04X; remove it", form, c)))
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, form := range slices.Sorted(maps.Keys(forms(m.Message))) {
		p := &template.TextParser{}
		if _, err := p.Parse(forms(m.Message)[form], m.LeftDelim, m.RightDelim); err != nil {
			out = append(out, with(at, Error, KindTemplate, fmt.Errorf("%q does not parse as a template: %v", form, err)))
		}
	}
	return out
}

// Blank reports whether a text shows nothing: empty, spaces, or only
// invisible characters (see TextProblem). It is the one test of an empty
// text: check, Count, WorkFile and Merge all use it.
func Blank(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return !invisible(r) })
}

// TextProblem returns nil when s can be shown to a person, and otherwise an
// error that says why not:
//
//   - s holds a control character: any of C0 (U+0000 to U+001F) but tab
//     and newline, which every export writes escaped and reads back as
//     they were, DEL (U+007F) or C1 (U+0080 to U+009F); carriage return
//     is refused, since XML readers turn it into a newline. The error
//     names the first as U+XXXX;
//   - s is blank: empty, or only spaces and invisible characters. Invisible
//     are the white space of unicode.IsSpace, format characters (category
//     Cf: bidi controls, zero-width spaces and joiners, the soft hyphen...),
//     the other default-ignorable code points (among them the Hangul fillers
//     U+115F, U+1160, U+3164 and U+FFA0) and variation selectors, the
//     braille blank U+2800, and anything unicode.IsGraphic rejects
//     (unassigned and private-use code points).
//
// Invalid UTF-8 is reported as the replacement character U+FFFD would be:
// it is not a problem here, since message files are checked to be valid
// UTF-8 when they are read.
func TextProblem(s string) error {
	if c, ok := controlIn(s); ok {
		return fmt.Errorf("the text holds the control character U+%04X", c)
	}
	if Blank(s) {
		return errors.New("the text is blank or only invisible characters")
	}
	return nil
}

// controlIn returns the first control character of s.
func controlIn(s string) (rune, bool) {
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F {
			return r, true
		}
	}
	return 0, false
}

// invisible reports whether r shows nothing by itself; see TextProblem.
func invisible(r rune) bool {
	switch {
	case unicode.IsSpace(r), !unicode.IsGraphic(r), r == 0x2800, isBidiControl(r):
		return true
	}
	return unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// Placeholders lists the template actions of a message's "other" text, as
// check compares them with English's.
func Placeholders(m *i18n.Message) []string { return placeholders(m.Other, m.LeftDelim, m.RightDelim) }

// placeholders lists the template actions of text s, as Segments finds
// them, normalized and sorted: "{{ .Code }}", "{{- .Code -}}" and
// "{{.Code}}" are the same.
func placeholders(s, left, right string) []string {
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	var out []string
	parts, isAction := Segments(s, left, right)
	for i, p := range parts {
		if isAction[i] {
			action := strings.Trim(p[len(left):len(p)-len(right)], " \t-")
			out = append(out, left+action+right)
		}
	}
	slices.Sort(out)
	return out
}

func showList(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return strings.Join(s, " ")
}

// Stats counts, for status, how far f is from en.
type Stats struct {
	Total, Translated, Missing, Stale int
}

// Done is the share of English's messages translated and current, in
// percent, rounded down.
func (s Stats) Done() int {
	if s.Total == 0 {
		return 100
	}
	return (s.Translated - s.Stale) * 100 / s.Total
}

// Count returns f's Stats against en.
func Count(en, f *File) Stats {
	st := Stats{Total: len(en.Messages)}
	for _, src := range en.Messages {
		m := f.Get(src.ID)
		if m == nil || Blank(m.Other) {
			st.Missing++
			continue
		}
		st.Translated++
		if m.Hash != "" && m.Hash != Hash(src.Message) {
			st.Stale++
		}
	}
	return st
}

// Served is the set as the library serves it: with shipped (an app's
// layered folder over the shipped locales) each of
// the folder's files layered over the shipped file of its language, and
// the shipped languages the folder has no file for, so that a message the
// folder's file lacks but the shipped locale has counts as present, as
// check counts it. Files are English first, then by tag ("ar" before
// "ar-XB").
func Served(set, shipped *Set) *Set {
	out := &Set{English: set.English}
	if set.English != nil {
		out.Files = append(out.Files, set.English)
	}
	add := func(f *File) {
		if f.Tag != language.English {
			out.Files = append(out.Files, f)
		}
	}
	if shipped == nil {
		for _, f := range set.Files {
			add(f)
		}
	} else {
		for _, f := range shipped.Files {
			if over := set.File(f.Tag); over != nil {
				add(Layer(f, over))
			} else {
				add(f)
			}
		}
		for _, f := range set.Files {
			if shipped.File(f.Tag) == nil {
				add(f)
			}
		}
	}
	if len(out.Files) > 1 {
		slices.SortStableFunc(out.Files[1:], func(a, b *File) int {
			return strings.Compare(a.Tag.String(), b.Tag.String())
		})
	}
	return out
}
