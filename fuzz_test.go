package faceidmsg

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// Fuzz targets for every input that comes from outside: Accept-Language
// headers, codes, and locale files an app layers over ours. The seeds mirror
// the Examples and the table tests.

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{
		"", "zh-TW,zh;q=0.9,en;q=0.8", "xx-invalid;q=abc, th", "zh_TW", "zh-tc", "in", "qaa", "cmn-Hant-TW", "pt-BR, pt-PT;q=0",
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
	for _, s := range []string{"1201", "FailedOperation.CompareFail", "saas:0", "paas:Success", "-999", "{{.Code}}", "{{printf \"%s\" 1}}", "\x00", "", " 14 ", "12\u200b01"} {
		f.Add(s)
	}
	b := newBundle(f)
	locs := []*Localizer{b.Localizer("en"), b.Localizer("th"), b.Localizer("zh-Hant")}
	f.Fuzz(func(t *testing.T, code string) {
		for _, loc := range locs {
			m, err := loc.LookupCode(code)
			if m.Text == "" || m.Hint == "" && m.Category != CategorySuccess {
				t.Fatalf("LookupCode(%q) in %s: text %q, hint %q", code, loc.Tag(), m.Text, m.Hint)
			}
			if err == nil {
				if m.Category == CategoryUnknown {
					t.Fatalf("LookupCode(%q): known code with unknown category", code)
				}
				continue
			}
			if !errors.Is(err, ErrUnknownCode) || m.Category != CategoryUnknown || m.Retryable {
				t.Fatalf("LookupCode(%q): %v, category %s, retryable %t", code, err, m.Category, m.Retryable)
			}
			// Message.Code is safe for logs: printable ASCII, bounded.
			if len(m.Code) > maxCodeLen {
				t.Fatalf("LookupCode(%q): Code is %d bytes", code, len(m.Code))
			}
			for i := 0; i < len(m.Code); i++ {
				if c := m.Code[i]; c < 0x20 || c >= 0x7f {
					t.Fatalf("LookupCode(%q): Code %q has byte %#x", code, m.Code, c)
				}
			}
		}
	})
}

// FuzzUnknownEcho holds the text of an unknown code to the strictest
// reading: either it shows no code at all, or the code it shows is made of
// the service's characters, at most 64 bytes, is exactly the code that
// arrived, and is not itself a known code of that namespace.
func FuzzUnknownEcho(f *testing.F) {
	for _, s := range []string{"1999", "X1", "FailedOperation.Nope", "0 00", "1). Call +1-800-555-0100 (ref", "12\u200b01", "saas:1201x", "paas:1201", "\u3164\u3164"} {
		f.Add(s)
	}
	b := newBundle(f)
	loc := b.Localizer("en")
	hidden, _ := loc.LookupCode("\x00")
	probe, _ := loc.LookupCode("PROBE")
	before, after, _ := strings.Cut(probe.Text, "PROBE")
	f.Fuzz(func(t *testing.T, raw string) {
		m, err := loc.LookupCode(raw)
		if err == nil {
			return
		}
		if m.Text == hidden.Text {
			if m.MessageID != hiddenMessageID {
				t.Fatalf("LookupCode(%q): hidden text under message %s", raw, m.MessageID)
			}
			return
		}
		shown, ok := strings.CutPrefix(m.Text, before)
		if ok {
			shown, ok = strings.CutSuffix(shown, after)
		}
		if !ok {
			t.Fatalf("LookupCode(%q) = %q: neither the generic text nor the hidden one", raw, m.Text)
		}
		if !showable(shown) || shown != m.Code {
			t.Fatalf("LookupCode(%q) shows %q (Code %q): not a service code as it arrived", raw, shown, m.Code)
		}
		if !strings.Contains(raw, shown) {
			t.Fatalf("LookupCode(%q) shows %q, which is not in the input", raw, shown)
		}
		if _, err := loc.Lookup(m.Namespace, shown); err == nil {
			t.Fatalf("LookupCode(%q) shows %q, a known %s code", raw, shown, m.Namespace)
		}
	})
}

