// Package msgfile reads, checks and edits go-i18n TOML message files, with
// line numbers for every finding and edits that keep a translator's
// comments and order. It serves the library's loader, the export and the
// translator workflow (package translation).
package msgfile

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// MaxSize caps a message file read from outside.
const MaxSize = 1 << 20

// Severity of a finding.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Kind names a finding's rule; the names are stable for scripts.
type Kind string

const (
	KindSyntax       Kind = "syntax"          // the TOML does not parse
	KindFileName     Kind = "file-name"       // not a BCP 47 tag plus .toml
	KindTooLarge     Kind = "too-large"       // over MaxSize
	KindReserved     Kind = "reserved-key"    // go-i18n's reserved keys misused
	KindDuplicate    Kind = "duplicate-id"    // one ID defined twice
	KindUnknownID    Kind = "unknown-id"      // an ID English does not have
	KindMissing      Kind = "missing"         // a message English has and the file lacks
	KindUntranslated Kind = "untranslated"    // the same, in an override file
	KindEmpty        Kind = "empty"           // a message with no text
	KindControl      Kind = "control"         // a text with a control character
	KindSameAsEn     Kind = "same-as-english" // identical to English, not marked as meant
	KindPlaceholder  Kind = "placeholder"     // template actions differ from English
	KindTemplate     Kind = "template"        // the template does not parse
	KindStale        Kind = "stale"           // English changed since the translation
	KindUnhashed     Kind = "unhashed"        // no record of the English it was made from
)

// Finding is one problem in one file.
type Finding struct {
	File      string
	Line      int // 1-based; 0 when not tied to a line
	Column    int // 1-based, in characters; 0 when unknown
	MessageID string
	Severity  Severity
	Kind      Kind
	Err       error
}

// String writes the finding as FILE:LINE:COLUMN: severity: ID: message
// [kind], the file name as DisplayName writes it.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(DisplayName(f.File))
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Line)
		if f.Column > 0 {
			fmt.Fprintf(&b, ":%d", f.Column)
		}
	}
	fmt.Fprintf(&b, ": %s", f.Severity)
	if f.MessageID != "" {
		fmt.Fprintf(&b, ": %s", f.MessageID)
	}
	fmt.Fprintf(&b, ": %v [%s]", f.Err, f.Kind)
	return b.String()
}

// DisplayName returns a file name as it is safe to print: as it is when
// it is valid UTF-8 made only of printable characters other than spaces,
// and otherwise quoted as strconv.Quote quotes it, so that a name holding
// a newline, an escape sequence, a bidi control or a space cannot forge
// or disguise a line of output.
func DisplayName(name string) string {
	if name != "" && utf8.ValidString(name) && !strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsPrint(r) || unicode.IsSpace(r) }) {
		return name
	}
	return strconv.Quote(name)
}

// Message is one message of a file.
type Message struct {
	*i18n.Message
	Line          int  // 1-based line of its header or key
	SameAsEnglish bool // marked as meant to equal English
	first, last   int  // 0-based block lines, for edits
	lead          int
}

// File is a parsed message file.
type File struct {
	Name     string       // as findings name it
	Tag      language.Tag // from the file name; Und when the name is not a tag
	Src      []byte
	Messages []*Message // in file order
	byID     map[string]*Message
	lines    []line
	items    []item
}

// Get returns the message with id, or nil.
func (f *File) Get(id string) *Message { return f.byID[id] }

// FileOf is a file named name, in tag, holding only ms: for checking
// messages on their own, as a merge checks each filled-in message.
func FileOf(name string, tag language.Tag, ms ...*Message) *File {
	f := &File{Name: name, Tag: tag, Messages: ms, byID: map[string]*Message{}}
	for _, m := range ms {
		f.byID[m.ID] = m
	}
	return f
}

// IDs returns the file's message IDs in file order.
func (f *File) IDs() []string {
	ids := make([]string, len(f.Messages))
	for i, m := range f.Messages {
		ids[i] = m.ID
	}
	return ids
}

// SameAsEnglishMarker, in a comment attached to a message (above its
// header, or anywhere in its block), marks a translation that is meant to
// equal the English text.
const SameAsEnglishMarker = "same-as-english"

