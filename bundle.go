package faceidmsg

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/faceidmsg/faceidmsg/internal/langname"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// Option configures New.
type Option func(*config)

type config struct {
	sources   []localeSource
	languages []language.Tag // WithLanguages; nil for every locale
}

// WithLocales layers the *.toml files at the root of fsys over the embedded
// locales. A file for a shipped language overrides just the messages it
// has; a file for a new language adds it, and any message it lacks falls
// back as usual. Errors name files by their path inside fsys. WithLocales
// may be given more than once; later layers win.
func WithLocales(fsys fs.FS) Option {
	return func(c *config) {
		c.sources = append(c.sources, localeSource{fsys: fsys})
	}
}

// WithLocaleDir is like WithLocales with the files of the folder dir, with
// errors that name files by their path under dir. Only regular files inside
// dir are read: a symbolic link that leads outside it, a device or a FIFO is
// an error, and so is a dir that does not exist.
func WithLocaleDir(dir string) Option {
	return func(c *config) {
		c.sources = append(c.sources, localeSource{dir: dir, label: dir})
	}
}

// WithLanguages restricts the locales the bundle serves to tags, and
// English, which is always there: an app whose own screens exist in en,
// th and id does not show a Japanese error to a reader whose browser asks
// for Japanese. Each tag must be a locale of the bundle (embedded or
// layered), named exactly (zh-Hant, pt-BR), or New fails naming it.
// Fallback still reads any loaded locale: a layered pt-PT falls back to
// pt-BR even when only pt-PT is served.
func WithLanguages(tags ...language.Tag) Option {
	return func(c *config) {
		c.languages = append(c.languages, tags...)
	}
}

// Bundle holds every message of the catalogue in every loaded language;
// each language is resolved the first time it is used. (The embedded files
// are parsed once per process and shared by every Bundle.) A Bundle is
// immutable and safe for concurrent use; build it once and share it. (It
// keeps a small, fixed-size cache of negotiation results, which never
// changes an answer.) The zero Bundle holds nothing and must not be used:
// get one from New.
type Bundle struct {
	locales []*Localizer // English (index 0), then by tag
	names   []string     // the locales' tags as strings, for q=0 ranges
	byTag   map[language.Tag]int

	// natural lists the locales open to closest-match negotiation (all but
	// pseudo-locales); naturalIndex maps them back to locales; bases are
	// their base languages, for turning away other languages cheaply.
	natural      []language.Tag
	naturalIndex []int
	bases        []language.Base
	matcher      language.Matcher

	cache [cacheSlots]atomic.Pointer[cacheEntry] // negotiation cache; see negotiate.go

	langs map[language.Tag]*lang // every language's files; see i18n.go
	hints map[string]string      // message ID -> hint ID

	paas     map[string]int // catalogue row by PaaS code
	others   map[nsCode]int // catalogue row by code, for the other namespaces
	byNumber []int16        // catalogue row by SaaS number, -1 for none
}

// english is the index of English in Bundle.locales.
const english = 0

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
	b := &Bundle{
		byTag: map[language.Tag]int{},
		langs: map[language.Tag]*lang{},
		hints: map[string]string{},
	}
	for _, m := range messageHints {
		b.hints[m.id] = m.hint
	}

	// The embedded files, by name only; each is parsed on first use.
	for name := range embeddedFiles() {
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
	if embeddedFiles()[en.embedded]() == nil {
		_, findings := msgfile.ReadFile(embeddedLocales, en.embedded, en.embedded)
		return nil, localeError(findings)
	}
	// The layers, read and checked now, against English as the checked
	// parse reads it (only when there are layers: the error path needs
	// its positions and descriptions).
	var enFile *msgfile.File
	if len(c.sources) > 0 {
		f, findings := msgfile.ReadFile(embeddedLocales, en.embedded, en.embedded)
		if f == nil {
			return nil, localeError(findings)
		}
		f.Tag = language.English
		enFile = f
	}
	for _, s := range c.sources {
		if err := s.open(); err != nil {
			return nil, err
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
	enMsgs := en.load()
	for _, id := range slices.Sorted(maps.Keys(b.hints)) {
		for _, need := range []string{id, b.hints[id]} {
			if _, ok := enMsgs[need]; need != "" && !ok {
				return nil, fmt.Errorf("faceidmsg: English lacks message %q", need)
			}
		}
	}

	// English first, then the rest by tag, so listings are stable.
	order := slices.Collect(maps.Keys(b.langs))
	if c.languages != nil {
		for _, t := range c.languages {
			if b.langs[t] == nil {
				return nil, fmt.Errorf("faceidmsg: WithLanguages: no locale %s; the bundle has %v", t, slices.Sorted(func(yield func(string) bool) {
					for t := range b.langs {
						if !yield(t.String()) {
							return
						}
					}
				}))
			}
		}
		order = slices.DeleteFunc(order, func(t language.Tag) bool {
			return t != language.English && !slices.Contains(c.languages, t)
		})
	}
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
		b.names = append(b.names, tag.String())
		b.byTag[tag] = i
		if !isPseudo(tag) {
			b.natural = append(b.natural, tag)
			b.naturalIndex = append(b.naturalIndex, i)
			if base, _ := tag.Base(); !slices.Contains(b.bases, base) {
				b.bases = append(b.bases, base)
			}
		}
	}
	b.matcher = language.NewMatcher(b.natural)
	b.locales[english].ready()

	// SaaS codes are small numbers: index them by number, so a lookup needs
	// no hashing.
	b.paas = map[string]int{}
	b.others = map[nsCode]int{}
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
		default:
			b.others[nsCode{e.ns, e.code}] = i
		}
	}
	return b, nil
}

// nsCode names a code in a namespace other than PaaS and SaaS.
type nsCode struct {
	ns   Namespace
	code string
}

// open makes s readable: a folder given by name is opened, confined to it.
func (s *localeSource) open() error {
	if s.fsys != nil {
		return nil
	}
	if s.dir == "" {
		return errors.New("faceidmsg: WithLocales given a nil fs.FS")
	}
	fsys, err := msgfile.OpenDir(s.dir)
	if err != nil {
		return fmt.Errorf("faceidmsg: locale directory: %w", err)
	}
	s.fsys = fsys
	return nil
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

// row returns the catalogue row of SaaS number n, or -1.
func (b *Bundle) row(n int) int {
	if n < 0 || n >= len(b.byNumber) {
		return -1
	}
	return int(b.byNumber[n])
}

// Languages lists the bundle's locales, English first, then by tag,
// pseudo-locales included and marked.
func (b *Bundle) Languages() []Language {
	out := make([]Language, len(b.locales))
	for i, l := range b.locales {
		out[i] = Language{Tag: l.tag, Name: langname.English(l.tag), Native: langname.Native(l.tag)}
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
