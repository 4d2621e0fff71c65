// Package langname names languages for people: in English, and in the
// language itself. The names come from CLDR (x/text's display package)
// through a table generated at development time (names_gen.go, by
// gen_names.go), so a program that imports faceidmsg carries no CLDR name
// tables and no init for them.
package langname

//go:generate go run gen_names.go

import "golang.org/x/text/language"

// English is tag's name in English, with its region or script where the
// tag has one ("Brazilian Portuguese", "Serbian (Latin)"), or the tag
// itself for a language the table does not name (a private-use qaa, or a
// layered locale of a language the project does not ship).
func English(tag language.Tag) string {
	if n, ok := names[tag.String()]; ok {
		return n[0]
	}
	return tag.String()
}

// Native is tag's name in its own language ("português (Brasil)",
// "srpski (latinica)"), or its English name when the table has none.
func Native(tag language.Tag) string {
	if n, ok := names[tag.String()]; ok {
		return n[1]
	}
	return English(tag)
}