// TagFromName parses a file name such as "zh-Hant.toml". The name must be
// a BCP 47 tag in the canonical form the library negotiates with (that of
// language.All: "in.toml" must be id.toml, "iw.toml" he.toml, "tl.toml"
// fil.toml, "cmn-Hans.toml" zh-Hans.toml, "zh-hant.toml" zh-Hant.toml),
// with no extensions or private use ("th-u-nu-thai", "en-t-ja",
// "de-x-foo", "x-private"); variants such as "de-1996" are fine. Any other
// name is an error; the finding names the canonical file name when there
// is one. So no two names of locale files stand for one tag.
func TagFromName(name string) (language.Tag, *Finding) {
	base := path.Base(name)
	stem, ok := strings.CutSuffix(base, ".toml")
	fail := func(err error) (language.Tag, *Finding) {
		return language.Und, &Finding{File: name, Severity: Error, Kind: KindFileName, Err: err}
	}
	bad := func() (language.Tag, *Finding) {
		return fail(fmt.Errorf("file name %s is not a BCP 47 language tag followed by .toml (for example zh-Hant.toml)", quoteShort(base)))
	}
	if !ok || stem == "" || strings.ContainsAny(stem, "._ ") {
		return bad()
	}
	tag, err := language.Parse(stem)
	if err != nil || tag == language.Und {
		return bad()
	}
	if len(tag.Extensions()) > 0 {
		return fail(fmt.Errorf("file name %s has an extension or private use (-u-, -t-, -x-); name a locale file by language, script, region and variants only", quoteShort(base)))
	}
	// Deprecated, legacy and redundant forms are renamed (in is id, iw is
	// he, tl is fil), but not individual languages to their macrolanguage:
	// nb stays Norwegian Bokmal, not "no". The one exception is Chinese,
	// whose locales are zh-Hans and zh-Hant: cmn-Hans is zh-Hans.
	canon, err := (language.BCP47 | language.Legacy).Canonicalize(tag)
	if err != nil || canon == language.Und {
		return bad()
	}
	if macro, err := language.Macro.Canonicalize(canon); err == nil {
		if b, _ := macro.Base(); b.String() == "zh" {
			canon = macro
		}
	}
	if canon.String() != stem {
		return fail(fmt.Errorf("file name %s is not the canonical form of its tag; name it %s.toml", quoteShort(base), canon))
	}
	return canon, nil
}

// Parse parses src, the contents of the file called name. The returned
// findings are the file's structural problems (syntax, reserved keys,
// duplicate IDs); when any is an error, the File is nil. The tag is not
// judged here: see TagFromName.
func Parse(name string, src []byte) (*File, []Finding) {
	if len(src) > MaxSize {
		return nil, []Finding{{File: name, Severity: Error, Kind: KindTooLarge, Err: fmt.Errorf("file is over %d bytes", MaxSize)}}
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line, col := position(src, off)
		return nil, []Finding{{File: name, Line: line, Column: col, Severity: Error, Kind: KindSyntax, Err: errors.New("invalid UTF-8")}}
	}
	if off, tooMany := checkNesting(src); off >= 0 {
		return nil, []Finding{nestingError(name, src, off, tooMany)}
	}
	var raw any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		f := Finding{File: name, Severity: Error, Kind: KindSyntax, Err: err}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			off := pe.Position.Start
			if bytes.HasPrefix(src, []byte(bom)) {
				off += len(bom) // the library counts from after the mark
			}
			f.Line, f.Column = position(src, off)
			f.Err = &syntaxError{pe}
		}
		return nil, []Finding{f}
	}
	items, ls := scan(src)
	defs := definitions(items, ls)

	var findings []Finding
	findings = append(findings, reservedMisuse(name, raw, items)...)
	if hasError(findings) {
		return nil, findings
	}
	// go-i18n reads its messages from the value decoded above, rather than
	// decoding the file a second time.
	// (The path only names the format; the tag is judged by TagFromName.)
	mf, err := i18n.ParseMessageFileBytes(src, "messages.toml", map[string]i18n.UnmarshalFunc{
		"toml": func(_ []byte, v any) error {
			*v.(*any) = raw
			return nil
		},
	})
	var msgs []*i18n.Message
	if mf != nil {
		msgs = mf.Messages
	}
	if err != nil {
		return nil, append(findings, Finding{File: name, Severity: Error, Kind: KindReserved, Err: err})
	}

	// Duplicate IDs: go-i18n flattens ["a.b"] and [a.b] (or a.b = "") to the
	// same ID and keeps one of them at random.
	count := map[string][]int{}
	for _, d := range defs {
		count[d.id] = append(count[d.id], d.first+1)
	}
	reported := map[string]bool{}
	for _, m := range msgs {
		if lines := count[m.ID]; len(lines) > 1 && !reported[m.ID] {
			reported[m.ID] = true
			findings = append(findings, Finding{File: name, Line: lines[1], MessageID: m.ID, Severity: Error, Kind: KindDuplicate,
				Err: fmt.Errorf("message %s is defined more than once (lines %s); quoted and dotted keys name the same ID", quoteShort(m.ID), joinInts(lines))})
		}
	}
	if hasError(findings) {
		slices.SortStableFunc(findings, func(a, b Finding) int { return a.Line - b.Line })
		return nil, capFindings(findings)
	}

	f := &File{Name: name, Src: src, byID: map[string]*Message{}, lines: ls, items: items}
	f.Tag, _ = TagFromName(name)
	byDef := map[string]definition{}
	for _, d := range defs {
		byDef[d.id] = d
	}
	for _, im := range msgs {
		d, ok := byDef[im.ID]
		m := &Message{Message: im, first: -1, last: -1, lead: -1}
		if ok {
			m.Line, m.first, m.last, m.lead = d.first+1, d.first, d.last, d.lead
			m.SameAsEnglish = markerIn(ls, d.lead, d.last)
		}
		f.Messages = append(f.Messages, m)
		f.byID[im.ID] = m
	}
	slices.SortStableFunc(f.Messages, func(a, b *Message) int { return a.Line - b.Line })
	return f, findings
}

