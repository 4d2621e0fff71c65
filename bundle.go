package faceidmsg

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
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

// Bundle holds every message of the catalogue in every loaded language,
// resolved at construction. A Bundle is immutable and safe for concurrent
// use; build it once and share it.
type Bundle struct {
	locales []*Localizer // English first, then by tag
	english int          // index of English in locales (always 0)
	byTag   map[language.Tag]int

	// natural lists the locales open to closest-match negotiation (all but
	// pseudo-locales); naturalIndex maps them back to locales.
	natural      []language.Tag
	naturalIndex []int
	matcher      language.Matcher

	byCode   map[codeKey]int // catalogue row by namespace and code
	byNumber map[int]int     // catalogue row by SaaS number
}

type codeKey struct {
	ns   Namespace
	code string
}

// New builds a Bundle from the embedded locales and any layers given as
// options. With no options it cannot fail unless the module itself is
// broken. A problem in a layered file is returned as a *LocaleError naming
// the file and, where it can be known, the line.
func New(opts ...Option) (*Bundle, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	sources := append([]localeSource{{fsys: embeddedLocales, dir: "locales", label: "locales"}}, c.sources...)
	for _, s := range sources {
		if s.fsys == nil {
			return nil, errors.New("faceidmsg: WithLocales given a nil fs.FS")
		}
	}

	known := knownMessageIDs()
	gb := i18n.NewBundle(language.English)
	origin := map[language.Tag]map[string]*msgfile.File{}
	var order []language.Tag
	for _, s := range sources {
		files, err := readLocaleFiles(s)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			msgs := make([]*i18n.Message, len(f.Messages))
			for i, m := range f.Messages {
				if !known[m.ID] {
					return nil, &LocaleError{File: f.Name, Line: m.Line, MessageID: m.ID, Err: ErrUnknownMessage}
				}
				if m.Other == "" {
					return nil, &LocaleError{File: f.Name, Line: m.Line, MessageID: m.ID, Err: fmt.Errorf("%w: no \"other\" text", ErrEmptyText)}
				}
				msgs[i] = m.Message
			}
			if err := gb.AddMessages(f.Tag, msgs...); err != nil {
				return nil, &LocaleError{File: f.Name, Err: err}
			}
			if origin[f.Tag] == nil {
				origin[f.Tag] = map[string]*msgfile.File{}
				order = append(order, f.Tag)
			}
			for _, m := range f.Messages {
				origin[f.Tag][m.ID] = f
			}
		}
	}
	if origin[language.English] == nil {
		return nil, errors.New("faceidmsg: no English locale (en.toml)")
	}
	for _, id := range slices.Sorted(maps.Keys(known)) {
		if origin[language.English][id] == nil {
			return nil, fmt.Errorf("faceidmsg: en.toml lacks message %q", id)
		}
	}

	// English first, then the rest by tag, so listings are stable.
	slices.SortFunc(order, func(a, b language.Tag) int {
		switch {
		case a == language.English:
			return -1
		case b == language.English:
			return 1
		}
		return strings.Compare(a.String(), b.String())
	})

	b := &Bundle{byTag: map[language.Tag]int{}}
	r := resolver{gb: gb, origin: origin, texts: map[language.Tag]map[string]string{}}
	for i, tag := range order {
		loc, err := r.localizer(b, tag)
		if err != nil {
			return nil, err
		}
		b.locales = append(b.locales, loc)
		b.byTag[tag] = i
		if !isPseudo(tag) {
			b.natural = append(b.natural, tag)
			b.naturalIndex = append(b.naturalIndex, i)
		}
	}
	b.matcher = language.NewMatcher(b.natural)

	b.byCode = make(map[codeKey]int, len(catalog))
	b.byNumber = map[int]int{}
	for i, e := range catalog {
		b.byCode[codeKey{e.ns, e.code}] = i
		if e.ns == SaaS {
			n, _ := strconv.Atoi(e.code)
			b.byNumber[n] = i
		}
	}
	return b, nil
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

// resolver renders texts per language through go-i18n, once.
type resolver struct {
	gb     *i18n.Bundle
	origin map[language.Tag]map[string]*msgfile.File
	texts  map[language.Tag]map[string]string // rendered plain texts
}

// chain is the fallback order for tag: the tag, its parents that are
// loaded, then English.
func (r *resolver) chain(tag language.Tag) []language.Tag {
	var c []language.Tag
	for t := tag; t != language.Und; t = t.Parent() {
		if r.origin[t] != nil && !slices.Contains(c, t) {
			c = append(c, t)
		}
	}
	if !slices.Contains(c, language.English) {
		c = append(c, language.English)
	}
	return c
}

// text returns the plain text of id for the first language of chain that
// has it, and that language.
func (r *resolver) text(chain []language.Tag, id string) (string, language.Tag, error) {
	for _, t := range chain {
		f := r.origin[t][id]
		if f == nil {
			continue
		}
		if s, ok := r.texts[t][id]; ok {
			return s, t, nil
		}
		s, err := r.render(t, id, nil)
		if err != nil {
			return "", t, &LocaleError{File: f.Name, Line: f.Get(id).Line, MessageID: id, Err: err}
		}
		if r.texts[t] == nil {
			r.texts[t] = map[string]string{}
		}
		r.texts[t][id] = s
		return s, t, nil
	}
	return "", language.Und, fmt.Errorf("faceidmsg: no language has message %q", id)
}

