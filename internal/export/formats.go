package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"strings"

	"golang.org/x/text/language"
)

// ---- Android ----

// androidDirs returns the values folders Android resolves tag from. Scripts,
// variants and three-letter languages need the BCP 47 form (b+zh+Hant,
// b+de+1996, API 21+). Indonesian is "in" and Hebrew "iw", as Android's
// Locale long reported them and older devices still do; Hebrew is written
// as he too, which aapt2 keeps as a separate configuration. Filipino is
// written both as b+fil and as the legacy tl, which older devices report.
// Extensions and private-use subtags have no qualifier: aapt2 compiles
// values-b+th+u+nu+thai but cannot link it ("invalid locale th-U"), and
// turns b+sr+Latn+x+foo into b+sr+Latn+X, so such a tag is an error rather
// than a folder that would collide with, or stand in for, another locale.
func androidDirs(tag language.Tag) ([]string, error) {
	if tag == language.English {
		return []string{"values"}, nil
	}
	if len(tag.Extensions()) > 0 { // private use (x-...) is one too
		return nil, fmt.Errorf("no Android resource qualifier can name %s: aapt2 takes no extensions or private-use subtags", tag)
	}
	base, script, region := tag.Raw()
	b, s, r := base.String(), script.String(), region.String()
	var variants []string
	for _, v := range tag.Variants() {
		variants = append(variants, v.String())
	}
	switch {
	case b == "id":
		b = "in"
	case b == "he" && s == "Zzzz" && r == "ZZ" && len(variants) == 0:
		return []string{"values-iw", "values-he"}, nil
	case b == "he":
		b = "iw"
	case b == "fil" && s == "Zzzz" && r == "ZZ" && len(variants) == 0:
		return []string{"values-b+fil", "values-tl"}, nil
	case b == "zh" && r == "ZZ" && len(variants) == 0 && (s == "Hans" || s == "Hant"):
		// Before Android 7.0 (API 24) resources are matched by language
		// and region only, with no script: a zh_CN or zh_TW device finds
		// only region folders.
		if s == "Hans" {
			return []string{"values-b+zh+Hans", "values-zh-rCN", "values-zh-rSG"}, nil
		}
		return []string{"values-b+zh+Hant", "values-zh-rTW", "values-zh-rHK", "values-zh-rMO"}, nil
	}
	numericRegion := len(r) == 3
	if s != "Zzzz" || len(b) > 2 || numericRegion || len(variants) > 0 {
		parts := []string{"values-b+" + b}
		if s != "Zzzz" {
			parts = append(parts, s)
		}
		if r != "ZZ" {
			parts = append(parts, r)
		}
		parts = append(parts, variants...)
		return []string{strings.Join(parts, "+")}, nil
	}
	if r != "ZZ" {
		return []string{"values-" + b + "-r" + r}, nil
	}
	return []string{"values-" + b}, nil
}

// androidText escapes s for a strings.xml value as aapt reads it: XML
// escapes, then backslash escapes for the characters aapt treats specially
// (quotes, backslash, newline, tab, and @ or ? at the start, which would
// make the value a reference). A value with leading, trailing or repeated
// spaces is quoted, since aapt collapses white space outside quotes.
func androidText(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '@', '?':
			if i == 0 {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	var x bytes.Buffer
	xml.EscapeText(&x, []byte(b.String()))
	out := x.String()
	// xml.EscapeText writes newlines as &#xA;, which are already escaped
	// above, and quotes as &#34;, which aapt reads as quotes: keep its
	// output.
	if strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") {
		out = `"` + out + `"`
	}
	return out
}

func android(src Source, out *output) error {
	for _, tag := range src.Tags {
		dirs, err := androidDirs(tag)
		if err != nil {
			return err
		}
		es, err := entries(src, tag)
		if err != nil {
			return err
		}
		var b strings.Builder
		b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
		fmt.Fprintf(&b, "<!-- %s Locale: %s. -->\n<resources>\n", header, tag)
		for _, e := range es {
			text := e.text
			attrs := ""
			if e.code && !e.isHint {
				// %1$s takes the code: getString(R.string.unknown, code).
				text = strings.ReplaceAll(text, "%", "%%")
				text = withPlaceholder(entry{text: text, code: true}, "%1$s")
			} else if strings.Contains(text, "%") {
				attrs = ` formatted="false"`
			}
			fmt.Fprintf(&b, "    <string name=\"%s\"%s>%s</string>\n", e.key, attrs, androidText(text))
		}
		b.WriteString("</resources>\n")
		for _, dir := range dirs {
			if err := out.add(path.Join(dir, AndroidFile), tag, []byte(b.String())); err != nil {
				return err
			}
		}
	}
	return nil
}

