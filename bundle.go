package faceidmsg

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ErrUnknownCode is wrapped by the error a lookup returns for a code the
// catalogue does not know. The Message returned with it still carries a
// localized generic text that names the code.
var ErrUnknownCode = errors.New("faceidmsg: unknown code")

// maxCodeLen caps how much of an unknown code is echoed into a message.
const maxCodeLen = 64

// Message is what a lookup returns: the text for the person holding the
// phone, and what an app needs to act on it.
type Message struct {
	Namespace Namespace
	Code      string // as the service writes it, e.g. "1201"
	MessageID string // the message's ID in the locale files

	// Lang is the language of Text: the negotiated language, or the one a
	// fallback took the text from. Servers can send it as Content-Language.
	Lang language.Tag
	Text string
	// Hint says what the person can do now; empty when there is nothing.
	Hint string

	Category  Category
	Retryable bool // the app may offer "try again" in the same session
	// Fallback reports whether Text or Hint came from a language other than
	// the negotiated one, because that locale lacks the message.
	Fallback bool
	// Description is the service's own English wording, for logs and
	// support staff; not for the person holding the phone.
	Description string
}

// Language describes one locale of a Bundle.
type Language struct {
	Tag    language.Tag
	Name   string // in English, e.g. "Traditional Chinese"
	Native string // in the language itself, e.g. "繁體中文"
	// Pseudo marks a pseudo-locale for UI testing (en-XA, ar-XB): chosen
	// only by its exact tag, and not for a language picker.
	Pseudo bool
}

// Option configures New.
type Option func(*config)

type config struct {
	sources []localeSource
}

// WithLocales layers the *.toml files at the root of fsys over the embedded
// locales. A file for a shipped language overrides just the messages it
// has; a file for a new language adds it, and any message it lacks falls
// back as usual. Errors name files by their path inside fsys. WithLocales
// may be given more than once; later layers win.
func WithLocales(fsys fs.FS) Option {
	return func(c *config) {
		c.sources = append(c.sources, localeSource{fsys: fsys, dir: ".", label: ""})
	}
}

// WithLocaleDir is WithLocales(os.DirFS(dir)), with errors that name files
// by their path under dir.
func WithLocaleDir(dir string) Option {
	return func(c *config) {
		c.sources = append(c.sources, localeSource{fsys: os.DirFS(dir), dir: ".", label: dir})
	}
}

// Bundle holds every message of the catalogue in every loaded language;
// each language is resolved the first time it is used. A Bundle is
// immutable and safe for concurrent use; build it once and share it. (It
// keeps a small, fixed-size cache of negotiation results, which never
// changes an answer.)
type Bundle struct {
	locales []*Localizer // English first, then by tag
	english int          // index of English in locales (always 0)
	byTag   map[language.Tag]int

	// natural lists the locales open to closest-match negotiation (all but
	// pseudo-locales); naturalIndex maps them back to locales.
	natural      []language.Tag
	naturalIndex []int
	matcher      language.Matcher

	cache [cacheSlots]atomic.Pointer[cacheEntry] // negotiation cache; see negotiate.go

	langs map[language.Tag]*lang // every language's files; see resolve.go
	hints map[string]string      // message ID -> hint ID

	// go-i18n renders the messages that are templates. Languages load
	// lazily and add their templates then, so every use of gb and glocs
	// holds gbMu.
	gbMu  sync.Mutex
	gb    *i18n.Bundle
	glocs map[language.Tag]*i18n.Localizer

	paas     map[string]int // catalogue row by PaaS code
	byNumber []int16        // catalogue row by SaaS number, -1 for none
}