// render executes message id of language tag with data, through go-i18n.
func (r *resolver) render(tag language.Tag, id string, data any) (string, error) {
	l := i18n.NewLocalizer(r.gb, tag.String())
	s, got, err := l.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return "", err
	}
	if got != tag {
		return "", fmt.Errorf("go-i18n served %s instead of %s", got, tag)
	}
	return s, nil
}

// localizer resolves every message of the catalogue for tag.
func (r *resolver) localizer(b *Bundle, tag language.Tag) (*Localizer, error) {
	chain := r.chain(tag)
	l := &Localizer{b: b, tag: tag, msgs: make([]Message, len(catalog))}
	hints := map[string]string{}
	for _, m := range messageHints {
		hints[m.id] = m.hint
	}
	for i, e := range catalog {
		text, lang, err := r.text(chain, e.msg)
		if err != nil {
			return nil, err
		}
		m := Message{
			Namespace: e.ns, Code: e.code, MessageID: e.msg,
			Lang: lang, Text: text,
			Category: e.cat, Retryable: e.retry, Fallback: lang != tag,
			Description: e.desc,
		}
		if h := hints[e.msg]; h != "" {
			hint, hlang, err := r.text(chain, h)
			if err != nil {
				return nil, err
			}
			m.Hint = hint
			m.Fallback = m.Fallback || hlang != tag
		}
		l.msgs[i] = m
	}

	// The generic message is a template, rendered per lookup; check here
	// that it renders, so lookups cannot fail.
	for _, t := range chain {
		if f := r.origin[t][unknownMessageID]; f != nil {
			if _, err := r.render(t, unknownMessageID, codeData{Code: "0"}); err != nil {
				return nil, &LocaleError{File: f.Name, Line: f.Get(unknownMessageID).Line, MessageID: unknownMessageID, Err: err}
			}
			l.unknown = i18n.NewLocalizer(r.gb, t.String())
			l.unknownLang = t
			break
		}
	}
	hint, hlang, err := r.text(chain, unknownHintID)
	if err != nil {
		return nil, err
	}
	l.unknownHint, l.unknownHintLang = hint, hlang
	return l, nil
}

// codeData is the template data of the generic message.
type codeData struct {
	Code string
}

// Localizer gives the catalogue's messages in one negotiated language. It
// is part of its Bundle, shares its immutability and is safe for concurrent
// use. Getting one from a Bundle does not allocate.
type Localizer struct {
	b    *Bundle
	tag  language.Tag
	msgs []Message // one per catalogue row

	unknown         *i18n.Localizer // renders the generic message
	unknownLang     language.Tag
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

// Lookup returns the message for code in namespace ns. A SaaS code may be
// given in any form strconv.Atoi reads ("1201", "+1201"). For a code the
// catalogue does not know it returns a Message with the generic text
// (Category CategoryUnknown) and an error wrapping ErrUnknownCode.
func (l *Localizer) Lookup(ns Namespace, code string) (Message, error) {
	if i, ok := l.b.byCode[codeKey{ns, code}]; ok {
		return l.msgs[i], nil
	}
	if ns == SaaS {
		if n, err := strconv.Atoi(code); err == nil {
			if i, ok := l.b.byNumber[n]; ok {
				return l.msgs[i], nil
			}
		}
	}
	return l.unknownCode(ns, code)
}

// LookupNumber returns the message for SaaS code n, as Lookup(SaaS, ...).
func (l *Localizer) LookupNumber(n int) (Message, error) {
	if i, ok := l.b.byNumber[n]; ok {
		return l.msgs[i], nil
	}
	return l.unknownCode(SaaS, strconv.Itoa(n))
}

// LookupCode returns the message for a raw code as an app receives it:
// a number is a SaaS code ("1201", "-999"), anything else a PaaS code
// ("FailedOperation.CompareFail"). A "paas:" or "saas:" prefix names the
// namespace outright. Surrounding spaces are ignored.
func (l *Localizer) LookupCode(raw string) (Message, error) {
	ns, code := ParseCode(raw)
	return l.Lookup(ns, code)
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
	if _, err := strconv.Atoi(s); err == nil {
		return SaaS, s
	}
	return PaaS, s
}

// Messages returns the message of every code in the catalogue, PaaS codes
// first, each namespace in the service's documented order.
func (l *Localizer) Messages() []Message {
	return slices.Clone(l.msgs)
}

// unknownCode builds the generic message for a code the catalogue lacks.
func (l *Localizer) unknownCode(ns Namespace, code string) (Message, error) {
	code = sanitizeCode(code)
	text, err := l.unknown.Localize(&i18n.LocalizeConfig{MessageID: unknownMessageID, TemplateData: codeData{Code: code}})
	if err != nil {
		// New rendered this template already; this cannot happen.
		text = "(" + code + ")"
	}
	m := Message{
		Namespace: ns, Code: code, MessageID: unknownMessageID,
		Lang: l.unknownLang, Text: text, Hint: l.unknownHint,
		Category: CategoryUnknown,
		Fallback: l.unknownLang != l.tag || l.unknownHintLang != l.tag,
	}
	return m, fmt.Errorf("%w: %s %q", ErrUnknownCode, ns, code)
}

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
