// Package export writes the bundle's messages in the formats apps and
// translators use (Android, Apple, i18next, flat JSON, Flutter ARB, XLIFF
// 2.0) and reads translated XLIFF back. Every format names a code's string
// by faceidmsg.Key. Output is deterministic: the same input gives the same
// bytes.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// Files maps a slash-separated path, relative to the output folder, to its
// contents.
type Files map[string][]byte

// Source is what an export reads.
type Source struct {
	Bundle *faceidmsg.Bundle
	Tags   []language.Tag // the locales to write; English is always written
	Set    *msgfile.Set   // the locale files, for descriptions and XLIFF
}

// Formats lists the format names, as the CLI takes them.
func Formats() []string {
	return []string{"android", "apple", "arb", "flat", "i18next", "xliff"}
}

// Export writes src in format.
func Export(format string, src Source) (Files, error) {
	if !slices.Contains(src.Tags, language.English) {
		src.Tags = append([]language.Tag{language.English}, src.Tags...)
	}
	switch format {
	case "android":
		return android(src)
	case "apple":
		return apple(src)
	case "arb":
		return arb(src)
	case "flat":
		return flat(src)
	case "i18next":
		return i18next(src)
	case "xliff":
		return xliff(src)
	}
	return nil, fmt.Errorf("unknown format %q; formats are %s", format, strings.Join(Formats(), ", "))
}

// UnknownKey names the generic message for codes the catalogue does not
// know; it takes the code as its one placeholder.
const UnknownKey = "unknown"

// HintKey is the key of the hint shown under the string with key.
func HintKey(key string) string { return key + "_hint" }

// entry is one exported string: a code's text or hint, or the generic
// message.
type entry struct {
	key, text   string
	description string // the English description of its message, for translators
	code        bool   // the text has the code placeholder (the generic message)
	msg         faceidmsg.Message
	isHint      bool
}

// codeMarker stands for the code in the generic message while a format
// puts its own placeholder there. It is graphic ASCII, so it survives the
// library's sanitizing of codes, and no translation contains it.
const codeMarker = "FACEIDMSGCODEPLACEHOLDER"

// entries returns every string of locale tag, in catalogue order: each
// code's text and hint, then the generic message and its hint.
func entries(src Source, tag language.Tag) []entry {
	loc := src.Bundle.Localizer(tag.String())
	desc := func(id string) string {
		if src.Set == nil || src.Set.English == nil {
			return ""
		}
		if m := src.Set.English.Get(id); m != nil {
			return m.Description
		}
		return ""
	}
	var out []entry
	for _, m := range loc.Messages() {
		k := faceidmsg.Key(m.Namespace, m.Code)
		out = append(out, entry{key: k, text: m.Text, description: desc(m.MessageID), msg: m})
		if m.Hint != "" {
			out = append(out, entry{key: HintKey(k), text: m.Hint, description: "What to do now; shown under " + k + ".", msg: m, isHint: true})
		}
	}
	u, _ := loc.LookupCode("paas:" + codeMarker)
	out = append(out,
		entry{key: UnknownKey, text: u.Text, code: true, description: desc(u.MessageID), msg: u},
		entry{key: HintKey(UnknownKey), text: u.Hint, description: "What to do now; shown under " + UnknownKey + ".", msg: u, isHint: true},
	)
	return out
}

// withPlaceholder puts a format's placeholder where the code goes.
func withPlaceholder(e entry, placeholder string) string {
	if !e.code || e.isHint {
		return e.text
	}
	return strings.Replace(e.text, codeMarker, placeholder, 1)
}

// marshalJSON encodes v with two-space indentation, without escaping HTML
// characters, and with a final newline.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// orderedJSON writes a JSON object whose keys keep the given order, which
// encoding/json's maps do not.
type orderedJSON struct {
	keys []string
	vals map[string]any
}

func (o *orderedJSON) set(k string, v any) {
	if o.vals == nil {
		o.vals = map[string]any{}
	}
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *orderedJSON) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := marshalCompact(k)
		if err != nil {
			return nil, err
		}
		vb, err := marshalCompact(o.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalCompact(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// header is the first-line comment of generated files.
const header = "Generated by faceidmsg export from its TOML locales. Do not edit; export again."