// New builds a Bundle from the embedded locales and any layers given as
// options. Layered files are read and checked here: a problem in one is
// returned as a *LocaleError naming the file and, where it can be known,
// the line. The embedded locales are checked by this module's tests; each
// is parsed the first time its language (or a language falling back to
// it) is used, so a program pays only for the languages it serves. With no
// options New cannot fail unless the module itself is broken.
func New(opts ...Option) (*Bundle, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	for _, s := range c.sources {
		if s.fsys == nil {
			return nil, errors.New("faceidmsg: WithLocales given a nil fs.FS")
		}
	}

	b := &Bundle{
		byTag: map[language.Tag]int{},
		langs: map[language.Tag]*lang{},
		gb:    i18n.NewBundle(language.English),
		glocs: map[language.Tag]*i18n.Localizer{},
		hints: map[string]string{},
	}
	for _, m := range messageHints {
		b.hints[m.id] = m.hint
	}
	known := knownMessageIDs()

	// The embedded files, by name only; see lang.load.
	names, err := fs.Glob(embeddedLocales, "locales/*.toml")
	if err != nil {
		return nil, fmt.Errorf("faceidmsg: listing embedded locales: %w", err)
	}
	for _, name := range names {
		tag, bad := msgfile.TagFromName(name)
		if bad != nil && bad.Severity == msgfile.Error {
			return nil, &LocaleError{File: name, Err: fmt.Errorf("%w: %q", ErrLocaleName, path.Base(name))}
		}
		b.lang(tag).embedded = name
	}
	// The English source, which layers are checked against.
	en := b.langs[language.English]
	if en == nil {
		return nil, errors.New("faceidmsg: no English locale (en.toml)")
	}
	enFile, findings := msgfile.ReadFile(embeddedLocales, en.embedded, en.embedded)
	if enFile == nil {
		return nil, localeError(findings)
	}
	en.parsed = enFile
	// The layers, read and checked now.
	for _, s := range c.sources {
		if _, err := fs.Stat(s.fsys, s.dir); err != nil {
			return nil, fmt.Errorf("faceidmsg: locale directory %s: %w", s.label, err)
		}
		files, err := readLocaleFiles(s)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if err := checkLayer(f, enFile); err != nil {
				return nil, err
			}
			l := b.lang(f.Tag)
			l.layers = append(l.layers, f)
		}
	}
	enMsgs := en.load(b)
	for _, id := range slices.Sorted(maps.Keys(known)) {
		if _, ok := enMsgs[id]; !ok {
			return nil, fmt.Errorf("faceidmsg: English lacks message %q", id)
		}
	}

	// English first, then the rest by tag, so listings are stable.
	order := slices.Collect(maps.Keys(b.langs))
	slices.SortFunc(order, func(x, y language.Tag) int {
		switch {
		case x == language.English:
			return -1
		case y == language.English:
			return 1
		}
		return strings.Compare(x.String(), y.String())
	})
	for i, tag := range order {
		b.locales = append(b.locales, &Localizer{b: b, tag: tag})
		b.byTag[tag] = i
		if !isPseudo(tag) {
			b.natural = append(b.natural, tag)
			b.naturalIndex = append(b.naturalIndex, i)
		}
	}
	b.matcher = language.NewMatcher(b.natural)
	b.locales[b.english].ready()

	// SaaS codes are small numbers: index them by number, so a lookup needs
	// no hashing.
	b.paas = map[string]int{}
	for i, e := range catalog {
		switch e.ns {
		case PaaS:
			b.paas[e.code] = i
		case SaaS:
			n, err := strconv.Atoi(e.code)
			if err != nil || n < 0 || n > maxIndexedNumber {
				return nil, fmt.Errorf("faceidmsg: catalogue SaaS code %q is not a number from 0 to %d", e.code, maxIndexedNumber)
			}
			for len(b.byNumber) <= n {
				b.byNumber = append(b.byNumber, -1)
			}
			b.byNumber[n] = int16(i)
		}
	}
	return b, nil
}

// lang returns the data of language tag, adding it if new.
func (b *Bundle) lang(tag language.Tag) *lang {
	l := b.langs[tag]
	if l == nil {
		l = &lang{tag: tag}
		b.langs[tag] = l
	}
	return l
}

// knownMessageIDs is the set of message and hint IDs the catalogue uses.
func knownMessageIDs() map[string]bool {
	ids := map[string]bool{}
	for _, m := range messageHints {
		ids[m.id] = true
		if m.hint != "" {
			ids[m.hint] = true
		}
	}
	return ids
}

// codeMarker stands for the code when the generic message is split; it
// cannot come from outside, since sanitizeCode drops control characters.
const codeMarker = "\x00code\x00"

// codeData is the template data of the generic message.
type codeData struct {
	Code string
}

