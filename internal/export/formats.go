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

// androidDirs returns the values folders Android resolves tag from. Scripts
// and three-letter languages need the BCP 47 form (b+zh+Hant, API 21+);
// Indonesian is "in", as Android's Locale still reports it; Filipino is
// written both as b+fil and as the legacy tl, which older devices report.
func androidDirs(tag language.Tag) []string {
	if tag == language.English {
		return []string{"values"}
	}
	base, script, region := tag.Raw()
	b, s, r := base.String(), script.String(), region.String()
	switch {
	case b == "id":
		b = "in"
	case b == "fil" && s == "Zzzz" && r == "ZZ":
		return []string{"values-b+fil", "values-tl"}
	}
	numericRegion := len(r) == 3
	if s != "Zzzz" || len(b) > 2 || numericRegion {
		parts := []string{"values-b+" + b}
		if s != "Zzzz" {
			parts = append(parts, s)
		}
		if r != "ZZ" {
			parts = append(parts, r)
		}
		return []string{strings.Join(parts, "+")}
	}
	if r != "ZZ" {
		return []string{"values-" + b + "-r" + r}
	}
	return []string{"values-" + b}
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

func android(src Source) (Files, error) {
	files := Files{}
	for _, tag := range src.Tags {
		var b strings.Builder
		b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
		fmt.Fprintf(&b, "<!-- %s Locale: %s. -->\n<resources>\n", header, tag)
		for _, e := range entries(src, tag) {
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
		for _, dir := range androidDirs(tag) {
			files[path.Join(dir, "strings.xml")] = []byte(b.String())
		}
	}
	return files, nil
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

func apple(src Source) (Files, error) {
	files := Files{}
	catalog := xcstrings{SourceLanguage: "en", Strings: map[string]xcstringsKey{}, Version: "1.0"}
	for _, tag := range src.Tags {
		var b strings.Builder
		fmt.Fprintf(&b, "/* %s Locale: %s. */\n", header, tag)
		for _, e := range entries(src, tag) {
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
		files[tag.String()+".lproj/Localizable.strings"] = []byte(b.String())
	}
	out, err := marshalJSON(catalog)
	if err != nil {
		return nil, err
	}
	files["Localizable.xcstrings"] = out
	return files, nil
}

// ---- i18next and flat JSON ----

func i18next(src Source) (Files, error) {
	files := Files{}
	for _, tag := range src.Tags {
		o := &orderedJSON{}
		for _, e := range entries(src, tag) {
			// i18next interpolates {{code}}: t("unknown", { code }).
			o.set(e.key, withPlaceholder(e, "{{code}}"))
		}
		out, err := marshalJSON(o)
		if err != nil {
			return nil, err
		}
		files[tag.String()+"/translation.json"] = out
	}
	return files, nil
}

func flat(src Source) (Files, error) {
	files := Files{}
	type item struct {
		Text      string `json:"text"`
		Hint      string `json:"hint"`
		Category  string `json:"category"`
		Retryable bool   `json:"retryable"`
	}
	for _, tag := range src.Tags {
		o := &orderedJSON{}
		for _, e := range entries(src, tag) {
			if e.isHint {
				continue
			}
			o.set(e.key, item{withPlaceholder(e, "{code}"), e.msg.Hint, string(e.msg.Category), e.msg.Retryable})
		}
		out, err := marshalJSON(o)
		if err != nil {
			return nil, err
		}
		files[tag.String()+".json"] = out
	}
	return files, nil
}

// ---- Flutter ARB ----

// arbLocale is a tag as Flutter names locales: zh_Hant, pt_BR.
func arbLocale(tag language.Tag) string { return strings.ReplaceAll(tag.String(), "-", "_") }

func arb(src Source) (Files, error) {
	files := Files{}
	write := func(locale string, tag language.Tag, template bool) error {
		o := &orderedJSON{}
		o.set("@@locale", locale)
		for _, e := range entries(src, tag) {
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
		out, err := marshalJSON(o)
		if err != nil {
			return err
		}
		files["app_"+locale+".arb"] = out
		return nil
	}
	bases := map[string]bool{}
	for _, tag := range src.Tags {
		if err := write(arbLocale(tag), tag, tag == language.English); err != nil {
			return nil, err
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
				return nil, err
			}
		}
	}
	return files, nil
}
