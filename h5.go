package faceidmsg

import "golang.org/x/text/language"

// This file is the H5 flow's own language setting, which is not
// negotiation: the service's pages speak five languages, and an app passes
// the one nearest its reader's.

// H5Language returns the value to pass as the H5 flow's Language
// (WebVerificationConfigIntl.Language) so that the service's own pages
// speak the app's language: "zh-tc" for Traditional Chinese (zh-Hant,
// zh-TW, zh-HK, Cantonese), "zh-cn" for other Chinese, "th", "id", and
// "en" for every
// other language, English included, since the flow has no others.
func H5Language(tag language.Tag) string {
	if m, err := language.Macro.Canonicalize(tag); err == nil {
		tag = m // Mandarin (cmn) is Chinese
	}
	base, _ := tag.Base()
	switch base.String() {
	case "yue": // Cantonese is written in Traditional characters
		return "zh-tc"
	case "zh":
		if script, _ := tag.Script(); script.String() == "Hant" {
			return "zh-tc"
		}
		return "zh-cn"
	case "th":
		return "th"
	case "id":
		return "id"
	}
	return "en"
}
