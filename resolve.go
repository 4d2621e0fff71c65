package faceidmsg

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// This file turns locale files into each Localizer's messages. A language
// is loaded, and a Localizer resolved, on first use: a server that answers
// in three languages parses three files (and English), not twenty.

// lang is one language's locale files: the embedded one, parsed on first
// use, and the layers New has read and checked, in order.
type lang struct {
	tag      language.Tag
	embedded string          // path in embeddedLocales, or ""
	layers   []*msgfile.File // later ones win

	once sync.Once
	msgs map[string]msgRef // merged, once loaded

	parsed *msgfile.File // the embedded file, when New has parsed it already
}

// msgRef is a message and the file it came from.
type msgRef struct {
	m    *i18n.Message
	file *msgfile.File
}

// load merges the language's files, parsing the embedded one, and gives
// go-i18n the messages that are templates. It runs once.
func (l *lang) load(b *Bundle) map[string]msgRef {
	l.once.Do(func() {
		files := l.layers
		switch {
		case l.parsed != nil:
			files = append([]*msgfile.File{l.parsed}, files...)
		case l.embedded != "":
			// The module's tests parse and check every embedded file, so
			// this cannot fail in a built module; if it did, the language's
			// messages would fall back as if missing.
			if f, _ := msgfile.ReadFile(embeddedLocales, l.embedded, l.embedded); f != nil {
				files = append([]*msgfile.File{f}, files...)
			}
		}
		msgs := map[string]msgRef{}
		for _, f := range files {
			for _, m := range f.Messages {
				if m.Other != "" {
					msgs[m.ID] = msgRef{m.Message, f}
				}
			}
		}
		var templates []*i18n.Message
		for _, r := range msgs {
			if hasActions(r.m) {
				templates = append(templates, r.m)
			}
		}
		if len(templates) > 0 {
			b.gbMu.Lock()
			err := b.gb.AddMessages(l.tag, templates...)
			b.gbMu.Unlock()
			if err != nil {
				for _, t := range templates {
					delete(msgs, t.ID)
				}
			}
		}
		l.msgs = msgs
	})
	return l.msgs
}

// hasActions reports whether a message's text is a template with actions;
// a text without them is its own rendering.
func hasActions(m *i18n.Message) bool {
	left := m.LeftDelim
	if left == "" {
		left = "{{"
	}
	return strings.Contains(m.Other, left)
}

// render executes message id of language tag with data, through go-i18n.
func (b *Bundle) render(tag language.Tag, id string, data any) (string, error) {
	b.gbMu.Lock()
	defer b.gbMu.Unlock()
	gl, ok := b.glocs[tag]
	if !ok {
		gl = i18n.NewLocalizer(b.gb, tag.String())
		b.glocs[tag] = gl
	}
	s, got, err := gl.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return "", err
	}
	if got != tag {
		return "", fmt.Errorf("go-i18n served %s instead of %s", got, tag)
	}
	return s, nil
}

// checkLayer checks a layered file as New reads it: every message is one
// English has, shows some text, has English's placeholders, and renders.
func checkLayer(f *msgfile.File, en *msgfile.File) error {
	var scratch *i18n.Bundle
	for _, m := range f.Messages {
		src := en.Get(m.ID)
		if src == nil {
			return &LocaleError{File: f.Name, Line: m.Line, MessageID: m.ID, Err: ErrUnknownMessage}
		}
		if msgfile.Blank(m.Other) {
			return &LocaleError{File: f.Name, Line: m.Line, MessageID: m.ID, Err: fmt.Errorf("%w: \"other\" is missing, blank or invisible", ErrEmptyText)}
		}
		if want, got := msgfile.Placeholders(src.Message), msgfile.Placeholders(m.Message); !slices.Equal(want, got) {
			return &LocaleError{File: f.Name, Line: m.Line, MessageID: m.ID, Err: fmt.Errorf("%w: %q; English has %q", ErrPlaceholders, got, want)}
		}
		if !hasActions(m.Message) {
			continue
		}
		if scratch == nil {
			scratch = i18n.NewBundle(f.Tag)
		}
		if err := scratch.AddMessages(f.Tag, m.Message); err != nil {
			return &LocaleError{File: f.Name, Line: m.Line, MessageID: m.ID, Err: err}
		}
		var data any
		if m.ID == unknownMessageID {
			data = codeData{Code: "0"}
		}
		if _, err := i18n.NewLocalizer(scratch, f.Tag.String()).Localize(&i18n.LocalizeConfig{MessageID: m.ID, TemplateData: data}); err != nil {
			return &LocaleError{File: f.Name, Line: m.Line, MessageID: m.ID, Err: err}
		}
	}
	return nil
}

