package faceidmsg

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// This file is the fallback, per message: where a text comes from when the
// chosen locale lacks it.

// chain is the fallback order for tag: the tag, its parents that the
// bundle has, then the locale of the same language that negotiation would
// pick without tag (pt-BR for a partial pt-PT), then English.
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
	// Every loaded locale, served or not (see WithLanguages), in a stable
	// order.
	var cands []language.Tag
	for t := range b.langs {
		if tb, _ := t.Base(); tb == base && t != tag && t != language.English && !isPseudo(t) {
			cands = append(cands, t)
		}
	}
	slices.SortFunc(cands, func(x, y language.Tag) int { return strings.Compare(x.String(), y.String()) })
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
		if m, ok := l.load()[id]; ok {
			return m.Other, l.tag
		}
	}
	return "", language.Und
}

// unknownText returns the generic message of chain split around the code,
// from the first language whose text executes, and that language.
func (b *Bundle) unknownText(chain []*lang) ([2]string, language.Tag) {
	for _, l := range chain {
		if m, ok := l.load()[unknownMessageID]; ok {
			if sp, err := splitUnknown(m); err == nil {
				return sp, l.tag
			}
		}
	}
	return [2]string{}, language.Und
}
