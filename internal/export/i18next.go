package export

import (
	"strings"
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
	return nil
}

// flat writes one object per code: text, hint, category and retryable.
