package faceidmsg

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// This file is the go-i18n and TOML side: it reads locale files (the
// shipped ones with a plain decode; layered ones through the internal
// msgfile package, which knows where each message sits), checks the files
// an app layers over ours, and merges each language's files. The one
// message that is a template is read in unknown.go.

//go:embed locales/*.toml
var embeddedLocales embed.FS

// Locales returns the locale files embedded in the package, one
// <tag>.toml per language at the root of the returned FS.
func Locales() fs.FS {
	sub, err := fs.Sub(embeddedLocales, "locales")
	if err != nil {
		panic(err) // "locales" is a valid path; fs.Sub cannot fail here
	}
	return sub
}

// localeSource is a folder of locale files and what errors call it.
type localeSource struct {
	fsys  fs.FS  // the *.toml files are at its root
	label string // what errors call the folder; "" names files by their path in fsys
	dir   string // a folder on disk to open at New, when fsys is nil
}

// readLocaleFiles reads and parses every *.toml file of src, in name order,
// except translators' work files (translate.*.toml).
func readLocaleFiles(src localeSource) ([]*msgfile.File, error) {
	names, err := fs.Glob(src.fsys, "*.toml")
	if err != nil {
		return nil, fmt.Errorf("faceidmsg: listing %s: %w", src.label, err)
	}
	slices.Sort(names)
	files := make([]*msgfile.File, 0, len(names))
	for _, name := range names {
		if msgfile.IsWorkFile(name) {
			continue
		}
		label := path.Join(src.label, name)
		tag, bad := msgfile.TagFromName(label)
		if bad != nil && bad.Severity == msgfile.Error {
			return nil, &LocaleError{File: label, Err: fmt.Errorf("%w: %v", ErrLocaleName, bad.Err)}
		}
		f, findings := msgfile.ReadFile(src.fsys, name, label)
		if f == nil {
			return nil, localeError(findings)
		}
		f.Tag = tag
		files = append(files, f)
	}
	return files, nil
}

// embeddedFiles parses each embedded file on first use, once per process:
// the files cannot change, so every Bundle shares what was parsed, and
// building a second Bundle costs no parsing. The map is keyed by path in
// embeddedLocales. What is kept is only what lookups read (compact): not
// the file's source, its layout or its descriptions, which an editor of
// the file needs and a Bundle does not.
var embeddedFiles = sync.OnceValue(func() map[string]func() map[string]*i18n.Message {
	names, _ := fs.Glob(embeddedLocales, "locales/*.toml")
	m := make(map[string]func() map[string]*i18n.Message, len(names))
	for _, name := range names {
		m[name] = sync.OnceValue(func() map[string]*i18n.Message {
			// The module's tests parse and check every embedded file
			// (and that this plain decode reads what the checked parse
			// reads), so this cannot fail in a built module; if it did,
			// the language's messages would fall back as if missing
			// (English: New fails).
			data, err := embeddedLocales.ReadFile(name)
			if err != nil {
				return nil
			}
			msgs, err := decodeShipped(data)
			if err != nil {
				return nil
			}
			return msgs
		})
	}
	return m
})

// decodeShipped reads a shipped locale file with a plain TOML decode,
// keeping of each message what lookups read. The editor's parser
// (msgfile), with its positions and checks, is for files an app layers
// and for translators; the shipped files are checked by the tests.
func decodeShipped(data []byte) (map[string]*i18n.Message, error) {
	var tables map[string]struct {
		Other      string `toml:"other"`
		LeftDelim  string `toml:"leftdelim"`
		RightDelim string `toml:"rightdelim"`
	}
	if _, err := toml.Decode(string(data), &tables); err != nil {
		return nil, err
	}
	msgs := make(map[string]*i18n.Message, len(tables))
	for id, t := range tables {
		if t.Other != "" {
			msgs[id] = &i18n.Message{ID: id, Other: t.Other, LeftDelim: t.LeftDelim, RightDelim: t.RightDelim}
		}
	}
	return msgs, nil
}

// compact returns the messages of f that have a text, keeping of each
// what lookups read: its ID, text and delimiters.
func compact(f *msgfile.File) map[string]*i18n.Message {
	msgs := make(map[string]*i18n.Message, len(f.Messages))
	for _, m := range f.Messages {
		if m.Other != "" {
			msgs[m.ID] = &i18n.Message{ID: m.ID, Other: m.Other, LeftDelim: m.LeftDelim, RightDelim: m.RightDelim}
		}
	}
	return msgs
}

// lang is one language's locale files: the embedded one, parsed on first
// use, and the layers New has read and checked, in order.
type lang struct {
	tag      language.Tag
	embedded string          // path in embeddedLocales, or ""
	layers   []*msgfile.File // later ones win

	once sync.Once
	msgs map[string]*i18n.Message // merged, once loaded
}

// load merges the language's files, parsing the embedded one. It runs once.
func (l *lang) load() map[string]*i18n.Message {
	l.once.Do(func() {
		var base map[string]*i18n.Message
		if l.embedded != "" {
			base = embeddedFiles()[l.embedded]()
		}
		if len(l.layers) == 0 && base != nil {
			l.msgs = base // shared with every Bundle, and read only
			return
		}
		msgs := maps.Clone(base)
		if msgs == nil {
			msgs = map[string]*i18n.Message{}
		}
		for _, f := range l.layers {
			maps.Copy(msgs, compact(f))
		}
		l.msgs = msgs
	})
	return l.msgs
}

// checkLayer checks a layered file as New reads it, by msgfile's one rule
// set for layers (msgfile.CheckLayer, which the check command applies
// too): every message is one English has, shows some text, has English's
// placeholders and parses; and the one template splits around its code.
func checkLayer(f *msgfile.File, en *msgfile.File) error {
	if findings := msgfile.CheckLayer(en, f); len(findings) > 0 {
		x := findings[0]
		err := x.Err
		switch x.Kind {
		case msgfile.KindUnknownID:
			err = fmt.Errorf("%w: %v", ErrUnknownMessage, x.Err)
		case msgfile.KindEmpty, msgfile.KindControl:
			err = fmt.Errorf("%w: \"other\": %v", ErrEmptyText, x.Err)
		case msgfile.KindPlaceholder:
			err = fmt.Errorf("%w: %v", ErrPlaceholders, x.Err)
		}
		return &LocaleError{File: x.File, Line: max(x.Line, 0), MessageID: x.MessageID, Err: err}
	}
	if m := f.Get(unknownMessageID); m != nil {
		if _, err := splitUnknown(m.Message); err != nil {
			return &LocaleError{File: f.Name, Line: max(m.Line, 0), MessageID: m.ID, Err: err}
		}
	}
	return nil
}