// ---- Apple ----

// stringsText escapes s for a .strings value.
func stringsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`).Replace(s)
}

// xcstrings is a String Catalog. Its keys, and those of each entry's
// localizations, are maps: encoding/json writes map keys sorted, which is
// the order Xcode keeps a catalog in, and the struct fields are already in
// that order.
type xcstrings struct {
	SourceLanguage string                  `json:"sourceLanguage"`
	Strings        map[string]xcstringsKey `json:"strings"`
	Version        string                  `json:"version"`
}

type xcstringsKey struct {
	Comment         string                   `json:"comment"`
	ExtractionState string                   `json:"extractionState"`
	Localizations   map[string]xcstringsLang `json:"localizations"`
}

type xcstringsLang struct {
	StringUnit struct {
		State string `json:"state"`
		Value string `json:"value"`
	} `json:"stringUnit"`
}

func apple(src Source, out *output) error {
	catalog := xcstrings{SourceLanguage: "en", Strings: map[string]xcstringsKey{}, Version: "1.0"}
	for _, tag := range src.Tags {
		es, err := entries(src, tag)
		if err != nil {
			return err
		}
		var b strings.Builder
		fmt.Fprintf(&b, "/* %s Locale: %s. */\n", header, tag)
		for _, e := range es {
			text := e.text
			if e.code && !e.isHint {
				// %@ takes the code: String(format: NSLocalizedString("unknown", ...), code).
				text = withPlaceholder(entry{text: strings.ReplaceAll(text, "%", "%%"), code: true}, "%@")
			}
			fmt.Fprintf(&b, "\n/* %s */\n\"%s\" = \"%s\";\n", strings.ReplaceAll(e.description, "*/", "* /"), e.key, stringsText(text))

			k, ok := catalog.Strings[e.key]
			if !ok {
				k = xcstringsKey{Comment: e.description, ExtractionState: "manual", Localizations: map[string]xcstringsLang{}}
				catalog.Strings[e.key] = k
			}
			var l xcstringsLang
			l.StringUnit.State, l.StringUnit.Value = "translated", text
			k.Localizations[tag.String()] = l
		}
		if err := out.add(tag.String()+".lproj/"+AppleTable+".strings", tag, []byte(b.String())); err != nil {
			return err
		}
	}
	data, err := marshalJSON(catalog)
	if err != nil {
		return err
	}
	return out.add(AppleTable+".xcstrings", language.English, data)
}

// ---- i18next and flat JSON ----

// i18next reads {{name}} in a resource as interpolation and $t(key) as
// nesting (another key's text), and has no escape for either inside a
// resource: only the app's init options can change the prefixes. So a text
// in which i18next would find either, other than the {{code}} the export
// puts in the generic message, is refused rather than shown changed.
func i18nextCheck(e entry, text string) error {
	before, _ := e.literal()
	if strings.Contains(text, "$t(") {
		return e.refuse("the text has \"$t(\", which i18next expands into another key's text; it has no escape for it")
	}
	want := 0
	if e.code && !e.isHint {
		want = 1
	}
	if n := strings.Count(text, "{{"); n != want || want == 1 && strings.Index(text, "{{") != len(before) {
		return e.refuse("the text has \"{{\", which i18next reads as interpolation; it has no escape for it")
	}
	return nil
}

func i18next(src Source, out *output) error {
	for _, tag := range src.Tags {
		es, err := entries(src, tag)
		if err != nil {
			return err
		}
		o := &orderedJSON{}
		for _, e := range es {
			// i18next interpolates {{code}}: t("unknown", { code }).
			text := withPlaceholder(e, "{{code}}")
			if err := i18nextCheck(e, text); err != nil {
				return err
			}
			o.set(e.key, text)
		}
		data, err := marshalJSON(o)
		if err != nil {
			return err
		}
		if err := out.add(tag.String()+"/"+I18nextNamespace+".json", tag, data); err != nil {
			return err
		}
	}
	return nil
}

// flat writes one object per code: text, hint, category and retryable.
// The generic text holds {code}, which the app replaces with the code; a
// translator's own "{code}" in that text would make that replace
// ambiguous, so it is refused (there is no escape in a plain string).
func flat(src Source, out *output) error {
	type item struct {
		Text      string `json:"text"`
		Hint      string `json:"hint"`
		Category  string `json:"category"`
		Retryable bool   `json:"retryable"`
	}
	for _, tag := range src.Tags {
		es, err := entries(src, tag)
		if err != nil {
			return err
		}
		o := &orderedJSON{}
		for _, e := range es {
			if e.isHint {
				continue
			}
			text := withPlaceholder(e, "{code}")
			if e.code && strings.Count(text, "{code}") != 1 {
				return e.refuse("the text has a literal \"{code}\" beside the code's placeholder, so the app could not tell which to replace")
			}
			o.set(e.key, item{text, e.msg.Hint, string(e.msg.Category), e.msg.Retryable})
		}
		data, err := marshalJSON(o)
		if err != nil {
			return err
		}
		if err := out.add(tag.String()+".json", tag, data); err != nil {
			return err
		}
	}
	return nil
}

// ---- Flutter ARB ----

// arbLocale is a tag as Flutter names locales: zh_Hant, pt_BR. Flutter's
// locales have a language, a script and a region only, so a tag with
// variants or extensions is an error rather than a name Flutter misreads.
func arbLocale(tag language.Tag) (string, error) {
	base, script, region := tag.Raw()
	if len(tag.Variants()) > 0 || len(tag.Extensions()) > 0 {
		return "", fmt.Errorf("no Flutter locale can name %s: its locales take no variants or extensions", tag)
	}
	parts := []string{base.String()}
	if script.String() != "Zzzz" {
		parts = append(parts, script.String())
	}
	if region.String() != "ZZ" {
		parts = append(parts, region.String())
	}
	return strings.Join(parts, "_"), nil
}

// arbCheck refuses a text that Flutter's gen-l10n would not show as it
// is. ARB values are ICU MessageFormat, where { and } start a placeholder,
// plural or select. gen-l10n, by default (use-escaping off), has no escape
// for them, and reads an apostrophe as itself; only with use-escaping on
// does '{' quote a brace, and then every apostrophe quotes. The export
// writes for the default: apostrophes as they are, and a brace other than
// the generic message's {code} refused.
func arbCheck(e entry) error {
	before, after := e.literal()
	if strings.ContainsAny(before+after, "{}") {
		return e.refuse("the text has { or }, which Flutter's gen-l10n reads as ICU syntax and cannot escape by default")
	}
	return nil
}

// arbRegions are the regions whose readers a script-only ARB file would
// miss. Android reports Traditional Chinese as zh_TW or zh_HK, with no
// script, and Flutter's basicLocaleListResolution then matches zh (the
// Simplified file) before it looks at scripts; zh-Hant is written for
// those regions too.
var arbRegions = map[string][]string{"zh-Hant": {"TW", "HK", "MO"}}

func arb(src Source, out *output) error {
	write := func(locale string, tag language.Tag, template bool) error {
		es, err := entries(src, tag)
		if err != nil {
			return err
		}
		o := &orderedJSON{}
		o.set("@@locale", locale)
		for _, e := range es {
			if err := arbCheck(e); err != nil {
				return err
			}
			o.set(e.key, withPlaceholder(e, "{code}"))
			if !template {
				continue
			}
			meta := &orderedJSON{}
			meta.set("description", e.description)
			if e.code && !e.isHint {
				meta.set("placeholders", map[string]map[string]string{"code": {"type": "String"}})
			}
			o.set("@"+e.key, meta)
		}
		data, err := marshalJSON(o)
		if err != nil {
			return err
		}
		return out.add(ARBPrefix+locale+".arb", tag, data)
	}
	bases := map[string]bool{}
	for _, tag := range src.Tags {
		locale, err := arbLocale(tag)
		if err != nil {
			return err
		}
		if err := write(locale, tag, tag == language.English); err != nil {
			return err
		}
		if b, _ := tag.Base(); b.String() == tag.String() {
			bases[tag.String()] = true
		}
	}
	// Flutter needs app_pt.arb beside app_pt_BR.arb: the first exported
	// variant of a language also stands for the language.
	for _, tag := range src.Tags {
		b, _ := tag.Base()
		if !bases[b.String()] {
			bases[b.String()] = true
			if err := write(b.String(), tag, false); err != nil {
				return err
			}
		}
	}
	for _, tag := range src.Tags {
		for _, r := range arbRegions[tag.String()] {
			b, _ := tag.Base()
			locale := b.String() + "_" + r
			if !out.has(ARBPrefix + locale + ".arb") {
				if err := write(locale, tag, false); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
