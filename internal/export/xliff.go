package export

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// XLIFF 2.0, for translators' CAT tools. One file per target language;
// one unit per message of the English source (not per code: a translator
// translates each meaning once), with the description and the hash of the
// English as notes. Template actions such as {{.Code}} become <ph/>
// elements, which CAT tools protect from editing.

const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

func xliff(src Source, out *output) error {
	if src.Set == nil || src.Set.English == nil {
		return errors.New("xliff export needs the locale files")
	}
	for _, tag := range src.Tags {
		if tag == language.English {
			continue
		}
		if err := out.add(tag.String()+".xlf", tag, xliffFile(src.Set, tag)); err != nil {
			return err
		}
	}
	return nil
}

func xliffFile(set *msgfile.Set, tag language.Tag) []byte {
	target := set.File(tag)
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, "<!-- %s -->\n", header)
	fmt.Fprintf(&b, "<xliff xmlns=%q version=\"2.0\" srcLang=\"en\" trgLang=%q>\n", xliffNS, tag.String())
	b.WriteString(" <file id=\"faceidmsg\">\n")
	for _, m := range set.English.Messages {
		// The hash is always the current English's: it is what the
		// translator sees in <source>, and what import records.
		hash := msgfile.Hash(m.Message)
		var trg *msgfile.Message
		if target != nil {
			trg = target.Get(m.ID)
		}
		state := "initial"
		if trg != nil && trg.Other != "" {
			state = "translated"
			if trg.Hash != "" && trg.Hash != hash {
				// Translated from older English: the old target stays as a
				// draft for review, and import leaves it out until the
				// translator marks it translated.
				state = "initial"
			}
		}
		fmt.Fprintf(&b, "  <unit id=%q>\n   <notes>\n", m.ID)
		fmt.Fprintf(&b, "    <note category=\"description\">%s</note>\n", escape(m.Description))
		fmt.Fprintf(&b, "    <note category=\"hash\">%s</note>\n", escape(hash))
		fmt.Fprintf(&b, "   </notes>\n   <segment state=%q>\n", state)
		fmt.Fprintf(&b, "    <source>%s</source>\n", inline(m.Other, m.LeftDelim, m.RightDelim))
		if trg != nil && trg.Other != "" {
			fmt.Fprintf(&b, "    <target>%s</target>\n", inline(trg.Other, trg.LeftDelim, trg.RightDelim))
		}
		b.WriteString("   </segment>\n  </unit>\n")
	}
	b.WriteString(" </file>\n</xliff>\n")
	return b.Bytes()
}

func escape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// inline writes text with its template actions as <ph/> elements.
func inline(s, left, right string) string {
	parts, action := msgfile.Segments(s, left, right)
	var b strings.Builder
	n := 0
	for i, p := range parts {
		if action[i] {
			n++
			fmt.Fprintf(&b, "<ph id=\"ph%d\" equiv=\"%s\" disp=\"%s\"/>", n, escapeAttr(p), escapeAttr(p))
			continue
		}
		b.WriteString(escape(p))
	}
	return b.String()
}

func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;").Replace(s)
}

// Unit is one translated unit read from an XLIFF file.
type Unit struct {
	ID, Target, Hash string
	State            string // the segment's state: initial, translated, reviewed or final
}

// ReadXLIFF reads an XLIFF 2.0 file: its target language and every unit
// that has a target, with <ph/> elements turned back into their text.
func ReadXLIFF(r io.Reader) (language.Tag, []Unit, error) {
	var doc struct {
		XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
		Version string   `xml:"version,attr"`
		TrgLang string   `xml:"trgLang,attr"`
		Files   []struct {
			Units []struct {
				ID    string `xml:"id,attr"`
				Notes []struct {
					Category string `xml:"category,attr"`
					Text     string `xml:",chardata"`
				} `xml:"notes>note"`
				Segments []struct {
					State  string   `xml:"state,attr"`
					Target *content `xml:"target"`
				} `xml:"segment"`
			} `xml:"unit"`
		} `xml:"file"`
	}
	dec := xml.NewDecoder(io.LimitReader(r, msgfile.MaxSize*4))
	if err := dec.Decode(&doc); err != nil {
		return language.Und, nil, fmt.Errorf("not an XLIFF 2.0 file: %w", err)
	}
	if doc.Version != "2.0" {
		return language.Und, nil, fmt.Errorf("XLIFF version %q; want 2.0", doc.Version)
	}
	tag, err := language.Parse(doc.TrgLang)
	if err != nil || tag == language.Und {
		return language.Und, nil, fmt.Errorf("trgLang %q is not a BCP 47 tag", doc.TrgLang)
	}
	var units []Unit
	for _, f := range doc.Files {
		for _, u := range f.Units {
			var text strings.Builder
			has := false
			state := ""
			for _, s := range u.Segments {
				if s.Target != nil {
					has = true
					text.WriteString(s.Target.text)
				}
				// XLIFF's default state is "initial".
				if st := cmp.Or(s.State, "initial"); state == "" || st == "initial" {
					state = st
				}
			}
			if !has {
				continue
			}
			unit := Unit{ID: u.ID, Target: text.String(), State: state}
			for _, n := range u.Notes {
				if n.Category == "hash" {
					unit.Hash = strings.TrimSpace(n.Text)
				}
			}
			units = append(units, unit)
		}
	}
	return tag, units, nil
}

// content is an element's text with <ph equiv="..."/> replaced by its
// equiv, so that placeholders come back as they were.
type content struct{ text string }

func (c *content) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if t.Name.Local == "ph" {
				for _, a := range t.Attr {
					if a.Name.Local == "equiv" {
						b.WriteString(a.Value)
					}
				}
			}
			if t.Name.Local != "ph" {
				// Other inline markup (pc, mrk...): keep its text.
				continue
			}
		case xml.EndElement:
			if t.Name == start.Name {
				c.text = b.String()
				return nil
			}
		}
	}
}

// WorkFile turns translated units into a translator's work file, which
// msgfile.Merge takes through the same checks as a hand-filled one.
func WorkFile(units []Unit) ([]byte, error) {
	var b strings.Builder
	b.WriteString("# Read from XLIFF by faceidmsg import.\n")
	for _, u := range units {
		b.WriteString("\n" + msgfile.TableHeader(u.ID) + "\n")
		for _, kv := range [][2]string{{"hash", u.Hash}, {"other", u.Target}} {
			if kv[1] == "" && kv[0] == "hash" {
				continue
			}
			line, err := msgfile.KeyValue(kv[0], kv[1])
			if err != nil {
				return nil, err
			}
			b.WriteString(line + "\n")
		}
	}
	return []byte(b.String()), nil
}