// FuzzLocaleFile layers one fuzzed file over the embedded locales. It
// builds only what the file touches: its own language and English, so that
// it runs thousands of times a second.
func FuzzLocaleFile(f *testing.F) {
	for _, s := range []string{
		"[LightTooDim]\nother = \"มืด\"\n",
		"LightTooDim = \"x\"\n",
		"[UnknownCode]\nother = \"{{.Code}} {{.Code}}\"\n",
		"[UnknownCode]\nother = \"{{.Nope}}\"\n",
		"[UnknownCode]\nother = \"ERR {{ .Code }}\"\n",
		"[LightTooDim]\nother = \"{{\"\n",
		"[LightTooDim]\none = \"x\"\n",
		"[a.b]\nother = \"x\"\n",
		"x = {a={a={a={a={a={a={a={a={a={a=1}}}}}}}}}}\n",
		"[[x]]\n", "= \"x\"", "\xff\xfe", "",
	} {
		f.Add("th.toml", s)
		f.Add("qaa.toml", s)
	}
	f.Fuzz(func(t *testing.T, name, data string) {
		if strings.ContainsAny(name, "/\\") || name == "" || name == "." || name == ".." || !fs.ValidPath(name) {
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
		tag, bad := msgfile.TagFromName(name)
		if bad != nil && bad.Severity == msgfile.Error || !strings.HasSuffix(name, ".toml") || msgfile.IsWorkFile(name) {
			tag = language.English // the file was not loaded as a locale
		}
		for _, loc := range []*Localizer{b.Localizer(tag.String()), b.Localizer("en")} {
			for _, m := range loc.Messages() {
				if m.Text == "" || m.Lang == language.Und {
					t.Fatalf("%s %s: empty text after loading %q", loc.Tag(), m.Code, data)
				}
			}
			for _, code := range []string{"X1", "\x00"} {
				if m, _ := loc.LookupCode(code); m.Text == "" || m.Hint == "" {
					t.Fatalf("%s: empty generic text or hint for %q", loc.Tag(), code)
				}
			}
		}
	})
}

// FuzzResponse: any body gets a Message with a text, bounded support
// fields, and the oracle's decision (response_oracle_test.go): never
// success unless the service said so. The seeds are the cases mutation
// rarely reaches: success codes in failure slots, contradicting fields,
// other APIs' numeric results, repeats at every level.
func FuzzResponse(f *testing.F) {
	for _, s := range []string{
		`{"Response":{"ErrorCode":0}}`, `{"Response":{"ErrorCode":null}}`, `{"Response":{"Result":"Success"}}`,
		`{"Response":{"Result":"-999","CompareResults":[{"ErrorCode":"1201","LiveErrorCode":"1201","CompareErrorCode":""}]}}`,
		`{"Response":{"Error":{"Code":"InvalidParameter","Message":"x"},"RequestId":"r"}}`,
		`{"code":4000,"codeDesc":"InvalidParameter"}`, `{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":2016,"LivenessInfoTag":["03"]}]}`,
		`{"Response":{"ErrorCode":"0"}}`, `{"Response":{"Result":0,"DeviceInfoLevel":"1"}}`, `[]`, `null`, `{"Response":null}`, ``, `{`,
		`{"code":"Success"}`, `{"code":0,"codeDesc":"Success"}`, `{"Response":{"ErrorCode":1201},"code":"Success"}`,
		`{"Response":{"Error":{"Code":"Success"}}}`, `{"Error":{"Code":"Success"},"Result":"FailedOperation.CompareLowSimilarity"}`,
		`{"Response":{"Error":{},"ErrorCode":0}}`, `{"Response":{"Result":"Success","ErrorCode":1201}}`,
		`{"Response":{"Result":"0","ErrorCode":2016}}`, `{"Response":{"Result":"0","Description":"成功","Range":"(0,3]"}}`,
		`{"Response":{"Text":{"ErrCode":0}}}`, `{"Response":{"AttackRiskLevel":"High"}}`,
		`{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":1201,"ErrorCode":0}]}}`,
		`{"Response":{"ErrorCode":1201,"DeviceInfoLevel":3,"RequestId":12345,"OCRResult":{}}}`,
		`{"Response":null,"Result":"Success"}`, `{"Response":{"Result":"Success","CompareResults":[]}}`,
	} {
		f.Add([]byte(s))
	}
	loc := newBundle(f).Localizer("th")
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := loc.Response(body)
		m := res.Message
		if m.Text == "" || m.Hint == "" && m.Category != CategorySuccess {
			t.Fatalf("Response(%q): text %q, hint %q", body, m.Text, m.Hint)
		}
		if err == nil && m.Category == CategoryUnknown {
			t.Fatalf("Response(%q): unknown category without an error", body)
		}
		if len(res.RequestID) > maxCodeLen || len(res.ServiceText) > maxSupportText || len(res.Details) > MaxDetails {
			t.Fatalf("Response(%q): unbounded fields %d %d %d", body, len(res.RequestID), len(res.ServiceText), len(res.Details))
		}
		checkAgainstOracle(t, loc, body)
	})
}

// FuzzResponseGrammar draws bodies from the oracle's grammar with the
// fuzzer's bytes as the source of choices, so coverage guides the
// grammar.
func FuzzResponseGrammar(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 16 {
		seed := make([]byte, 64)
		for i := range seed {
			seed[i] = byte(r.Uint32())
		}
		f.Add(seed)
	}
	loc := newBundle(f).Localizer("en")
	f.Fuzz(func(t *testing.T, choices []byte) {
		checkAgainstOracle(t, loc, genBody(rand.New(&byteSource{b: choices})))
	})
}

// byteSource is a rand.Source that reads its numbers from the fuzzer's
// bytes, and when they run out goes on with a fixed sequence (a constant
// one would make rand's bounded draws loop for ever).
type byteSource struct {
	b []byte
	n uint64
}

func (s *byteSource) Uint64() uint64 {
	if len(s.b) == 0 {
		s.n += 0x9e3779b97f4a7c15 // splitmix64
		z := s.n
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return z ^ z>>31
	}
	var v uint64
	for i := 0; i < 8 && len(s.b) > 0; i++ {
		v = v<<8 | uint64(s.b[0])
		s.b = s.b[1:]
	}
	return v
}