// Must returns f, and panics when Parse found an error in it (f is nil):
// for a source fixed when the program is written, as template.Must.
func Must(f *File, findings []Finding) *File {
	if f == nil {
		panic(fmt.Sprintf("msgfile: %v", findings))
	}
	return f
}

// syntaxError shows the TOML parser's short message; it unwraps to the
// parser's error.
type syntaxError struct{ pe toml.ParseError }

func (e *syntaxError) Error() string { return e.pe.Message }
func (e *syntaxError) Unwrap() error { return e.pe }

// position returns the 1-based line and character column of byte offset
// off. It counts from the offset because the TOML parser's own line is one
// too high when the offending byte is a newline (an unclosed "[table").
func position(src []byte, off int) (line, col int) {
	if off < 0 || off > len(src) {
		return 0, 0
	}
	before := src[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	if line == 1 && bytes.HasPrefix(src, []byte(bom)) && off >= len(bom) {
		col-- // the byte-order mark is not a character of the line
	}
	return line, col
}

// markerIn reports whether a comment on lines from to to holds the
// same-as-english marker. Only comments count: a '#' inside a string, on
// one line or several, does not start one.
func markerIn(ls []line, from, to int) bool {
	for i := max(from, 0); i <= to && i < len(ls); i++ {
		if c := comment(ls[i]); strings.Contains(c, SameAsEnglishMarker) {
			return true
		}
	}
	return false
}

// comment returns the comment on l, from its '#', or "".
func comment(l line) string {
	if l.tail < 0 {
		return ""
	}
	if t := strings.TrimLeft(l.text[l.tail:], " \t"); strings.HasPrefix(t, "#") {
		return t
	}
	return ""
}

// reservedMisuse finds go-i18n's reserved keys where they change what the
// file means: at the top level (the whole file becomes one message), mixed
// with other keys in a table, or "id", which renames a message.
func reservedMisuse(name string, raw any, items []item) []Finding {
	top, ok := raw.(map[string]any)
	if !ok {
		return nil
	}
	// Where each table header and key is, by its full path, found once.
	lines := make(map[string]int, len(items))
	var table []string
	for _, it := range items {
		p := it.path
		if it.header {
			table = it.path
		} else {
			p = append(append(make([]string, 0, len(table)+len(p)), table...), p...)
		}
		if k := pathKey(p); lines[k] == 0 {
			lines[k] = it.first + 1
		}
	}
	// lineOf finds a table's header, or, with the key as last element, a
	// key inside the table (or at the top level); 0 when unknown.
	lineOf := func(path ...string) int { return lines[pathKey(path)] }
	var out []Finding
	notString := func(path []string, k string, v any) {
		what := "a string"
		if _, isMap := v.(map[string]any); !isMap {
			what = "a string or a table of message keys"
		}
		out = append(out, Finding{File: name, Line: lineOf(append(append([]string{}, path...), k)...), MessageID: strings.Join(path, "."), Severity: Error, Kind: KindReserved,
			Err: fmt.Errorf("the value of %s is %s; it must be %s", quoteShort(k), tomlKind(v), what)})
	}
	for k, v := range top {
		switch v.(type) {
		case string:
			if reserved(k) {
				out = append(out, Finding{File: name, Line: lineOf(k), Severity: Error, Kind: KindReserved,
					Err: fmt.Errorf("%q is a go-i18n reserved key and cannot name a message at the top level; put messages in [ID] tables", k)})
			}
		case map[string]any:
		default:
			notString(nil, k, v)
		}
	}
	var walk func(path []string, m map[string]any)
	walk = func(path []string, m map[string]any) {
		var res, other []string
		for k, v := range m {
			switch v := v.(type) {
			case map[string]any:
				walk(append(append([]string{}, path...), k), v)
				other = append(other, k)
			case string:
				if reserved(k) {
					res = append(res, k)
				} else {
					other = append(other, k)
				}
			default:
				notString(path, k, v)
			}
		}
		id := strings.Join(path, ".")
		if len(res) > 0 && len(other) > 0 {
			slices.Sort(other)
			out = append(out, Finding{File: name, Line: lineOf(path...), MessageID: id, Severity: Error, Kind: KindReserved,
				Err: fmt.Errorf("message keys mixed with other keys %s; a message table may hold only %s", quoteList(other), "description, hash, other, leftdelim, rightdelim")})
		}
		// go-i18n reads its keys in any case, so "other" and "Other" in one
		// table leave one of the two texts at random.
		slices.Sort(res)
		for i := 1; i < len(res); i++ {
			if strings.EqualFold(res[i-1], res[i]) {
				line := max(lineOf(append(append([]string{}, path...), res[i-1])...), lineOf(append(append([]string{}, path...), res[i])...))
				out = append(out, Finding{File: name, Line: line, MessageID: id, Severity: Error, Kind: KindReserved,
					Err: fmt.Errorf("keys %q and %q are the same key to go-i18n; keep one", res[i-1], res[i])})
			}
		}
		for _, k := range res {
			line := lineOf(append(append([]string{}, path...), k)...)
			switch {
			case strings.EqualFold(k, "id") || strings.EqualFold(k, "translation"):
				out = append(out, Finding{File: name, Line: line, MessageID: id, Severity: Error, Kind: KindReserved,
					Err: fmt.Errorf("key %q renames or re-types the message; remove it", k)})
			case isPluralForm(k):
				// One rule everywhere (check, merge, import, New): the
				// catalogue's texts have no counts, so a plural form
				// would be checked here and then never shown.
				out = append(out, Finding{File: name, Line: line, MessageID: id, Severity: Error, Kind: KindReserved,
					Err: fmt.Errorf("plural form %q: these messages have no counts, so only \"other\" is shown; remove it", k)})
			}
		}
	}
	for k, v := range top {
		if m, ok := v.(map[string]any); ok {
			walk([]string{k}, m)
		}
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return strings.Compare(a.Err.Error(), b.Err.Error())
	})
	return capFindings(out)
}

