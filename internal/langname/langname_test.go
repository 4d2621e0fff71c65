package langname

import (
	"testing"

	"golang.org/x/text/language"
)

func TestNames(t *testing.T) {
	for _, tt := range []struct{ tag, english, native string }{
		{"en", "English", "English"},
		{"pt-BR", "Brazilian Portuguese", "português (Brasil)"},
		{"zh-Hant", "Traditional Chinese", "繁體中文"},
		{"sr-Cyrl", "Serbian (Cyrillic)", "српски (ћирилица)"},
		{"sr-Latn", "Serbian (Latin)", "srpski (latinica)"},
		{"qaa", "qaa", "qaa"},
		{"qaa-Arab", "qaa-Arab", "qaa-Arab"},
	} {
		tag := language.MustParse(tt.tag)
		if got := English(tag); got != tt.english {
			t.Errorf("English(%s) = %q; want %q", tt.tag, got, tt.english)
		}
		if got := Native(tag); got != tt.native {
			t.Errorf("Native(%s) = %q; want %q", tt.tag, got, tt.native)
		}
	}
}
