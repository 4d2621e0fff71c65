package faceidmsg

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// Fuzz targets for every input that comes from outside: Accept-Language
// headers, codes, and locale files an app layers over ours. The seeds mirror
// the Examples and the table tests.

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{
		"", "zh-TW,zh;q=0.9,en;q=0.8", "xx-invalid;q=abc, th", "zh_TW", "zh-tc", "in", "uk",
		"th;q=0, *", "en-XA", "*;q=0", "th_TH.UTF-8@calendar", ";;;,,,", "q=1", "a;q=0.5;q=0.1",
		"\x00\xff,th", strings.Repeat("en-US-u-ca-gregory-", 8),
	} {
		f.Add(s)
	}
	b := newBundle(f)
	shipped := map[string]bool{}
	for _, l := range b.Languages() {
		shipped[l.Tag.String()] = true
	}
	f.Fuzz(func(t *testing.T, header string) {
		loc := b.Localizer(header)
		if !shipped[loc.Tag().String()] {
			t.Fatalf("Localizer(%q) gave %s, not a shipped language", header, loc.Tag())
		}
		// The same input split in two is read as one list.
		if i := strings.IndexByte(header, ','); i >= 0 && len(header) < maxNegotiateBytes {
			if got := b.Match(header[:i], header[i+1:]); got != loc.Tag() {
				t.Fatalf("Match split at the comma = %s; Match whole = %s", got, loc.Tag())
			}
		}
		m, err := loc.LookupNumber(1201)
		if err != nil || m.Text == "" {
			t.Fatalf("lookup after negotiating %q: %q, %v", header, m.Text, err)
		}
	})
}

func FuzzLookupCode(f *testing.F) {
	for _, s := range []string{"1201", "FailedOperation.CompareFail", "saas:0", "paas:Success", "-999", "{{.Code}}", "{{printf \"%s\" 1}}", "\x00", "", " 14 "} {
		f.Add(s)
	}
	b := newBundle(f)
	locs := []*Localizer{b.Localizer("en"), b.Localizer("th"), b.Localizer("zh-Hant")}
	f.Fuzz(func(t *testing.T, code string) {
		for _, loc := range locs {
			m, err := loc.LookupCode(code)
			if m.Text == "" {
				t.Fatalf("LookupCode(%q) in %s gave no text", code, loc.Tag())
			}
			if err != nil {
				if !errors.Is(err, ErrUnknownCode) || m.Category != CategoryUnknown {
					t.Fatalf("LookupCode(%q): %v, category %s", code, err, m.Category)
				}
				if len(m.Code) > maxCodeLen || !utf8.ValidString(m.Code) || !strings.Contains(m.Text, m.Code) {
					t.Fatalf("LookupCode(%q): unsafe code %q in text %q", code, m.Code, m.Text)
				}
				continue
			}
			if m.Category == CategoryUnknown {
				t.Fatalf("LookupCode(%q): known code with unknown category", code)
			}
		}
	})
}

func FuzzLocaleFile(f *testing.F) {
	for _, s := range []string{
		"[LightTooDim]\nother = \"มืด\"\n",
		"LightTooDim = \"x\"\n",
		"[UnknownCode]\nother = \"{{.Code}} {{.Code}}\"\n",
		"[UnknownCode]\nother = \"{{.Nope}}\"\n",
		"[LightTooDim]\nother = \"{{\"\n",
		"[LightTooDim]\none = \"x\"\n",
		"[a.b]\nother = \"x\"\n",
		"[[x]]\n", "= \"x\"", "\xff\xfe", "",
	} {
		f.Add("th.toml", s)
		f.Add("vi.toml", s)
	}
	f.Fuzz(func(t *testing.T, name, data string) {
		if strings.ContainsAny(name, "/\\") || name == "" || name == "." || name == ".." {
			return // not a file name at the root of an fs.FS
		}
		b, err := New(WithLocales(fstest.MapFS{name: {Data: []byte(data)}}))
		if err != nil {
			var le *LocaleError
			if !errors.As(err, &le) || le.File != name {
				t.Fatalf("error %v is not a *LocaleError naming %q", err, name)
			}
			return
		}
		for _, l := range b.Languages() {
			loc := b.Localizer(l.Tag.String())
			for _, m := range loc.Messages() {
				if m.Text == "" {
					t.Fatalf("%s %s: empty text after loading %q", l.Tag, m.Code, data)
				}
			}
			if m, _ := loc.LookupCode("X1"); m.Text == "" {
				t.Fatalf("%s: empty generic text", l.Tag)
			}
		}
	})
}
