package export

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

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
	if err := out.add(AppleTable+".xcstrings", language.English, data); err != nil {
		return err
	}
	return swiftAccessor(src, out)
}