// pathKey joins a key path into one map key.
func pathKey(p []string) string { return strings.Join(p, "\x00") }

// capFindings keeps the first maxFindings findings and says how many more
// there were, so that a hostile file cannot make a report of megabytes.
func capFindings(fs []Finding) []Finding {
	if len(fs) <= maxFindings {
		return fs
	}
	rest := fs[maxFindings]
	rest.MessageID = ""
	rest.Err = fmt.Errorf("%d more problems like these are not listed", len(fs)-maxFindings)
	return append(fs[:maxFindings:maxFindings], rest)
}

// maxQuoted is how many bytes of a key or value a message quotes.
const maxQuoted = 64

// quoteShort quotes s as %q does, cut to maxQuoted bytes (at a character
// boundary) with an ellipsis, so that a 1 MiB key makes a short message.
func quoteShort(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}

// quoteList quotes the first few of keys, and says how many more there are.
func quoteList(keys []string) string {
	const show = 5
	q := make([]string, 0, show)
	for i, k := range keys {
		if i == show {
			break
		}
		q = append(q, quoteShort(k))
	}
	s := "[" + strings.Join(q, " ") + "]"
	if len(keys) > show {
		s += fmt.Sprintf(" and %d more", len(keys)-show)
	}
	return s
}

// tomlKind names the kind of a decoded TOML value for messages.
func tomlKind(v any) string {
	switch v.(type) {
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}

func hasError(fs []Finding) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity == Error })
}

