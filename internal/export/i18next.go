package export

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// ---- i18next ----

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
	if err := i18nextFallbacks(src, out); err != nil {
		return err
	}
	return typescriptAccessor(src, out)
}

// i18nextRequests are language tags browsers send that are not a locale's
// own name, and that i18next, which matches only exact names and their
// language, would not find: regions that imply a script, legacy codes,
// macrolanguages, languages whose locale has a region or a script.
var i18nextRequests = []string{
	"zh", "zh-CN", "zh-SG", "zh-TW", "zh-HK", "zh-MO", "zh-Hans-CN", "zh-Hant-TW", "cmn", "yue",
	"pt", "pt-AO", "pt-MZ", "pt-CV", "no", "nb-NO", "nn", "in", "iw", "tl", "fil-PH",
	"sr", "sr-RS", "sr-ME", "sr-BA", "sh", "sr-Latn-RS", "sr-Cyrl-RS",
}

// i18nextFallbacks writes i18next.config.json: the fallbackLng map that
// sends each browser tag above, and each locale's bare language, to the
// locale the library's own negotiation chooses for it (zh-TW to zh-Hant,
// pt to pt-BR, no to nb), then English. An app passes it to
// i18next.init({fallbackLng: config.fallbackLng, ...}).
func i18nextFallbacks(src Source, out *output) error {
	exported := map[string]bool{}
	for _, tag := range src.Tags {
		exported[tag.String()] = true
	}
	requests := slices.Clone(i18nextRequests)
	for _, tag := range src.Tags {
		base, _ := tag.Base()
		requests = append(requests, base.String())
	}
	slices.Sort(requests)
	requests = slices.Compact(requests)
	fallbacks := &orderedJSON{}
	for _, r := range requests {
		loc, matched := src.Bundle.Negotiate(r)
		to := loc.Tag().String()
		if !matched || to == r || !exported[to] || to == "en" {
			continue
		}
		fallbacks.set(r, []string{to, "en"})
	}
	fallbacks.set("default", []string{"en"})
	config := &orderedJSON{}
	config.set("fallbackLng", fallbacks)
	data, err := marshalJSON(config)
	if err != nil {
		return err
	}
	return out.add("i18next.config.json", language.English, data)
}

// flat writes one object per code: text, hint, category and retryable.