// Localizer gives the catalogue's messages in one negotiated language. It
// is part of its Bundle, shares its immutability and is safe for concurrent
// use. Getting one from a Bundle does not allocate. Its messages are
// resolved on first use; after that, lookups only read.
type Localizer struct {
	b   *Bundle
	tag language.Tag

	once sync.Once // resolves the fields below on first use; see resolve.go
	msgs []Message // one per catalogue row

	unknownLang     language.Tag
	unknownSplit    *[2]string // text before and after the code, when the template only places it
	unknownPlain    string     // the text, when it is no template at all
	unknownHint     string
	unknownHintLang language.Tag
}

// Localizer returns the Localizer for the language that best serves prefs.
// Each pref is a language tag ("zh-TW", "zh_TW", the service's "zh-tc") or
// a whole Accept-Language header ("th-TH,th;q=0.9,en;q=0.5"); several are
// read as one list in the order given. See the package documentation for
// the rules. With no acceptable language, the English Localizer is returned.
func (b *Bundle) Localizer(prefs ...string) *Localizer {
	return b.locales[b.negotiate(prefs)]
}

// Match returns the tag of the locale that best serves prefs, as
// b.Localizer(prefs...).Tag().
func (b *Bundle) Match(prefs ...string) language.Tag {
	return b.Localizer(prefs...).Tag()
}

// Languages lists the bundle's locales, English first, then by tag,
// pseudo-locales included and marked.
func (b *Bundle) Languages() []Language {
	out := make([]Language, len(b.locales))
	for i, l := range b.locales {
		out[i] = Language{Tag: l.tag, Name: display.English.Tags().Name(l.tag), Native: display.Self.Name(l.tag)}
		if isPseudo(l.tag) {
			out[i].Pseudo = true
			out[i].Name = pseudoName(l.tag)
			out[i].Native = out[i].Name
		}
	}
	return out
}

func pseudoName(tag language.Tag) string {
	if r, _ := tag.Region(); r.String() == "XB" {
		return "Pseudo right-to-left (" + tag.String() + ")"
	}
	return "Pseudo-accented (" + tag.String() + ")"
}

// Tag returns the Localizer's language.
func (l *Localizer) Tag() language.Tag { return l.tag }

// Lookup returns the message for code in namespace ns. A SaaS code is
// read as the service writes numbers ("1201", "-999"); other spellings
// ("+1201", "01201") are unknown codes, never another code. For a code the
// catalogue does not know it returns a Message with the generic text
// (Category CategoryUnknown) and an error wrapping ErrUnknownCode.
func (l *Localizer) Lookup(ns Namespace, code string) (Message, error) {
	l.ready()
	switch ns {
	case PaaS:
		if i, ok := l.b.paas[code]; ok {
			return l.msgs[i], nil
		}
	case SaaS:
		if n, ok := saasNumber(code); ok {
			if i := l.b.row(n); i >= 0 {
				return l.msgs[i], nil
			}
		}
	}
	return l.unknownCode(ns, code)
}

// LookupNumber returns the message for SaaS code n, as Lookup(SaaS, ...).
func (l *Localizer) LookupNumber(n int) (Message, error) {
	l.ready()
	if i := l.b.row(n); i >= 0 {
		return l.msgs[i], nil
	}
	return l.unknownCode(SaaS, strconv.Itoa(n))
}

// LookupCode returns the message for a raw code as an app receives it:
// a number is a SaaS code ("1201", "-999"), anything else a PaaS code
// ("FailedOperation.CompareFail"). A "paas:" or "saas:" prefix names the
// namespace outright. Surrounding spaces are ignored.
func (l *Localizer) LookupCode(raw string) (Message, error) {
	// Fast paths for codes exactly as the service writes them.
	l.ready()
	if n, ok := saasNumber(raw); ok {
		if i := l.b.row(n); i >= 0 {
			return l.msgs[i], nil
		}
		return l.unknownCode(SaaS, raw)
	}
	if i, ok := l.b.paas[raw]; ok {
		return l.msgs[i], nil
	}
	ns, code := ParseCode(raw)
	return l.Lookup(ns, code)
}

