// Package langname names languages for people: in English, and in the
// language itself, from CLDR's names in x/text.
package langname

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// English is tag's name in English, with its region or script where the
// tag has one ("Brazilian Portuguese", "Serbian (Latin)"), or the tag
// itself for a language CLDR does not name (a private-use qaa).
func English(tag language.Tag) string {
	return name(display.English.Tags(), display.English.Languages(), display.English.Scripts(), tag)
}

// Native is tag's name in its own language ("português (Brasil)",
// "srpski (latinica)"), or its English name when CLDR has no names in
// that language.
func Native(tag language.Tag) string {
	tags, langs, scripts := display.Tags(tag), display.Languages(tag), display.Scripts(tag)
	if tags == nil || langs == nil || scripts == nil {
		return English(tag)
	}
	if n := name(tags, langs, scripts, tag); n != tag.String() {
		return n
	}
	return English(tag)
}

// name is the tag's name from tags, unless that names another language
// than the tag's base: CLDR names sr-Latn "Serbo-Croatian", after the
// deprecated sh, where a reader of the Latin script of Serbian expects
// Serbian and the script.
func name(tags, langs, scripts display.Namer, tag language.Tag) string {
	n := tags.Name(tag)
	if n == "" {
		return tag.String()
	}
	base, _ := tag.Base()
	script, conf := tag.Script()
	baseName := langs.Name(base)
	if conf != language.Exact || baseName == "" || strings.Contains(n, baseName) {
		return n
	}
	if s := scripts.Name(script); s != "" {
		return baseName + " (" + s + ")"
	}
	return baseName
}
