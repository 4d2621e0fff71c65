package export

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

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
	return dartAccessor(src, out)
}