// maxIndexedNumber bounds the SaaS codes indexed by number.
const maxIndexedNumber = 9999

// row returns the catalogue row of SaaS number n, or -1.
func (b *Bundle) row(n int) int {
	if n < 0 || n >= len(b.byNumber) {
		return -1
	}
	return int(b.byNumber[n])
}

// Key is the name a code's string has in every exported format (Android,
// Apple, i18next, ARB, flat JSON): the namespace, an underscore, and the
// code with every character other than an ASCII letter or digit replaced
// by one underscore. "saas", 1201 gives "saas_1201";
// "paas", "FailedOperation.CompareFail" gives
// "paas_FailedOperation_CompareFail". The hint's key adds "_hint". An app
// that receives a code can build its key without a table.
func Key(ns Namespace, code string) string {
	var b strings.Builder
	b.Grow(len(ns) + 1 + len(code))
	b.WriteString(string(ns))
	b.WriteByte('_')
	for _, c := range code {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// ParseCode splits a raw code into its namespace and code, as LookupCode
// reads it.
func ParseCode(raw string) (Namespace, string) {
	s := strings.TrimSpace(raw)
	if p, rest, ok := strings.Cut(s, ":"); ok {
		switch Namespace(strings.ToLower(p)) {
		case PaaS:
			return PaaS, strings.TrimSpace(rest)
		case SaaS:
			return SaaS, strings.TrimSpace(rest)
		}
	}
	if _, ok := saasNumber(s); ok {
		return SaaS, s
	}
	return PaaS, s
}

// saasNumber reads a SaaS code written as the service writes numbers:
// decimal digits, an optional leading minus, no leading zeros, no "+", not
// "-0". Anything else is not a SaaS number, so that "000" or "-0" can
// never be read as 0, success.
func saasNumber(s string) (int, bool) {
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || len(digits) > 9 || (digits[0] == '0' && len(digits) > 1) || (digits == "0" && len(s) > 1) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if len(s) > len(digits) {
		n = -n
	}
	return n, true
}

// Messages returns the message of every code in the catalogue, PaaS codes
// first, each namespace in the service's documented order.
func (l *Localizer) Messages() []Message {
	l.ready()
	return slices.Clone(l.msgs)
}

// unknownCode builds the generic message for a code the catalogue lacks.
func (l *Localizer) unknownCode(ns Namespace, code string) (Message, error) {
	code = sanitizeCode(code)
	var text string
	if sp := l.unknownSplit; sp != nil {
		text = sp[0] + code + sp[1]
	} else if l.unknownPlain != "" {
		text = l.unknownPlain
	} else {
		var err error
		text, err = l.b.render(l.unknownLang, unknownMessageID, codeData{Code: code})
		if err != nil {
			// The template was rendered when it was loaded; this cannot happen.
			text = "(" + code + ")"
		}
	}
	m := Message{
		Namespace: ns, Code: code, MessageID: unknownMessageID,
		Lang: l.unknownLang, Text: text, Hint: l.unknownHint,
		Category: CategoryUnknown,
		Fallback: l.unknownLang != l.tag || l.unknownHintLang != l.tag,
	}
	return m, &unknownCodeError{ns, code}
}

// unknownCodeError is the error of a lookup of an unknown code. It formats
// only when asked, which keeps unknown lookups cheap.
type unknownCodeError struct {
	ns   Namespace
	code string
}

func (e *unknownCodeError) Error() string {
	return fmt.Sprintf("%v: %s %q", ErrUnknownCode, e.ns, e.code)
}

func (e *unknownCodeError) Unwrap() error { return ErrUnknownCode }

// sanitizeCode makes an unknown code safe to show: at most maxCodeLen bytes
// of valid UTF-8, with control and format characters dropped.
func sanitizeCode(code string) string {
	clean := true
	for i, r := range code {
		if i >= maxCodeLen || r == utf8.RuneError || !unicode.IsGraphic(r) {
			clean = false
			break
		}
	}
	if clean {
		return code
	}
	var b strings.Builder
	for _, r := range code {
		if r == utf8.RuneError || !unicode.IsGraphic(r) {
			continue
		}
		if b.Len()+utf8.RuneLen(r) > maxCodeLen {
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}
