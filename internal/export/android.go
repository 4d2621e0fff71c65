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
	if src.AndroidPackage != "" {
		return javaAccessor(src, out)
	}
	return nil
}
