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
	"unicode/utf8"

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
	// AndroidPackage is the app's Java package, whose R class holds the
	// exported strings; with it, the Android export also writes the
	// FaceIdMsg.java accessor in that package.
	AndroidPackage string
}

// Formats lists the format names, as the CLI takes them.
func Formats() []string {
	return []string{"android", "apple", "arb", "flat", "i18next", "xliff"}
}

// Export writes src in format. So that an app shows exactly the library's
// text, it refuses, with an error naming the locale and the message, a
// text the format cannot carry: control characters in any format, and
// what a format's reader would take as its own syntax where the format
// has no escape for it (braces in ARB, {{ and $t( in i18next, a literal
// {code} in flat JSON's generic text). It also refuses two locales whose
// files would have the same path, and a locale the format has no name for
// (an Android or Flutter tag with extensions).
func Export(format string, src Source) (Files, error) {
	tags := []language.Tag{language.English}
	for _, t := range src.Tags {
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	src.Tags = tags
	var w func(Source, *output) error
	switch format {
	case "android":
		w = android
	case "apple":
		w = apple
	case "arb":
		w = arb
	case "flat":
		w = flat
	case "i18next":
		w = i18next
	case "xliff":
		w = xliff
	default:
		return nil, fmt.Errorf("unknown format %q; formats are %s", format, strings.Join(Formats(), ", "))
	}
	out := &output{files: Files{}, owner: map[string]language.Tag{}}
	if err := w(src, out); err != nil {
		return nil, fmt.Errorf("export %s: %w", format, err)
	}
	return out.files, nil
}

// output collects a format's files and who wrote each, so that two
// locales can never silently overwrite each other's file.
type output struct {
	files Files
	owner map[string]language.Tag
}

// add writes the file at name for tag. A file tag already wrote is
// replaced; one another locale wrote is an error naming both.
func (o *output) add(name string, tag language.Tag, data []byte) error {
	if prev, ok := o.owner[name]; ok && prev != tag {
		return fmt.Errorf("locales %s and %s both map to %s; export them separately or rename one locale file", prev, tag, name)
	}
	o.owner[name] = tag
	o.files[name] = data
	return nil
}

// has reports whether some locale wrote name.
func (o *output) has(name string) bool { _, ok := o.files[name]; return ok }

// UnknownKey names the generic message for codes the catalogue does not
// know; it takes the code as its one placeholder.
const UnknownKey = "unknown"

// HiddenKey names the generic message without the code, for a code that
// is not shown because it has characters no service code has (the library
// shows such a code nowhere; an app should do the same). It shares the
// hint of UnknownKey.
const HiddenKey = "unknown_hidden"

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
	tag         language.Tag // the locale being exported
}

// where names the entry in an error: the locale, the message and the key.
func (e entry) where() string {
	if e.isHint {
		return fmt.Sprintf("%s: the hint of message %s (key %s)", e.tag, e.msg.MessageID, e.key)
	}
	return fmt.Sprintf("%s: message %s (key %s)", e.tag, e.msg.MessageID, e.key)
}

// refuse is the error for an entry a format cannot carry.
func (e entry) refuse(format string, args ...any) error {
	return fmt.Errorf("%s: %s", e.where(), fmt.Sprintf(format, args...))
}

// codeMarker stands for the code in the generic message while a format
// puts its own placeholder there.
const codeMarker = "FACEIDMSGCODEPLACEHOLDER"

// entries returns every string of locale tag, in catalogue order: each
// code's text and hint, then the generic message and its hint. It refuses
// a text with characters no format may carry (see checkText).
func entries(src Source, tag language.Tag) ([]entry, error) {
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
		out = append(out, entry{key: k, text: m.Text, description: desc(m.MessageID), msg: m, tag: tag})
		if m.Hint != "" {
			out = append(out, entry{key: HintKey(k), text: m.Hint, description: "What to do now; shown under " + k + ".", msg: m, isHint: true, tag: tag})
		}
	}
	before, after, u := loc.UnknownCodeText()
	u.Text = before + codeMarker + after
	// The English note names go-i18n's {{.Code}}; in an export the code
	// has the format's own placeholder ({code}, %1$s, %@).
	unknownDesc := strings.ReplaceAll(desc(u.MessageID), "{{.Code}}", "the code's placeholder")
	unknown := entry{key: UnknownKey, text: u.Text, code: true, description: unknownDesc, msg: u, tag: tag}
	hint := entry{key: HintKey(UnknownKey), text: u.Hint, description: "What to do now; shown under " + UnknownKey + ".", msg: u, isHint: true, tag: tag}
	h := loc.Generic()
	hidden := entry{key: HiddenKey, text: h.Text, description: desc(h.MessageID), msg: h, tag: tag}
	out = append(out, unknown, hint, hidden)
	for _, e := range out {
		if err := checkText(e.text); err != nil {
			return nil, e.refuse("%v", err)
		}
		if err := checkText(e.description); err != nil {
			return nil, e.refuse("its English description: %v", err)
		}
	}
	return out, nil
}

// checkText refuses characters that no export writes faithfully: C0
// controls other than tab and newline (a CR among them: aapt drops it, XML
// readers turn it into a newline), DEL, C1 controls, the noncharacters
// U+FFFE and U+FFFF (not allowed in XML), and bytes that are not UTF-8.
// Formats either write such a character raw, which their readers may
// reject (.strings), or replace it (U+FFFD), so the app would show other
// than the library's text. Refusing is the one faithful choice, and it
// does not depend on the locale files' own checks. Tab and newline are written
// escaped by every format and read back as they were.
func checkText(s string) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return fmt.Errorf("byte %d is not UTF-8", i)
			}
		case r == '\t' || r == '\n':
		case r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0xfffe || r == 0xffff:
			return fmt.Errorf("the text has %U, a control character or noncharacter that no export can carry; remove it", r)
		}
	}
	return nil
}

// withPlaceholder puts a format's placeholder where the code goes.
func withPlaceholder(e entry, placeholder string) string {
	if !e.code || e.isHint {
		return e.text
	}
	return strings.Replace(e.text, codeMarker, placeholder, 1)
}

// literal returns the entry's text around the code placeholder: the whole
// text and "" for any other entry.
func (e entry) literal() (before, after string) {
	if !e.code || e.isHint {
		return e.text, ""
	}
	before, after, _ = strings.Cut(e.text, codeMarker)
	return before, after
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

// The names the exports write under, their own so that they sit beside
// an app's resources without taking the names the platforms give an
// app's own: Android merges every file of a values folder, an Apple app
// reads a table by name, i18next a namespace, Flutter an ARB prefix.
const (
	AndroidFile      = "faceidmsg_strings.xml" // values*/faceidmsg_strings.xml
	AppleTable       = "FaceIDMsg"             // <tag>.lproj/FaceIDMsg.strings, FaceIDMsg.xcstrings
	I18nextNamespace = "faceidmsg"             // <tag>/faceidmsg.json
	ARBPrefix        = "faceidmsg_"            // faceidmsg_<locale>.arb
)

// Wrote reports whether data is a file some export wrote: every format
// carries the key, or the message ID, of the generic text. export
// refuses to overwrite a file it did not write.
func Wrote(data []byte) bool {
	return bytes.Contains(data, []byte(HiddenKey)) || bytes.Contains(data, []byte("UnknownCodeHidden"))
}
