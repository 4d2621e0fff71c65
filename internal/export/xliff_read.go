package export

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// This file reads an XLIFF 2.0 file a translator returns (import); xliff.go
// writes one (export).

// Unit is one translated unit read from an XLIFF file.
type Unit struct {
	ID, Target string
	// Line is the line of the unit's <unit> tag in the file, for errors.
	Line int
	// Hash records the English the target was translated from, as
	// ReadXLIFF could establish it; empty when the file does not say.
	Hash  string
	State string // the segment's state: initial, translated, reviewed or final
}

// ReadXLIFF reads an XLIFF 2.0 file translated from English: its target
// language and every unit that has a target, with <ph/> elements turned
// back into their text and <cp/> into its character.
//
// It refuses a file over 4 MiB, a srcLang other than en, a trgLang that is
// not the canonical name of a locale file (TH, zh-TW where the locale is
// zh-Hant), duplicate or unusable unit IDs, and targets with characters a
// locale file cannot hold.
//
// A unit's hash note is trusted only when it is the hash of the
// description note and source the unit shows. Otherwise the translator saw
// other English than the note claims, and Hash is the hash of what the
// unit shows, so that a source older than the current English reads as
// stale. A unit with no hash note gets no Hash.
func ReadXLIFF(r io.Reader) (language.Tag, []Unit, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxXLIFF+1))
	if err != nil {
		return language.Und, nil, err
	}
	if len(data) > maxXLIFF {
		return language.Und, nil, fmt.Errorf("XLIFF file too large: over %d bytes", maxXLIFF)
	}
	var doc struct {
		XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
		Version string   `xml:"version,attr"`
		SrcLang string   `xml:"srcLang,attr"`
		TrgLang string   `xml:"trgLang,attr"`
		Files   []struct {
			Units []struct {
				ID    string `xml:"id,attr"`
				Notes []struct {
					Category string `xml:"category,attr"`
					Text     string `xml:",chardata"`
				} `xml:"notes>note"`
				// Segments and ignorables, in order: the text is theirs
				// joined.
				Parts []struct {
					XMLName xml.Name
					State   string   `xml:"state,attr"`
					Source  *content `xml:"source"`
					Target  *content `xml:"target"`
				} `xml:",any"`
			} `xml:"unit"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return language.Und, nil, &PosError{Line: se.Line, Err: fmt.Errorf("not an XLIFF 2.0 file: %s", se.Msg)}
		}
		return language.Und, nil, fmt.Errorf("not an XLIFF 2.0 file: %w", err)
	}
	lines, err := unitLines(data)
	if err != nil {
		return language.Und, nil, err
	}
	if doc.Version != "2.0" {
		return language.Und, nil, fmt.Errorf("XLIFF version %q; want 2.0", doc.Version)
	}
	if doc.SrcLang != "en" {
		return language.Und, nil, fmt.Errorf("srcLang %q: the source of every translation is English (en)", doc.SrcLang)
	}
	tag, err := targetTag(doc.TrgLang)
	if err != nil {
		return language.Und, nil, err
	}
	var units []Unit
	seen := map[string]int{}
	n := 0
	for _, f := range doc.Files {
		for _, u := range f.Units {
			line := 0
			if n < len(lines) {
				line = lines[n]
			}
			n++
			at := func(err error) error { return &PosError{Line: line, Err: err} }
			if err := checkID(u.ID); err != nil {
				return language.Und, nil, at(err)
			}
			if first, ok := seen[u.ID]; ok {
				return language.Und, nil, at(fmt.Errorf("unit %q appears twice (first on line %d)", u.ID, first))
			}
			seen[u.ID] = line
			var source, target strings.Builder
			has, untranslated := false, false
			state := ""
			for _, p := range u.Parts {
				if p.XMLName.Space != xliffNS || p.XMLName.Local != "segment" && p.XMLName.Local != "ignorable" {
					continue
				}
				if p.Source == nil {
					return language.Und, nil, at(fmt.Errorf("unit %q: a %s without a source", u.ID, p.XMLName.Local))
				}
				src, err := p.Source.resolve(nil)
				if err != nil {
					return language.Und, nil, at(fmt.Errorf("unit %q: source: %w", u.ID, err))
				}
				source.WriteString(src)
				switch {
				case p.Target != nil:
					trg, err := p.Target.resolve(p.Source)
					if err != nil {
						return language.Und, nil, at(fmt.Errorf("unit %q: target: %w", u.ID, err))
					}
					target.WriteString(trg)
					has = has || p.XMLName.Local == "segment"
				case p.XMLName.Local == "ignorable":
					// An ignorable without a target is the same in both.
					target.WriteString(src)
				default:
					untranslated = true
				}
				if p.XMLName.Local == "segment" {
					// XLIFF's default state is "initial".
					if st := cmp.Or(p.State, "initial"); state == "" || st == "initial" {
						state = st
					}
				}
			}
			if !has {
				continue
			}
			if untranslated && state != "initial" {
				// Its text would lose the untranslated segment's part.
				return language.Und, nil, at(fmt.Errorf("unit %q: a segment without a target in a unit that is not a draft (state %q)", u.ID, state))
			}
			if err := checkText(target.String()); err != nil {
				return language.Und, nil, at(fmt.Errorf("unit %q: target: %v", u.ID, err))
			}
			unit := Unit{ID: u.ID, Target: target.String(), State: state, Line: line}
			desc, hasNote := "", false
			for _, n := range u.Notes {
				switch n.Category {
				case "description":
					desc = n.Text
				case "hash":
					hasNote = true
				}
			}
			if hasNote {
				// The note is trusted only as far as it matches what the
				// unit shows, and when it does, this is the note.
				unit.Hash = msgfile.Hash(&i18n.Message{Description: desc, Other: source.String()})
			}
			units = append(units, unit)
		}
	}
	return tag, units, nil
}

// PosError is a problem at a line of an XLIFF file.
type PosError struct {
	Line int // 1-based; 0 when unknown
	Err  error
}

func (e *PosError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return e.Err.Error()
}

func (e *PosError) Unwrap() error { return e.Err }

// unitLines returns the line of each <unit> start tag of data, in document
// order (the units of a <file>, as xml.Unmarshal reads them), as the
// decoder reached the end of the tag. The units xml.Unmarshal
// fills carry no positions; this second, token-level pass gives them.
func unitLines(data []byte) ([]int, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var lines []int
	depth := 0 // xliff is 0, file 1, unit 2
	for {
		tok, err := d.RawToken()
		if err != nil {
			return lines, nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// A group (core XLIFF 2.0) nests units below the file; they
			// are refused rather than dropped without a word.
			if depth == 2 && t.Name.Local == "group" || depth > 2 && t.Name.Local == "unit" && t.Name.Space == "" {
				line, _ := d.InputPos()
				return nil, &PosError{Line: line, Err: fmt.Errorf("a <%s> inside a <file> is not read: put every <unit> directly in its <file> (XLIFF without groups)", t.Name.Local)}
			}
			if depth == 2 && t.Name.Local == "unit" && t.Name.Space == "" {
				line, _ := d.InputPos()
				lines = append(lines, line)
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

// targetTag checks trgLang: a BCP 47 tag written as a locale file is named
// (canonical, so "TH" is not th), and for a language written in more than
// one script, named by its script rather than a region that implies one:
// zh-TW would make zh-TW.toml beside zh-Hant.toml, a locale of its own.
func targetTag(s string) (language.Tag, error) {
	tag, err := msgfile.LocaleTag(s)
	if err != nil {
		return language.Und, fmt.Errorf("trgLang %w", err)
	}
	return tag, nil
}

// checkID refuses a unit ID that no locale file can hold as a message:
// empty, with control characters, or one of go-i18n's message keys.
func checkID(id string) error {
	if id == "" {
		return errors.New("a unit without an id")
	}
	for _, r := range id {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0xfffe || r == 0xffff || r == utf8.RuneError {
			return fmt.Errorf("unit id %q has %U", id, r)
		}
	}
	switch strings.ToLower(id) {
	case "id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation":
		return fmt.Errorf("unit id %q is one of go-i18n's message keys, not a message", id)
	}
	return nil
}

// content is the inline content of a source or target: text, <ph/>
// placeholders and <cp/> characters. Other inline markup (pc, mrk, sc,
// ec...) contributes its text only.
type content struct{ parts []inlinePart }

type inlinePart struct {
	text     string
	ph       bool   // a <ph/>; text is its equiv
	id       string // the ph's id
	hasEquiv bool
}

func (c *content) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			c.parts = append(c.parts, inlinePart{text: string(t)})
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "source", "target", "segment", "unit":
				return fmt.Errorf("a <%s> inside a <%s>", t.Name.Local, start.Name.Local)
			case "ph":
				p := inlinePart{ph: true}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "equiv":
						p.text, p.hasEquiv = a.Value, true
					case "id":
						p.id = a.Value
					}
				}
				c.parts = append(c.parts, p)
			case "cp":
				var h string
				for _, a := range t.Attr {
					if a.Name.Local == "hex" {
						h = a.Value
					}
				}
				r, err := codePoint(h)
				if err != nil {
					return err
				}
				c.parts = append(c.parts, inlinePart{text: string(r)})
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// codePoint reads a <cp hex="..."/>: one Unicode code point in hex.
func codePoint(h string) (rune, error) {
	b, err := hex.DecodeString(strings.Repeat("0", len(h)%2) + h)
	if err != nil || len(b) == 0 || len(b) > 3 {
		return 0, fmt.Errorf("<cp hex=%q> is not a code point", h)
	}
	var r rune
	for _, x := range b {
		r = r<<8 | rune(x)
	}
	if !utf8.ValidRune(r) {
		return 0, fmt.Errorf("<cp hex=%q> is not a code point", h)
	}
	return r, nil
}

// resolve returns c's text. A <ph/> without equiv takes the equiv of the
// source's <ph/> with the same id, as a CAT tool that drops equiv still
// keeps ids; one it cannot map is an error, not a lost placeholder.
func (c *content) resolve(source *content) (string, error) {
	var b strings.Builder
	for _, p := range c.parts {
		if p.ph && !p.hasEquiv {
			found := false
			if source != nil {
				for _, s := range source.parts {
					if s.ph && s.hasEquiv && s.id == p.id {
						b.WriteString(s.text)
						found = true
						break
					}
				}
			}
			if !found {
				return "", fmt.Errorf("<ph id=%q/> has no equiv, and the source has no placeholder with that id", p.id)
			}
			continue
		}
		b.WriteString(p.text)
	}
	return b.String(), nil
}

// WorkFile turns translated units into a translator's work file, which
// translation.Merge takes through the same checks as a hand-filled one.
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

// Importable returns the units of an XLIFF file that import takes, and
// the IDs of the drafts it leaves out. A target still in state "initial"
// is a draft, or a translation of older English waiting for review: it is
// not taken. In an app's layered folder, a shipped translation (shipped)
// that the export offered and the translator took back unchanged is not
// the app's work, unless the app's own file (own) already has the
// message: copying it would hide later fixes to the shipped text. A unit
// ID twice is an error.
//
// Every unit is in exactly one of kept, drafts and unchanged (the shipped
// texts taken back unchanged), so import can report what it does not
// write.
func Importable(units []Unit, own, shipped *msgfile.File) (kept []Unit, drafts, unchanged []string, err error) {
	seen := map[string]bool{}
	for _, u := range units {
		if seen[u.ID] {
			return nil, nil, nil, fmt.Errorf("unit %q appears twice; nothing was imported", u.ID)
		}
		seen[u.ID] = true
	}
	for _, u := range units {
		switch {
		case u.State == "initial":
			drafts = append(drafts, u.ID)
		case shipped != nil && (own == nil || own.Get(u.ID) == nil) && sameAsShipped(shipped.Get(u.ID), u):
			unchanged = append(unchanged, u.ID)
		default:
			kept = append(kept, u)
		}
	}
	return kept, drafts, unchanged, nil
}

func sameAsShipped(m *msgfile.Message, u Unit) bool {
	return m != nil && m.Other == u.Target && (u.Hash == "" || u.Hash == m.Hash)
}
