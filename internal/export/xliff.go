package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// XLIFF 2.0, for translators' CAT tools. One file per target language;
// one unit per message of the English source (not per code: a translator
// translates each meaning once), with the description and a hash as
// notes. Template actions such as {{.Code}} become <ph/> elements, which
// CAT tools protect from editing. The <file> is marked
// xml:space="preserve", which its sources and targets inherit, since a
// text's runs of spaces are part of it.
//
// The hash note records the English a unit's target was translated from:
// the target's recorded hash, none when the locale file records none, and
// the current English's when there is no target yet (what the translator
// will translate). ReadXLIFF trusts the note only when it is the hash of
// the description and source the file itself shows; see ReadXLIFF.

const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

// maxXLIFF caps what ReadXLIFF reads: an XLIFF file is its locale file's
// text with markup around it.
const maxXLIFF = msgfile.MaxSize * 4

func xliff(src Source, out *output) error {
	if src.Set == nil || src.Set.English == nil {
		return errors.New("xliff export needs the locale files")
	}
	for _, tag := range src.Tags {
		if tag == language.English {
			continue
		}
		data, err := xliffFile(src.Set, tag)
		if err != nil {
			return err
		}
		if err := out.add(tag.String()+".xlf", tag, data); err != nil {
			return err
		}
	}
	return nil
}

func xliffFile(set *msgfile.Set, tag language.Tag) ([]byte, error) {
	target := set.File(tag)
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, "<!-- %s -->\n", header)
	fmt.Fprintf(&b, "<xliff xmlns=%q version=\"2.0\" srcLang=\"en\" trgLang=%q>\n", xliffNS, tag.String())
	// xml:space is inherited: every source and target keeps its spaces.
	b.WriteString(" <file id=\"faceidmsg\" xml:space=\"preserve\">\n")
	for _, m := range set.English.Messages {
		for what, s := range map[string]string{"text": m.Other, "description": m.Description} {
			if err := checkText(s); err != nil {
				return nil, fmt.Errorf("en: message %s: its %s: %v", m.ID, what, err)
			}
		}
		current := msgfile.Hash(m.Message)
		var trg *msgfile.Message
		if target != nil {
			trg = target.Get(m.ID)
		}
		state, hash := "initial", current
		if trg != nil && trg.Other != "" {
			if err := checkText(trg.Other); err != nil {
				return nil, fmt.Errorf("%s: message %s: %v", tag, m.ID, err)
			}
			hash = trg.Hash
			// A translation of older English stays a draft for review,
			// and import leaves it out until the translator marks it
			// translated.
			if hash == "" || hash == current {
				state = "translated"
			}
		}
		fmt.Fprintf(&b, "  <unit id=\"%s\">\n   <notes>\n", escape(m.ID))
		fmt.Fprintf(&b, "    <note category=\"description\">%s</note>\n", escape(m.Description))
		if hash != "" {
			fmt.Fprintf(&b, "    <note category=\"hash\">%s</note>\n", escape(hash))
		}
		fmt.Fprintf(&b, "   </notes>\n   <segment state=%q>\n", state)
		fmt.Fprintf(&b, "    <source>%s</source>\n", inline(m.Other, m.LeftDelim, m.RightDelim))
		if trg != nil && trg.Other != "" {
			fmt.Fprintf(&b, "    <target>%s</target>\n", inline(trg.Other, trg.LeftDelim, trg.RightDelim))
		}
		b.WriteString("   </segment>\n  </unit>\n")
	}
	b.WriteString(" </file>\n</xliff>\n")
	return b.Bytes(), nil
}

// escape escapes s for XML text and attribute values alike: besides <, &
// and quotes, it writes tab, newline and CR as character references, which
// attribute-value normalization would otherwise turn into spaces.
func escape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// inline writes text with its template actions (as msgfile.Segments finds
// them) as <ph/> elements, numbered from ph1.
func inline(s, left, right string) string {
	parts, action := msgfile.Segments(s, left, right)
	var b strings.Builder
	n := 0
	for i, p := range parts {
		if action[i] {
			n++
			fmt.Fprintf(&b, "<ph id=\"ph%d\" equiv=\"%s\" disp=\"%s\"/>", n, escape(p), escape(p))
			continue
		}
		b.WriteString(escape(p))
	}
	return b.String()
}