// HasError reports whether any finding is an error.
func HasError(fs []Finding) bool { return hasError(fs) }

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

// Hash is the record of the English a translation was made from, as
// goi18n merge writes it: the SHA-1 of the English description and text.
func Hash(en *i18n.Message) string {
	h := sha1.New()
	io.WriteString(h, en.Description)
	io.WriteString(h, en.Other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// ReadFile reads and parses one file of fsys, naming it label in findings.
// It reads only regular files: a name that is (or links to) a directory,
// device, socket or named pipe is an error, and a named pipe is never
// opened, since opening one blocks. It reads at most MaxSize+1 bytes
// whatever size the file system reports, so a file that grows, or one such
// as /dev/zero that reports no size, is refused as too large instead of
// being read to the end. To keep symbolic links from leading out of a
// folder, give it an fs.FS from OpenDir.
func ReadFile(fsys fs.FS, name, label string) (*File, []Finding) {
	fail := func(kind Kind, err error) (*File, []Finding) {
		return nil, []Finding{{File: label, Severity: Error, Kind: kind, Err: err}}
	}
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return fail(KindSyntax, err)
	}
	if !st.Mode().IsRegular() {
		return fail(KindSyntax, notRegular(st.Mode()))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return fail(KindSyntax, err)
	}
	defer f.Close()
	// The file may have been replaced since the Stat above.
	if st, err := f.Stat(); err != nil {
		return fail(KindSyntax, err)
	} else if !st.Mode().IsRegular() {
		return fail(KindSyntax, notRegular(st.Mode()))
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return fail(KindSyntax, err)
	}
	if len(src) > MaxSize {
		return fail(KindTooLarge, fmt.Errorf("file is over %d bytes", MaxSize))
	}
	return Parse(label, src)
}

// notRegular says what a file that is not a regular file is.
func notRegular(m fs.FileMode) error {
	what := "a special file"
	switch {
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		what = "a device"
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link"
	}
	return fmt.Errorf("not a regular file: it is %s", what)
}

// isPluralForm reports whether k is one of go-i18n's plural forms other
// than "other", in any case, as go-i18n reads them.
func isPluralForm(k string) bool {
	for _, f := range []string{"zero", "one", "two", "few", "many"} {
		if strings.EqualFold(k, f) {
			return true
		}
	}
	return false
}

// LocaleTag reads s as the name of a locale: a BCP 47 tag written as a
// locale file is named (canonical, so "TH" is not th), and for a language
// written in more than one script, named by its script rather than a
// region that implies one (zh-TW would make zh-TW.toml beside
// zh-Hant.toml, a locale of its own). The error says the name to use.
func LocaleTag(s string) (language.Tag, error) {
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return language.Und, fmt.Errorf("%q is not a BCP 47 tag", s)
	}
	if _, f := TagFromName(s + ".toml"); f != nil || tag.String() != s {
		return language.Und, fmt.Errorf("%q is not a locale file's name; the locale is %s", s, tag)
	}
	base, script, region := tag.Raw()
	if script.String() == "Zzzz" && region.String() != "ZZ" {
		implied, _ := tag.Script()
		usual, _ := language.Make(base.String()).Script()
		if implied != usual {
			return language.Und, fmt.Errorf("%q: locales of %s are named by script; the locale is %s-%s", s, base, base, implied)
		}
	}
	return tag, nil
}
