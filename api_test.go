package faceidmsg

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"
)

func TestWithLanguages(t *testing.T) {
	b := newBundle(t, WithLanguages(language.MustParse("th"), language.MustParse("id")))
	var got []string
	for _, l := range b.Languages() {
		got = append(got, l.Tag.String())
	}
	if strings.Join(got, ",") != "en,id,th" {
		t.Errorf("Languages() = %v; want en, id, th", got)
	}
	// Languages the bundle has but does not serve get English.
	for _, tt := range []struct{ pref, want string }{{"ja", "en"}, {"th-TH", "th"}, {"zh-TW, id;q=0.5", "id"}, {"en-XA", "en"}} {
		if got := b.Match(tt.pref).String(); got != tt.want {
			t.Errorf("Match(%q) = %s; want %s", tt.pref, got, tt.want)
		}
	}
	if _, err := New(WithLanguages(language.MustParse("qaa"))); err == nil || !strings.Contains(err.Error(), "no locale qaa") {
		t.Errorf("New(WithLanguages(qaa)) error = %v; want one naming qaa", err)
	}
	// A layered locale can be served, and falls back through one that is
	// not: pt-AO's parent is pt-PT.
	b = newBundle(t, WithLocales(fstest.MapFS{"pt-AO.toml": {Data: []byte("[LightTooDim]\nother = \"Luz fraca.\"\n")}}), WithLanguages(language.MustParse("pt-AO")))
	m, _ := b.Localizer("pt-AO").LookupNumber(1202)
	if m.Lang.String() != "pt-PT" || b.Match("pt-PT").String() != "pt-AO" {
		t.Errorf("pt-AO served %s for 1202 and pt-PT is served %s; want pt-PT's text, pt-AO", m.Lang, b.Match("pt-PT"))
	}
}

func TestLocalizerFor(t *testing.T) {
	b := newBundle(t)
	for _, tt := range []struct {
		tags []string
		want string
	}{
		{nil, "en"},
		{[]string{"qaa", "zh-TW"}, "zh-Hant"},
		{[]string{"en-XA"}, "en-XA"},
		{[]string{"cmn-Hant-TW"}, "zh-Hant"},
		{[]string{"th-u-nu-thai"}, "th"},
		{[]string{"qaa"}, "en"},
		{[]string{"en-XA-u-nu-latn"}, "en-XA"},
	} {
		var tags []language.Tag
		for _, s := range tt.tags {
			tags = append(tags, language.MustParse(s))
		}
		if got := b.LocalizerFor(tags...).Tag().String(); got != tt.want {
			t.Errorf("LocalizerFor(%v) = %s; want %s", tt.tags, got, tt.want)
		}
		// The same answer as from strings.
		if got, want := b.LocalizerFor(tags...).Tag(), b.Match(strings.Join(tt.tags, ",")); tt.tags != nil && got != want {
			t.Errorf("LocalizerFor(%v) = %s; Match gives %s", tt.tags, got, want)
		}
	}
}

func TestNegotiateMatched(t *testing.T) {
	b := newBundle(t)
	for _, tt := range []struct {
		pref    string
		want    string
		matched bool
	}{
		{"qaa", "en", false}, {"", "en", false}, {"en-GB", "en", true}, {"th", "th", true},
		{"*", "en", true}, {"th;q=0", "en", false}, {"uk-UA, qaa", "uk", true},
	} {
		l, ok := b.Negotiate(tt.pref)
		if l.Tag().String() != tt.want || ok != tt.matched {
			t.Errorf("Negotiate(%q) = %s, %t; want %s, %t", tt.pref, l.Tag(), ok, tt.want, tt.matched)
		}
	}
}

func TestMessageKey(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	for _, tt := range []struct{ code, want string }{
		{"1201", "saas_1201"},
		{"FailedOperation.CompareFail", "paas_FailedOperation_CompareFail"},
		{"appsdk:-999", "appsdk__999"},
		{"selfie-android:212", "selfie_android_212"},
		{"1999", "unknown"},
		{"12 01", "unknown_hidden"},
	} {
		m, _ := loc.LookupCode(tt.code)
		if got := m.Key(); got != tt.want {
			t.Errorf("LookupCode(%q).Key() = %q; want %q", tt.code, got, tt.want)
		}
	}
}

func TestH5Language(t *testing.T) {
	for _, tt := range []struct{ tag, want string }{
		{"en", "en"}, {"en-GB", "en"}, {"zh-Hant", "zh-tc"}, {"zh-TW", "zh-tc"}, {"zh-HK", "zh-tc"},
		{"zh", "zh-cn"}, {"zh-Hans", "zh-cn"}, {"zh-SG", "zh-cn"}, {"th-TH", "th"}, {"id", "id"},
		{"ms", "en"}, {"ja", "en"}, {"qaa", "en"}, {"cmn-Hant-TW", "zh-tc"}, {"cmn", "zh-cn"}, {"yue-HK", "zh-tc"},
	} {
		if got := H5Language(language.MustParse(tt.tag)); got != tt.want {
			t.Errorf("H5Language(%s) = %q; want %q", tt.tag, got, tt.want)
		}
	}
}