// chain is the fallback order for tag: the tag, its parents that the
// bundle has, then, if none of those is a complete language, the locale of
// the same language that negotiation would pick without tag (pt-BR for a
// partial pt-PT), then English.
func (b *Bundle) chain(tag language.Tag) []*lang {
	var c []*lang
	for t := tag; t != language.Und; t = t.Parent() {
		if l := b.langs[t]; l != nil && !slices.Contains(c, l) {
			c = append(c, l)
		}
	}
	if sib := b.sibling(tag); sib != nil && !slices.Contains(c, sib) {
		c = append(c, sib)
	}
	if en := b.langs[language.English]; !slices.Contains(c, en) {
		c = append(c, en)
	}
	return c
}

// sibling returns the closest other locale of tag's language, as
// negotiation rates it (High or better), or nil.
func (b *Bundle) sibling(tag language.Tag) *lang {
	base, _ := tag.Base()
	var cands []language.Tag
	for _, t := range b.natural {
		if tb, _ := t.Base(); tb == base && t != tag && t != language.English {
			cands = append(cands, t)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	_, i, conf := language.NewMatcher(cands).Match(tag)
	if conf < language.High {
		return nil
	}
	return b.langs[cands[i]]
}

// text returns the text of message id from the first language of chain
// that has it, and that language. Every chain ends in English, which has
// every message (New checks), so it always finds one.
func (b *Bundle) text(chain []*lang, id string) (string, language.Tag) {
	for _, l := range chain {
		r, ok := l.load(b)[id]
		if !ok {
			continue
		}
		if !hasActions(r.m) {
			return r.m.Other, l.tag
		}
		if s, err := b.render(l.tag, id, nil); err == nil {
			return s, l.tag
		}
	}
	return "", language.Und
}

// ready resolves the Localizer's messages, once.
func (l *Localizer) ready() { l.once.Do(l.resolve) }

func (l *Localizer) resolve() {
	b := l.b
	chain := b.chain(l.tag)
	l.msgs = make([]Message, len(catalog))
	for i, e := range catalog {
		text, lang := b.text(chain, e.msg)
		m := Message{
			Namespace: e.ns, Code: e.code, MessageID: e.msg,
			Lang: lang, Text: text,
			Category: e.cat, Retryable: e.retry, Fallback: lang != l.tag,
			Description: e.desc,
		}
		if h := b.hints[e.msg]; h != "" {
			hint, hlang := b.text(chain, h)
			m.Hint = hint
			m.Fallback = m.Fallback || hlang != l.tag
		}
		l.msgs[i] = m
	}

	// The generic message: most templates only place the code, so render
	// once with a marker and keep the text around it; a lookup is then a
	// concatenation. Other templates are rendered per lookup.
	for _, lg := range chain {
		if _, ok := lg.load(b)[unknownMessageID]; !ok {
			continue
		}
		l.unknownLang = lg.tag
		if r := lg.load(b)[unknownMessageID]; !hasActions(r.m) {
			l.unknownPlain = r.m.Other
			break
		}
		if out, err := b.render(lg.tag, unknownMessageID, codeData{Code: codeMarker}); err == nil && strings.Count(out, codeMarker) == 1 {
			before, after, _ := strings.Cut(out, codeMarker)
			l.unknownSplit = &[2]string{before, after}
		}
		break
	}
	l.unknownHint, l.unknownHintLang = b.text(chain, unknownHintID)
}
