package export

import (
	"strings"
)

// ---- flat JSON ----

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
