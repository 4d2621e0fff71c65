package faceidmsg

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"unicode/utf8"

	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/faceidmsg/faceidmsg/internal/translation"
	"golang.org/x/text/language"
)

func newBundle(t testing.TB, opts ...Option) *Bundle {
	t.Helper()
	b, err := New(opts...)
	if err != nil {
		t.Fatalf("New() error: %v", err)
	}
	return b
}

// shippedFiles parses the embedded locale files.
func shippedFiles(t testing.TB) []*msgfile.File {
	t.Helper()
	files, err := readLocaleFiles(localeSource{fsys: Locales(), label: "locales"})
	if err != nil {
		t.Fatal(err)
	}
	// English first: the tests compare the others with it.
	slices.SortStableFunc(files, func(a, b *msgfile.File) int {
		return boolInt(b.Tag == language.English) - boolInt(a.Tag == language.English)
	})
	return files
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestCatalogMatchesSeed holds the catalogue to the service's document: the
// same rows, in the same order, with the same descriptions, except for the
// seed's one mislabelled row.
func TestCatalogMatchesSeed(t *testing.T) {
	f, err := os.Open("testdata/faceid-error-codes.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type row struct {
		ns         Namespace
		code, desc string
	}
	var seed []row
	ns := Namespace("")
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "# PaaS"):
			ns = PaaS
		case strings.HasPrefix(line, "# SaaS"):
			ns = SaaS
		case strings.HasPrefix(line, "|") && !strings.Contains(line, "Error Code") && !strings.Contains(line, "---"):
			cells := strings.Split(strings.Trim(line, "|"), "|")
			seed = append(seed, row{ns, strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1])})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(seed) != 59 {
		t.Fatalf("seed has %d rows; want 59", len(seed))
	}
	// The fifth PaaS row is mislabelled in the seed (see catalog.go).
	if seed[4].code != "FailedOperation.LifePhotoDetectFaces" || seed[4].desc != "No full face was detected." {
		t.Fatalf("seed row 5 = %+v; the correction below no longer applies", seed[4])
	}
	seed[4].code = "FailedOperation.LifePhotoDetectNoFaces"

	// The seed's rows come first, in its order; the codes beyond it follow.
	var got []row
	for _, e := range catalog[:min(len(seed), len(catalog))] {
		got = append(got, row{e.ns, e.code, e.desc})
	}
	if !slices.Equal(got, seed) {
		for i := range max(len(got), len(seed)) {
			if i >= len(got) || i >= len(seed) || got[i] != seed[i] {
				t.Errorf("row %d: catalogue and seed differ", i+1)
			}
		}
	}
	var paas, saas int
	for _, e := range catalog[:len(seed)] {
		switch e.ns {
		case PaaS:
			paas++
		case SaaS:
			saas++
		}
	}
	if paas != 7 || saas != 52 {
		t.Errorf("catalogue has %d paas and %d saas codes; want 7 and 52", paas, saas)
	}
}

// TestCatalogShape checks the catalogue's own rules.
func TestCatalogShape(t *testing.T) {
	// The catalogue never uses CategoryUnknown: that is for codes it does not know.
	valid := slices.DeleteFunc(Categories(), func(c Category) bool { return c == CategoryUnknown })
	hints := map[string]string{}
	for _, m := range messageHints {
		if _, dup := hints[m.id]; dup {
			t.Errorf("message %s listed twice in messageHints", m.id)
		}
		hints[m.id] = m.hint
	}
	used := map[string]bool{unknownMessageID: true, hiddenMessageID: true}
	type key struct {
		ns   Namespace
		code string
	}
	seen := map[key]bool{}
	for _, e := range catalog {
		k := key{e.ns, e.code}
		if seen[k] {
			t.Errorf("code %s %s listed twice", e.ns, e.code)
		}
		seen[k] = true
		if !slices.Contains(valid, e.cat) {
			t.Errorf("%s %s: category %q is not one of %v", e.ns, e.code, e.cat, valid)
		}
		if _, ok := hints[e.msg]; !ok {
			t.Errorf("%s %s: message %s is not in messageHints", e.ns, e.code, e.msg)
		}
		used[e.msg] = true
		if ns, code := ParseCode(string(e.ns) + ":" + e.code); ns != e.ns || code != e.code {
			t.Errorf("ParseCode(%q) = %s, %q; want %s, %q", string(e.ns)+":"+e.code, ns, code, e.ns, e.code)
		}
		// Codes as the service writes them need no prefix in their own
		// namespaces, PaaS and SaaS.
		if ns, code := ParseCode(e.code); (e.ns == PaaS || e.ns == SaaS) && (ns != e.ns || code != e.code) {
			t.Errorf("ParseCode(%q) = %s, %q; want %s, %q", e.code, ns, code, e.ns, e.code)
		}
		// A retry makes sense only where the person or time can change the
		// outcome.
		switch e.cat {
		case CategorySuccess, CategoryPending, CategoryEnded, CategoryIntegration:
			if e.retry {
				t.Errorf("%s %s: category %s but retryable", e.ns, e.code, e.cat)
			}
		case CategoryUserAction, CategoryTemporary:
			if !e.retry {
				t.Errorf("%s %s: category %s but not retryable", e.ns, e.code, e.cat)
			}
		}
		// Every code the person can act on has a hint.
		if e.cat != CategorySuccess && e.cat != CategoryPending && hints[e.msg] == "" {
			t.Errorf("%s %s: category %s has no hint", e.ns, e.code, e.cat)
		}
	}
	for _, m := range messageHints {
		if !used[m.id] {
			t.Errorf("message %s is used by no code", m.id)
		}
	}
}

// TestCatalogInvariants holds the text to what the app may do. Codes that
// share a message agree on category and retry, so one text never serves
// two situations; a hint is shared only by messages that agree on retry;
// and the English hint of a code the app may not retry never invites a
// retry, while the hint of one it may retry says to try again.
func TestCatalogInvariants(t *testing.T) {
	type flags struct {
		cat   Category
		retry retry
		code  string
	}
	byMsg := map[string]flags{}
	for _, e := range catalog {
		f := flags{e.cat, e.retry, string(e.ns) + " " + e.code}
		if prev, ok := byMsg[e.msg]; ok && (prev.cat != f.cat || prev.retry != f.retry) {
			t.Errorf("message %s: %s is %s, retry %t; %s is %s, retry %t", e.msg, prev.code, prev.cat, bool(prev.retry), f.code, f.cat, bool(f.retry))
		}
		byMsg[e.msg] = f
	}
	// The generic messages: not retryable.
	byMsg[unknownMessageID] = flags{CategoryUnknown, noRetry, "unknown"}
	byMsg[hiddenMessageID] = flags{CategoryUnknown, noRetry, "unknown"}
	hintRetry := map[string]flags{}
	en := shippedFiles(t)[0]
	invites := regexp.MustCompile(`(?i)\b(try again|retry|record again|try once more)\b`)
	for _, m := range messageHints {
		if m.hint == "" {
			continue
		}
		f := byMsg[m.id]
		if prev, ok := hintRetry[m.hint]; ok && prev.retry != f.retry {
			t.Errorf("hint %s is shown under %s (retry %t) and %s (retry %t)", m.hint, prev.code, bool(prev.retry), f.code, bool(f.retry))
		}
		hintRetry[m.hint] = f
		text := en.Get(m.hint).Other
		switch {
		case bool(f.retry) && !invites.MatchString(text):
			t.Errorf("hint %s of %s (retryable) does not say to try again: %q", m.hint, f.code, text)
		case !bool(f.retry) && invites.MatchString(text):
			t.Errorf("hint %s of %s (not retryable) invites a retry: %q", m.hint, f.code, text)
		}
	}
	// What each message and hint may say, given the codes it is shown for.
	continues := regexp.MustCompile(`(?i)\bcontinue`)
	backToApp := regexp.MustCompile(`(?i)\b(go|come) back to the app\b`)
	claims := regexp.MustCompile(`(?i)\b(success|successful|verified|passed)\b`)
	for _, e := range catalog {
		code := string(e.ns) + " " + e.code
		text, hint := en.Get(e.msg).Other, ""
		if h := hintOf(e.msg); h != "" {
			hint = en.Get(h).Other
		}
		// Success only where a result API says the verification passed:
		// a client callback code is never the verification's result.
		if e.cat == CategorySuccess && !slices.Contains([]Namespace{PaaS, SaaS, AppSDK}, e.ns) {
			t.Errorf("%s: category success, but a %s code is a client callback, not the result", code, e.ns)
		}
		if e.cat != CategorySuccess && claims.MatchString(text+" "+hint) && !strings.Contains(text, "wasn't successful") {
			t.Errorf("%s (%s) says %q / %q, which reads as a pass", code, e.cat, text, hint)
		}
		if e.cat != CategorySuccess && continues.MatchString(hint) {
			t.Errorf("%s (%s): hint %q says continue after a failure", code, e.cat, hint)
		}
		// A native SDK's callback is read inside the app, and so is an App
		// SDK result: there is no app to go back to.
		if e.ns != PaaS && e.ns != SaaS && backToApp.MatchString(hint) {
			t.Errorf("%s: hint %q sends a person who is in the app back to it", code, hint)
		}
	}
}

// hintOf returns the hint shown under a message, or "".
func hintOf(id string) string {
	for _, m := range messageHints {
		if m.id == id {
			return m.hint
		}
	}
	return ""
}

// TestEnglishFitsAPhone: English messages are at most 60 characters and
// hints at most 90, so that a translation has room on a phone screen.
func TestEnglishFitsAPhone(t *testing.T) {
	en := shippedFiles(t)[0]
	hints := map[string]bool{}
	for _, m := range messageHints {
		hints[m.hint] = true
	}
	for _, m := range en.Messages {
		limit := 60
		if hints[m.ID] {
			limit = 90
		}
		if n := utf8.RuneCountInString(m.Other); n > limit {
			t.Errorf("en %s is %d characters; at most %d: %q", m.ID, n, limit, m.Other)
		}
	}
}

// TestEnglishDescriptions keeps en.toml's translator notes in step with the
// catalogue: each message names exactly the codes that use it, and each
// hint the messages it is shown under.
func TestEnglishDescriptions(t *testing.T) {
	en := shippedFiles(t)[0]
	if en.Tag != language.English {
		t.Fatalf("first shipped file is %s; want en", en.Tag)
	}
	codes := map[string][]string{}
	for _, e := range catalog {
		codes[e.msg] = append(codes[e.msg], fmt.Sprintf("%s %s", e.ns, e.code))
	}
	codes[unknownMessageID] = []string{"any code not in the catalogue"}
	codes[hiddenMessageID] = []string{"any code not in the catalogue that cannot be shown"}
	under := map[string][]string{}
	for _, m := range messageHints {
		if m.hint != "" {
			under[m.hint] = append(under[m.hint], m.id)
		}
	}
	for _, m := range en.Messages {
		var want string
		if list, ok := codes[m.ID]; ok {
			want = " Codes: " + strings.Join(list, ", ") + "."
		} else {
			want = "Hint: what to do now. Shown under: " + strings.Join(under[m.ID], ", ") + "."
		}
		if !strings.HasSuffix(m.Description, want) {
			t.Errorf("en.toml %s: description %q does not end with %q", m.ID, m.Description, want)
		}
	}
}

// TestLocaleFilesHaveEnglishMessageSet: every shipped file has exactly the
// English source's messages.
func TestLocaleFilesHaveEnglishMessageSet(t *testing.T) {
	files := shippedFiles(t)
	ids := func(f *msgfile.File) []string {
		var s []string
		for _, m := range f.Messages {
			s = append(s, m.ID)
		}
		slices.Sort(s)
		return s
	}
	want := ids(files[0])
	if known := slices.Sorted(func(yield func(string) bool) {
		seen := map[string]bool{}
		for _, m := range messageHints {
			for _, id := range []string{m.id, m.hint} {
				if id != "" && !seen[id] {
					seen[id] = true
					if !yield(id) {
						return
					}
				}
			}
		}
	}); !slices.Equal(want, known) {
		t.Errorf("en.toml IDs = %v; want the catalogue's %v", want, known)
	}
	if len(files) < 5 {
		t.Errorf("%d locale files shipped; want at least 5", len(files))
	}
	for _, f := range files[1:] {
		got := ids(f)
		for _, id := range want {
			if !slices.Contains(got, id) {
				t.Errorf("%s lacks message %s", f.Name, id)
			}
		}
		for _, id := range got {
			if !slices.Contains(want, id) {
				t.Errorf("%s has message %s that en.toml lacks", f.Name, id)
			}
		}
	}
}

func TestTranslationsDifferFromEnglish(t *testing.T) {
	files := shippedFiles(t)
	en := map[string]string{}
	for _, m := range files[0].Messages {
		en[m.ID] = m.Other
	}
	for _, f := range files[1:] {
		for _, m := range f.Messages {
			if m.Other == en[m.ID] && !m.SameAsEnglish {
				t.Errorf("%s %s: text %q is the same as English", f.Name, m.ID, m.Other)
			}
		}
	}
}

// TestEveryCodeEveryLocale: every code in every shipped locale has a text,
// a hint where the catalogue gives one, and no fallback.
func TestEveryCodeEveryLocale(t *testing.T) {
	b := newBundle(t)
	hints := map[string]string{}
	for _, m := range messageHints {
		hints[m.id] = m.hint
	}
	if got := len(b.Languages()); got != len(shippedFiles(t)) {
		t.Errorf("bundle has %d languages; want one per shipped file", got)
	}
	for _, lang := range b.Languages() {
		loc := b.Localizer(lang.Tag.String())
		if loc.Tag() != lang.Tag {
			t.Errorf("Localizer(%q).Tag() = %s", lang.Tag, loc.Tag())
		}
		msgs := loc.Messages()
		if len(msgs) != len(catalog) {
			t.Fatalf("%s: Messages() has %d entries; want %d", lang.Tag, len(msgs), len(catalog))
		}
		for i, m := range msgs {
			e := catalog[i]
			name := fmt.Sprintf("%s %s %s", lang.Tag, e.ns, e.code)
			if strings.TrimSpace(m.Text) == "" {
				t.Errorf("%s: empty text", name)
			}
			if (hints[e.msg] != "") != (m.Hint != "") {
				t.Errorf("%s: hint %q; catalogue hint ID %q", name, m.Hint, hints[e.msg])
			}
			if m.Lang != lang.Tag || m.Fallback {
				t.Errorf("%s: Lang %s, Fallback %t; want %s, false", name, m.Lang, m.Fallback, lang.Tag)
			}
			if m.Namespace != e.ns || m.Code != e.code || m.MessageID != e.msg || m.Category != e.cat || m.Retryable != bool(e.retry) || m.Description != e.desc {
				t.Errorf("%s: catalogue fields not carried: %+v", name, m)
			}
			got, err := loc.Lookup(e.ns, e.code)
			if err != nil || got != m {
				t.Errorf("%s: Lookup = %+v, %v; want %+v", name, got, err, m)
			}
		}
		u, err := loc.LookupCode("paas:FailedOperation.Nope")
		if !errors.Is(err, ErrUnknownCode) || !strings.Contains(u.Text, "FailedOperation.Nope") || u.Hint == "" || u.Lang != lang.Tag {
			t.Errorf("%s: unknown code gave %+v, %v", lang.Tag, u, err)
		}
	}
}

func TestLookupForms(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	tests := []struct {
		name   string
		lookup func() (Message, error)
		wantNS Namespace
		want   string // code
		msgID  string
	}{
		{"raw number", func() (Message, error) { return loc.LookupCode("1201") }, SaaS, "1201", "LightTooDim"},
		{"raw with spaces", func() (Message, error) { return loc.LookupCode(" 1201\n") }, SaaS, "1201", "LightTooDim"},
		{"raw string", func() (Message, error) { return loc.LookupCode("FailedOperation.CompareFail") }, PaaS, "FailedOperation.CompareFail", "CompareFailed"},
		{"prefixed saas", func() (Message, error) { return loc.LookupCode("saas:0") }, SaaS, "0", "Success"},
		{"prefixed paas", func() (Message, error) { return loc.LookupCode("PaaS:Success") }, PaaS, "Success", "Success"},
		{"number", func() (Message, error) { return loc.LookupNumber(2016) }, SaaS, "2016", "NoMatch"},
		{"two-digit saas", func() (Message, error) { return loc.LookupCode("16") }, SaaS, "16", "TooManyAttempts"},
		{"corrected row", func() (Message, error) { return loc.LookupCode("FailedOperation.LifePhotoDetectNoFaces") }, PaaS, "FailedOperation.LifePhotoDetectNoFaces", "NoFullFace"},
		{"several faces", func() (Message, error) { return loc.LookupCode("FailedOperation.LifePhotoDetectFaces") }, PaaS, "FailedOperation.LifePhotoDetectFaces", "MultipleFaces"},
		{"shared meaning", func() (Message, error) { return loc.LookupNumber(2013) }, SaaS, "2013", "NoFullFace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.lookup()
			if err != nil || m.Namespace != tt.wantNS || m.Code != tt.want || m.MessageID != tt.msgID {
				t.Errorf("got %s %q %s, %v; want %s %q %s, nil", m.Namespace, m.Code, m.MessageID, err, tt.wantNS, tt.want, tt.msgID)
			}
		})
	}
}

func TestUnknownCodes(t *testing.T) {
	loc := newBundle(t).Localizer("zh-Hans")
	// The texts as the translator wrote them, the code put in by hand.
	zh, findings := msgfile.ReadFile(Locales(), "zh-Hans.toml", "zh-Hans.toml")
	if zh == nil {
		t.Fatal(findings)
	}
	shown := func(code string) string { return strings.Replace(zh.Get(unknownMessageID).Other, "{{.Code}}", code, 1) }
	hidden := zh.Get(hiddenMessageID).Other
	tests := []struct {
		name     string
		lookup   func() (Message, error)
		wantNS   Namespace
		wantCode string // Message.Code
		wantText string
	}{
		{"number", func() (Message, error) { return loc.LookupNumber(-9999) }, SaaS, "-9999", shown("-9999")},
		{"saas string", func() (Message, error) { return loc.LookupCode("1999") }, SaaS, "1999", shown("1999")},
		{"paas unknown", func() (Message, error) { return loc.LookupCode("FailedOperation.Nope") }, PaaS, "FailedOperation.Nope", shown("FailedOperation.Nope")},
		{"same number, wrong namespace", func() (Message, error) { return loc.Lookup(PaaS, "1201") }, PaaS, "1201", shown("1201")},
		{"64 bytes are shown", func() (Message, error) { return loc.LookupCode(strings.Repeat("A", maxCodeLen)) }, PaaS, strings.Repeat("A", maxCodeLen), shown(strings.Repeat("A", maxCodeLen))},
		{"minus zero is not success", func() (Message, error) { return loc.LookupCode("-0") }, PaaS, "-0", shown("-0")},
		{"leading zeros are not success", func() (Message, error) { return loc.LookupCode("000") }, PaaS, "000", shown("000")},
		{"leading zero in saas", func() (Message, error) { return loc.Lookup(SaaS, "01201") }, SaaS, "01201", shown("01201")},
		{"prefixed minus zero", func() (Message, error) { return loc.LookupCode("saas:-0") }, SaaS, "-0", shown("-0")},
		// Codes a service never sends are not shown, and nothing is
		// dropped from them to make them showable.
		{"a sentence", func() (Message, error) {
			return loc.LookupCode("1). Call +1-800-555-0100 to unlock your account (ref")
		}, PaaS, "1). Call +1-800-555-0100 to unlock your account (ref", hidden},
		{"HTML", func() (Message, error) { return loc.LookupCode("<img src=x onerror=alert(1)>") }, PaaS, "<img src=x onerror=alert(1)>", hidden},
		{"template syntax is data", func() (Message, error) { return loc.LookupCode("{{.Code}}") }, PaaS, "{{.Code}}", hidden},
		{"plus is not a saas number", func() (Message, error) { return loc.Lookup(SaaS, "+14") }, SaaS, "+14", hidden},
		{"zero-width space is not deleted", func() (Message, error) { return loc.LookupCode("12\u200b01") }, PaaS, `12\u200b01`, hidden},
		{"soft hyphen is not deleted", func() (Message, error) { return loc.LookupCode("12\u00ad01") }, PaaS, `12\u00ad01`, hidden},
		{"NUL is not deleted", func() (Message, error) { return loc.LookupCode("12\x0001") }, PaaS, `12\u000001`, hidden},
		{"control bytes", func() (Message, error) { return loc.LookupCode("A\x00B\x1b[31mC") }, PaaS, `A\u0000B\u001b[31mC`, hidden},
		{"invalid UTF-8", func() (Message, error) { return loc.LookupCode("X\xff\xfeY") }, PaaS, `X\xff\xfeY`, hidden},
		{"right-to-left override", func() (Message, error) { return loc.LookupCode("1\u202egnp.exe") }, PaaS, `1\u202egnp.exe`, hidden},
		{"fullwidth digits", func() (Message, error) { return loc.LookupCode("１２０１") }, PaaS, `\uff11\uff12\uff10\uff11`, hidden},
		{"quotes and backslashes are escaped", func() (Message, error) { return loc.LookupCode(`a"b\c`) }, PaaS, `a\"b\\c`, hidden},
		{"65 bytes are not shown, and are cut for logs", func() (Message, error) { return loc.LookupCode(strings.Repeat("A", maxCodeLen+1)) }, PaaS, strings.Repeat("A", maxCodeLen-3) + "...", hidden},
		{"cut at a character boundary", func() (Message, error) { return loc.LookupCode(strings.Repeat("0", 63) + "é") }, PaaS, strings.Repeat("0", maxCodeLen-3) + "...", hidden},
		{"never cut inside an escape", func() (Message, error) { return loc.LookupCode(strings.Repeat("A", 58) + "\u200b\u200b") }, PaaS, strings.Repeat("A", 58) + "...", hidden},
		{"empty after a prefix", func() (Message, error) { return loc.LookupCode("paas:") }, PaaS, "", hidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.lookup()
			if !errors.Is(err, ErrUnknownCode) {
				t.Fatalf("err = %v; want ErrUnknownCode", err)
			}
			if m.Text != tt.wantText || m.Code != tt.wantCode || m.Namespace != tt.wantNS || m.Category != CategoryUnknown || m.Retryable {
				t.Errorf("got %s %q %q %s %t; want %s %q %q unknown false", m.Namespace, m.Code, m.Text, m.Category, m.Retryable, tt.wantNS, tt.wantCode, tt.wantText)
			}
			wantID := unknownMessageID
			if tt.wantText == hidden {
				wantID = hiddenMessageID
			}
			if m.MessageID != wantID || m.Hint == "" || m.Lang.String() != "zh-Hans" || m.Fallback {
				t.Errorf("MessageID %s, hint %q, Lang %s, Fallback %t; want %s, a hint, zh-Hans, false", m.MessageID, m.Hint, m.Lang, m.Fallback, wantID)
			}
			if want := fmt.Sprintf("faceidmsg: unknown code: %s \"%s\"", tt.wantNS, tt.wantCode); err.Error() != want {
				t.Errorf("error %q; want %q", err, want)
			}
		})
	}
}

func TestParseQ(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1000, true}, {"1.0", 1000, true}, {"1.000", 1000, true}, {"0", 0, true},
		{"0.5", 500, true}, {"0.123", 123, true}, {"0.05", 50, true},
		{"1.001", 0, false}, {"0.1234", 0, false}, {"2", 0, false}, {"abc", 0, false},
		{"", 0, false}, {".5", 0, false}, {"0,5", 0, false}, {"-0", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseQ(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseQ(%q) = %d, %t; want %d, %t", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// negotiationFS layers a text over locales that share a script with
// languages we must not confuse them with (ru, ar), and over a
// pseudo-locale, so the negotiation tests hold whether or not a release
// ships them.
var negotiationFS = fstest.MapFS{
	"ru.toml":    {Data: []byte("[Success]\nother = \"Проверка пройдена.\"\n")},
	"ar.toml":    {Data: []byte("[Success]\nother = \"تم التحقق بنجاح.\"\n")},
	"en-XA.toml": {Data: []byte("[Success]\nother = \"[Ṽéŕîƒîçåţîöñ šûççéššƒûļ. one two]\"\n")},
}

func TestNegotiate(t *testing.T) {
	b := newBundle(t, WithLocales(negotiationFS))
	tests := []struct {
		name  string
		prefs []string
		want  string
	}{
		{"empty", nil, "en"},
		{"empty string", []string{""}, "en"},
		{"plain tag", []string{"th"}, "th"},
		{"q order", []string{"en;q=0.5, th;q=0.9"}, "th"},
		{"q=0 is not acceptable", []string{"th;q=0, id"}, "id"},
		{"q=0 excludes a range, not what it falls back to", []string{"zh-TW;q=0, zh-HK, th;q=0.5"}, "zh-Hant"},
		{"q=0 does not exclude an exact locale", []string{"pt-BR, pt-PT;q=0"}, "pt-BR"},
		{"q=0 region beside its language", []string{"zh-TW, zh-HK;q=0"}, "zh-Hant"},
		{"q=0 region, another region accepted", []string{"es-MX, es-ES;q=0"}, "es"},
		{"q=0 language range excludes its regions", []string{"pt;q=0, pt-BR, th;q=0.5"}, "th"},
		{"q=0 zh excludes both scripts", []string{"zh;q=0, zh-TW, th;q=0.1"}, "th"},
		{"q=0 of the tag itself", []string{"th, th;q=0"}, "en"},
		{"q=0 range read as a tag is", []string{"in;q=0, id, th;q=0.5"}, "th"},
		{"q=0 with an extension", []string{"th-u-nu-thai;q=0, th, id;q=0.5"}, "id"},
		{"q=0 Mandarin range excludes Chinese", []string{"cmn;q=0, zh-TW, th;q=0.1"}, "th"},
		{"q=0 only", []string{"th;q=0"}, "en"},
		{"equal q keeps order", []string{"id;q=0.8, th;q=0.8"}, "id"},
		{"equal q keeps order 2", []string{"th, id"}, "th"},
		{"malformed entry skipped", []string{"xx-invalid;q=abc, th"}, "th"},
		{"malformed q skipped", []string{"id;q=2, th;q=0.1"}, "th"},
		{"malformed tag skipped", []string{"!!!, th"}, "th"},
		{"unknown language falls through", []string{"qaa, id"}, "id"},
		{"a language with no locale", []string{"qaa-KE"}, "en"},
		{"wildcard", []string{"qaa, *"}, "en"},
		{"spaces and tabs", []string{" th ; q=0.5 ,\tid;q=0.4"}, "th"},
		{"uppercase Q", []string{"th;Q=0.1, id;q=0.2"}, "id"},
		{"list of strings", []string{"qaa", "zh-TW"}, "zh-Hant"},
		{"malformed q: space before =", []string{"th;q =0.1, id;q=0.5"}, "id"},
		{"malformed q: empty", []string{"th;q=, id;q=0.5"}, "id"},
		{"malformed q: no value", []string{"th;q, id;q=0.5"}, "id"},
		{"another parameter is ignored", []string{"th;level=1, id;q=0.5"}, "th"},
		{"Mandarin, Traditional", []string{"cmn-Hant-TW"}, "zh-Hant"},
		{"Mandarin", []string{"cmn"}, "zh-Hans"},
		{"Mandarin, grandfathered", []string{"zh-guoyu"}, "zh-Hans"},
		{"extension dropped", []string{"th-u-nu-thai"}, "th"},
		{"extension on a script tag", []string{"zh-Hant-TW-u-ca-gregory-x-foo"}, "zh-Hant"},
		{"private use only", []string{"x-th, id"}, "id"},
		{"zh-TW", []string{"zh-TW"}, "zh-Hant"},
		{"zh-HK", []string{"zh-HK"}, "zh-Hant"},
		{"zh-MO", []string{"zh-MO"}, "zh-Hant"},
		{"zh-Hant-TW", []string{"zh-Hant-TW"}, "zh-Hant"},
		{"zh-Hant-CN", []string{"zh-Hant-CN"}, "zh-Hant"},
		{"zh", []string{"zh"}, "zh-Hans"},
		{"zh-CN", []string{"zh-CN"}, "zh-Hans"},
		{"zh-SG", []string{"zh-SG"}, "zh-Hans"},
		{"zh-Hans-HK", []string{"zh-Hans-HK"}, "zh-Hans"},
		{"th-TH", []string{"th-TH"}, "th"},
		{"id-ID", []string{"id-ID"}, "id"},
		{"legacy in", []string{"in"}, "id"},
		{"legacy in-ID", []string{"in-ID"}, "id"},
		{"en-GB", []string{"en-GB"}, "en"},
		{"en-GB not the pseudo-locale", []string{"en-GB, th;q=0.1"}, "en"},
		{"pseudo-locale by exact tag", []string{"en-XA"}, "en-XA"},
		{"zh_TW", []string{"zh_TW"}, "zh-Hant"},
		{"en_US", []string{"en_US"}, "en"},
		{"POSIX codeset", []string{"th_TH.UTF-8"}, "th"},
		{"service zh-cn", []string{"zh-cn"}, "zh-Hans"},
		{"service zh-tc", []string{"zh-tc"}, "zh-Hant"},
		{"service zh-tc in a header", []string{"zh-tc;q=0.9, en;q=0.1"}, "zh-Hant"},
		{"service en", []string{"en"}, "en"},
		{"service th", []string{"th"}, "th"},
		{"service id", []string{"id"}, "id"},
		{"an unshipped language is not served English by accident", []string{"qaa, th;q=0.5"}, "th"},
		{"Russian itself", []string{"ru-RU"}, "ru"},
		{"Arabic itself", []string{"ar-EG"}, "ar"},
		{"pt", []string{"pt"}, "pt-BR"},
		{"pt-PT", []string{"pt-PT"}, "pt-PT"},
		{"pt_BR", []string{"pt_BR"}, "pt-BR"},
		{"es-MX", []string{"es-MX"}, "es"},
		{"es-419", []string{"es-419"}, "es"},
		{"es-AR", []string{"es-AR"}, "es"},
		{"ar-EG", []string{"ar-EG"}, "ar"},
		{"ar-SA", []string{"ar-SA"}, "ar"},
		{"legacy tl", []string{"tl"}, "fil"},
		{"fil-PH", []string{"fil-PH"}, "fil"},
		{"ms-MY is Malay, not Indonesian", []string{"ms-MY"}, "ms"},
		{"id is not served Malay", []string{"id-ID, ms;q=0.5"}, "id"},
		{"de-AT", []string{"de-AT"}, "de"},
		{"de-CH", []string{"de-CH"}, "de"},
		{"fr-CA", []string{"fr-CA"}, "fr"},
		{"fr-BE", []string{"fr-BE"}, "fr"},
		{"ja-JP", []string{"ja-JP"}, "ja"},
		{"ko-KR", []string{"ko-KR"}, "ko"},
		{"hi-IN", []string{"hi-IN"}, "hi"},
		{"bn-BD", []string{"bn-BD"}, "bn"},
		{"bn-IN", []string{"bn-IN"}, "bn"},
		{"tr-TR", []string{"tr-TR"}, "tr"},
		{"vi-VN", []string{"vi-VN"}, "vi"},
		{"it-CH", []string{"it-CH"}, "it"},
		{"ru-UA", []string{"ru-UA"}, "ru"},
		{"entries past the cap are ignored", []string{strings.Repeat("qaa,", maxNegotiateEntries) + "th"}, "en"},
		{"an entry cut by the byte budget is dropped", []string{strings.Repeat(" ", maxNegotiateBytes-2) + "zh-TW"}, "en"},
		{"an entry cut across arguments is dropped", []string{strings.Repeat(" ", maxNegotiateBytes-2), "zh-TW"}, "en"},
		{"a cut script tag is not read as its language", []string{strings.Repeat("!", maxNegotiateBytes-3) + ",zh-Hant-TW"}, "en"},
		{"a cut q-value is not read as q=0", []string{"th;q=0.1," + strings.Repeat(" ", maxNegotiateBytes-15) + "th;q=0.5"}, "th"},
		{"a cut on a comma keeps the entry", []string{strings.Repeat(" ", maxNegotiateBytes-2) + "th,id"}, "th"},
		{"empty arguments count against the budget", append(make([]string, maxNegotiateBytes), "th"), "en"},
		{"bytes past the cap are ignored", []string{strings.Repeat(" ", maxNegotiateBytes) + "th"}, "en"},
		{"over-long tag skipped", []string{strings.Repeat("a", maxTagLen+1) + ", th"}, "th"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := b.Match(tt.prefs...); got.String() != tt.want {
				t.Errorf("Match(%q) = %s; want %s", tt.prefs, got, tt.want)
			}
		})
	}
}

// TestNegotiateNewLocales: the rules readers expect for the locales of
// the 44-language round, tested on a bundle that has those locales
// (layered here, so the test holds whether or not they ship).
func TestNegotiateNewLocales(t *testing.T) {
	fs := fstest.MapFS{}
	for _, tag := range []string{"nb", "sr-Cyrl", "sr-Latn", "hr", "pt-PT", "ro", "fa", "he", "uk", "ru", "ur", "hi"} {
		fs[tag+".toml"] = &fstest.MapFile{Data: []byte("[Success]\nother = \"ok " + tag + "\"\n")}
	}
	b := newBundle(t, WithLocales(fs))
	for _, tt := range []struct{ pref, want string }{
		{"uk", "uk"}, {"uk-UA", "uk"}, {"fa", "fa"}, {"fa-IR", "fa"}, {"fa-AF", "fa"},
		{"iw", "he"}, {"he-IL", "he"},
		{"no", "nb"}, {"no-NO", "nb"}, {"nb-NO", "nb"},
		{"sh", "sr-Latn"}, {"sr-Latn", "sr-Latn"}, {"sr-Latn-RS", "sr-Latn"}, {"sr-Latn-ME", "sr-Latn"},
		{"sr", "sr-Cyrl"}, {"sr-RS", "sr-Cyrl"}, {"sr-Cyrl", "sr-Cyrl"}, {"sr-Cyrl-BA", "sr-Cyrl"},
		{"pt", "pt-BR"}, {"pt-BR", "pt-BR"}, {"pt-PT", "pt-PT"}, {"pt-AO", "pt-PT"}, {"pt-MZ", "pt-PT"},
		{"mo", "ro"}, {"ro-MD", "ro"}, {"ur-PK", "ur"},
		{"be", "en"}, {"be-BY", "en"}, {"bs", "en"}, {"bs-Latn", "en"}, {"mk", "en"}, {"mr", "en"},
		{"hr-HR", "hr"}, {"ur-IN", "ur"},
	} {
		if got := b.Match(tt.pref).String(); got != tt.want {
			t.Errorf("Match(%q) = %s; want %s", tt.pref, got, tt.want)
		}
	}
}

// TestNegotiateWildcard: "*" accepts any locale the reader has not
// excluded, English first, never a pseudo-locale (RFC 4647 section 3.3).
func TestNegotiateWildcard(t *testing.T) {
	b := newBundle(t)
	var real []string
	for _, l := range b.Languages() {
		if !l.Pseudo && l.Tag != language.English {
			real = append(real, l.Tag.String())
		}
	}
	if len(real) < 2 {
		t.Fatalf("too few locales to test with: %v", real)
	}
	for _, tt := range []struct {
		header, want string
	}{
		{"*", "en"},
		{"*, en;q=0", real[0]},
		{"en;q=0, *", real[0]},
		{"*, en;q=0, " + real[0] + ";q=0", real[1]},
		{"qaa, *;q=0.5, en;q=0", real[0]},
	} {
		if got := b.Match(tt.header).String(); got != tt.want {
			t.Errorf("Match(%q) = %s; want %s", tt.header, got, tt.want)
		}
	}
}

// TestNegotiateSameLanguage: a locale is chosen only for a reader of its
// own language, however close x/text rates two languages. Whether the
// reader's own language ships does not matter here: the answer is it or
// English, never the neighbour.
func TestNegotiateSameLanguage(t *testing.T) {
	b := newBundle(t, WithLocales(negotiationFS))
	tests := []struct{ tag, never string }{
		{"uk", "ru"}, {"be", "ru"}, {"sr", "ru"}, {"sr-Cyrl", "ru"}, {"kk", "ru"},
		{"fa", "ar"}, {"ur", "ar"}, {"ur", "hi"}, {"mr", "hi"}, {"ne", "hi"},
		{"jv", "id"}, {"su", "id"}, {"ca", "es"}, {"gl", "pt-BR"}, {"gl", "es"},
		{"da", "de"}, {"nb", "de"}, {"yue-HK", "zh-Hant"}, {"af", "en-XA"},
	}
	for _, tt := range tests {
		got := b.Match(tt.tag)
		want, _ := language.MustParse(tt.tag).Base()
		if base, _ := got.Base(); got.String() == tt.never || (got != language.English && base != want) {
			t.Errorf("Match(%q) = %s; want a %s locale or English, never %s", tt.tag, got, want, tt.never)
		}
	}
}

func TestOverrideOneMessage(t *testing.T) {
	b := newBundle(t, WithLocales(fstest.MapFS{
		"th.toml": {Data: []byte("[LightTooDim]\nother = \"มืดเกินไป\"\n")},
	}))
	th := b.Localizer("th")
	m, _ := th.LookupNumber(1201)
	if m.Text != "มืดเกินไป" || m.Lang.String() != "th" || m.Fallback {
		t.Errorf("overridden message = %q (%s, fallback %t)", m.Text, m.Lang, m.Fallback)
	}
	shipped, _ := newBundle(t).Localizer("th").LookupNumber(1201)
	if m.Hint != shipped.Hint {
		t.Errorf("hint changed by an override of the message only: %q; want %q", m.Hint, shipped.Hint)
	}
	other, _ := th.LookupNumber(1202)
	want, _ := newBundle(t).Localizer("th").LookupNumber(1202)
	if other != want {
		t.Errorf("a message the override does not name changed: %+v; want %+v", other, want)
	}
}

// TestOverrideNewPartialLocale adds languages the module does not ship:
// qaa and qab, tags reserved for local use, which no release can ship.
func TestOverrideNewPartialLocale(t *testing.T) {
	b := newBundle(t, WithLocales(fstest.MapFS{
		"qaa.toml": {Data: []byte("[LightTooDim]\nother = \"Mwanga ni hafifu mno.\"\n[BrighterHint]\nother = \"Nenda mahali penye mwanga zaidi, kisha ujaribu tena.\"\n")},
		"README":   {Data: []byte("not a locale file; ignored")},
		"qab.toml": {Data: []byte("[UnknownCode]\nother = \"Не вдалося пройти перевірку (помилка {{.Code}}).\"\n")},
	}))
	qaa := b.Localizer("qaa-KE")
	if qaa.Tag().String() != "qaa" {
		t.Fatalf("Localizer(qaa-KE).Tag() = %s; want qaa", qaa.Tag())
	}
	m, _ := qaa.LookupNumber(1201)
	if m.Lang.String() != "qaa" || m.Fallback || !strings.HasPrefix(m.Hint, "Nenda") {
		t.Errorf("translated message: %+v", m)
	}
	m, _ = qaa.LookupNumber(1202)
	want, _ := b.Localizer("en").LookupNumber(1202)
	if m.Lang != language.English || !m.Fallback || m.Text != want.Text {
		t.Errorf("untranslated message did not fall back to English: %+v", m)
	}
	u, _ := b.Localizer("qab").LookupCode("777")
	if u.Text != "Не вдалося пройти перевірку (помилка 777)." || u.Lang.String() != "qab" || !u.Fallback {
		t.Errorf("qab generic message: %+v", u)
	}
	// The hidden text is not in qab's file: it falls back to English.
	h, _ := b.Localizer("qab").LookupCode("7 7")
	wantH, _ := b.Localizer("en").LookupCode("7 7")
	if h.Text != wantH.Text || h.Lang != language.English || !h.Fallback {
		t.Errorf("qab hidden generic message: %+v; want English's %q", h, wantH.Text)
	}
}

func TestOverrideErrors(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		data     string
		line     int
		msgID    string
		sentinel error
		contains string
	}{
		{"TOML syntax", "th.toml", "[LightTooDim]\nother = \"ok\"\n\n[BrighterHint\nother = \"x\"\n", 4, "", nil, "th.toml:4"},
		{"unterminated string", "th.toml", "[LightTooDim]\nother = \"ok\n", 2, "", nil, "th.toml:2"},
		{"unknown message ID", "th.toml", "[LightTooDim]\nother = \"ok\"\n\n[LightTooDm]\nother = \"typo\"\n", 4, "LightTooDm", ErrUnknownMessage, `message "LightTooDm"`},
		{"unknown ID as a key", "th.toml", "LightTooDim = \"ok\"\nNope = \"x\"\n", 2, "Nope", ErrUnknownMessage, "th.toml:2"},
		{"empty text", "th.toml", "[LightTooDim]\nother = \"\"\n", 1, "LightTooDim", ErrEmptyText, "th.toml:1"},
		{"blank text", "th.toml", "[LightTooDim]\nother = \"   \"\n", 1, "LightTooDim", ErrEmptyText, "th.toml:1"},
		{"invisible text", "th.toml", "[LightTooDim]\nother = \"\\u200B\"\n", 1, "LightTooDim", ErrEmptyText, "th.toml:1"},
		{"placeholder added", "th.toml", "[LightTooDim]\nother = \"แสง {{.Code}}\"\n", 1, "LightTooDim", ErrPlaceholders, "th.toml:1"},
		{"placeholder dropped", "en.toml", "[UnknownCode]\nother = \"Something went wrong.\"\n", 1, "UnknownCode", ErrPlaceholders, "en.toml:1"},
		{"bad file name", "xx-invalid.toml", "[LightTooDim]\nother = \"x\"\n", 0, "", ErrLocaleName, "xx-invalid.toml"},
		{"underscore file name", "zh_TW.toml", "", 0, "", ErrLocaleName, "zh_TW.toml"},
		{"und file name", "und.toml", "", 0, "", ErrLocaleName, "und.toml"},
		{"extension in the file name", "th-u-nu-thai.toml", "[UnknownCode]\nother = \"ERR {{.Code}}\"\n", 0, "", ErrLocaleName, "extension"},
		{"legacy file name", "in.toml", "", 0, "", ErrLocaleName, "name it id.toml"},
		{"Mandarin file name", "cmn-Hans.toml", "", 0, "", ErrLocaleName, "name it zh-Hans.toml"},
		{"control character", "th.toml", "[LightTooDim]\nother = \"\\u001b[31mมืด\"\n", 1, "LightTooDim", ErrEmptyText, "U+001B"},
		{"Hangul filler only", "th.toml", "[LightTooDim]\nother = \"\\u3164\\u115f\"\n", 1, "LightTooDim", ErrEmptyText, "invisible"},
		{"too large", "th.toml", "# " + strings.Repeat("x", msgfile.MaxSize), 0, "", ErrFileTooLarge, "th.toml"},
		{"bad template", "th.toml", "[UnknownCode]\nother = \"ผิดพลาด {{.Code\"\n", 1, "UnknownCode", nil, "th.toml:1"},
		{"mixed keys", "th.toml", "[LightTooDim]\nother = \"x\"\nfoo = \"y\"\n", 1, "LightTooDim", nil, "mixed"},
		{"not a string", "th.toml", "[LightTooDim]\nother = 3\n", 2, "LightTooDim", nil, "must be a string"},
		{"reserved key at the top", "th.toml", "other = \"x\"\n", 1, "", nil, "reserved key"},
		{"a text that does not parse", "th.toml", "[LightTooDim]\nother = \"มืด {{ ไป\"\n", 1, "LightTooDim", nil, "does not parse"},
		{"plural form", "th.toml", "[LightTooDim]\none = \"มืด\"\nother = \"มืดไป\"\n", 2, "LightTooDim", nil, "plural form"},
		{"id key renames", "th.toml", "[LightTooDim]\nid = \"LightTooBright\"\nother = \"x\"\n", 2, "LightTooDim", nil, "renames"},
		{"duplicate ID", "th.toml", "[\"a.b\"]\nother = \"x\"\n[a.b]\nother = \"y\"\n", 3, "a.b", nil, "more than once"},
		{"invalid UTF-8", "th.toml", "[LightTooDim]\nother = \"\xff\"\n", 2, "", nil, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(WithLocales(fstest.MapFS{tt.file: {Data: []byte(tt.data)}}))
			var le *LocaleError
			if !errors.As(err, &le) {
				t.Fatalf("New() error = %v; want a *LocaleError", err)
			}
			if le.File != tt.file || le.Line != tt.line || le.MessageID != tt.msgID {
				t.Errorf("LocaleError{File: %q, Line: %d, MessageID: %q}; want %q, %d, %q (%v)", le.File, le.Line, le.MessageID, tt.file, tt.line, tt.msgID, err)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("error %v does not wrap %v", err, tt.sentinel)
			}
			if !strings.Contains(err.Error(), tt.contains) || !strings.HasPrefix(err.Error(), "faceidmsg: ") {
				t.Errorf("error %q does not start with faceidmsg: and contain %q", err, tt.contains)
			}
		})
	}
}

func TestLocaleDirErrorsNameThePath(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/th.toml", []byte("[LightTooDim\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := New(WithLocaleDir(dir))
	var le *LocaleError
	if !errors.As(err, &le) || le.File != dir+"/th.toml" || le.Line != 1 {
		t.Errorf("New(WithLocaleDir) error = %v; want one naming %s/th.toml line 1", err, dir)
	}
	if _, err := New(WithLocales(nil)); err == nil {
		t.Error("New(WithLocales(nil)) succeeded")
	}
	if _, err := New(WithLocaleDir(dir + "/missing")); err == nil || !strings.Contains(err.Error(), dir+"/missing") {
		t.Errorf("New(WithLocaleDir(missing)) = %v; want an error naming the directory", err)
	}
}

// TestLayersApplyInOrder: a later layer wins.
func TestLayersApplyInOrder(t *testing.T) {
	first := fstest.MapFS{"en.toml": {Data: []byte("[LightTooDim]\nother = \"first\"\n")}}
	second := fstest.MapFS{"en.toml": {Data: []byte("[LightTooDim]\nother = \"second\"\n")}}
	m, _ := newBundle(t, WithLocales(first), WithLocales(second)).Localizer().LookupNumber(1201)
	if m.Text != "second" {
		t.Errorf("text = %q; want the later layer's", m.Text)
	}
}

// TestConcurrentUse runs mixed negotiations and lookups from many
// goroutines on a fresh bundle, so that languages load and Localizers
// resolve concurrently on first use; run it with -race.
func TestConcurrentUse(t *testing.T) {
	headers := []string{"zh-TW,zh;q=0.9", "th-TH", "id;q=0.5, en;q=0.4", "uk", "xx;q=abc, zh-tc", "", "ar-EG", "pt-PT, es;q=0.5", "ja", "de-AT"}
	codes := []string{"1201", "FailedOperation.CompareFail", "0", "9999", "paas:Nope", " 2016 "}
	ref := newBundle(t, WithLocales(negotiationFS))
	want := map[string]string{}
	for _, h := range headers {
		for _, c := range codes {
			m, _ := ref.Localizer(h).LookupCode(c)
			want[h+"|"+c] = m.Text
		}
	}
	b := newBundle(t, WithLocales(negotiationFS))
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				h := headers[(g+i)%len(headers)]
				c := codes[(g*7+i)%len(codes)]
				m, _ := b.Localizer(h).LookupCode(c)
				if m.Text != want[h+"|"+c] {
					select {
					case errs <- fmt.Sprintf("%q %q: %q; want %q", h, c, m.Text, want[h+"|"+c]):
					default:
					}
					return
				}
				_ = b.Languages()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestPseudoLocalesUpToDate: the shipped pseudo-locales are exactly what
// "faceidmsg pseudo" generates from the shipped English.
func TestPseudoLocalesUpToDate(t *testing.T) {
	files := shippedFiles(t)
	for _, tag := range translation.PseudoTags {
		want, err := translation.Pseudo(files[0], tag)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(Locales(), tag.String()+".toml")
		if err != nil {
			t.Fatalf("%s.toml is not shipped: %v", tag, err)
		}
		if string(got) != string(want) {
			t.Errorf("locales/%s.toml is out of date with English; run go run ./cmd/faceidmsg pseudo", tag)
		}
	}
	b := newBundle(t)
	for _, tag := range []string{"en-XA", "ar-XB"} {
		if got := b.Match(tag); got.String() != tag {
			t.Errorf("Match(%s) = %s", tag, got)
		}
	}
	for _, l := range b.Languages() {
		if l.Pseudo != isPseudo(l.Tag) {
			t.Errorf("%s: Pseudo = %t", l.Tag, l.Pseudo)
		}
	}
}

// scriptTables are the letters of each writing system, by its ISO 15924
// code, as x/text names a locale's script. A new language written in one
// of them needs no change here.
var scriptTables = map[string][]*unicode.RangeTable{
	"Latn": {unicode.Latin}, "Cyrl": {unicode.Cyrillic}, "Grek": {unicode.Greek},
	"Arab": {unicode.Arabic}, "Hebr": {unicode.Hebrew}, "Thai": {unicode.Thai},
	"Deva": {unicode.Devanagari}, "Beng": {unicode.Bengali}, "Hans": {unicode.Han}, "Hant": {unicode.Han},
	"Jpan": {unicode.Han, unicode.Hiragana, unicode.Katakana}, "Kore": {unicode.Hangul},
	"Ethi": {unicode.Ethiopic}, "Gujr": {unicode.Gujarati}, "Guru": {unicode.Gurmukhi},
	"Knda": {unicode.Kannada}, "Mlym": {unicode.Malayalam}, "Orya": {unicode.Oriya},
	"Taml": {unicode.Tamil}, "Telu": {unicode.Telugu}, "Khmr": {unicode.Khmer}, "Laoo": {unicode.Lao},
	"Mymr": {unicode.Myanmar}, "Geor": {unicode.Georgian}, "Armn": {unicode.Armenian},
	"Sinh": {unicode.Sinhala},
}

// localeScripts returns the writing systems a locale writes in: the
// script x/text gives its tag (the pseudo-locales are Latin), or nil when
// scriptTables lacks it.
func localeScripts(tag string) []*unicode.RangeTable {
	if tag == "en-XA" || tag == "ar-XB" {
		return scriptTables["Latn"]
	}
	script, _ := language.MustParse(tag).Script()
	return scriptTables[script.String()]
}

// latinKept reads, from GLOSSARY.md, the words each language keeps in Latin
// script on purpose: a line "Kept in Latin script: a, b" under "## tag".
func latinKept(t *testing.T) map[string][]string {
	src, err := os.ReadFile("locales/GLOSSARY.md")
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string][]string{}
	tag := ""
	for _, line := range strings.Split(string(src), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			tag, _, _ = strings.Cut(strings.TrimSpace(h), " ")
		}
		if words, ok := strings.CutPrefix(line, "Kept in Latin script: "); ok && tag != "" {
			for _, w := range strings.Split(words, ",") {
				if w = strings.TrimSpace(strings.Trim(strings.TrimSpace(w), "`.")); w != "" && w != "none" {
					kept[tag] = append(kept[tag], w)
				}
			}
		}
	}
	return kept
}

// TestLocaleScripts: every letter of every text is in its locale's script,
// so no English is left in a non-Latin translation, except words the
// glossary keeps.
func TestLocaleScripts(t *testing.T) {
	b := newBundle(t)
	kept := latinKept(t)
	for _, lang := range b.Languages() {
		tag := lang.Tag.String()
		scripts := localeScripts(tag)
		if scripts == nil {
			t.Errorf("%s: its script has no letters in scriptTables; add them", tag)
			continue
		}
		for _, m := range b.Localizer(tag).Messages() {
			for _, text := range []string{m.Text, m.Hint} {
				for _, w := range kept[tag] {
					text = strings.ReplaceAll(text, w, "")
				}
				for _, r := range text {
					if !unicode.IsLetter(r) || unicode.In(r, unicode.Common, unicode.Inherited) || unicode.In(r, scripts...) {
						continue
					}
					t.Errorf("%s %s: %q has %q, outside the locale's script", tag, m.MessageID, text, r)
					break
				}
			}
		}
	}
}

func TestPlausibleTag(t *testing.T) {
	for s, want := range map[string]bool{
		"en": true, "zh-Hant-TW": true, "zh_TW": true, "es-419": true, "en-US-u-ca-gregory": true, "x-private": true,
		"": false, "-": false, "en-": false, "en--US": false, "1en": false, "en US": false, "en\x00": false,
		"abcdefghi": false, "ünï": false, "en-US\xff": false, "*": false,
	} {
		if got := plausibleTag(s); got != want {
			t.Errorf("plausibleTag(%q) = %t; want %t", s, got, want)
		}
	}
}

// TestNegotiateHostile: input from anyone on the internet always gets a
// shipped language, and only the bounded prefix is read.
func TestNegotiateHostile(t *testing.T) {
	b := newBundle(t)
	shipped := map[string]bool{}
	for _, l := range b.Languages() {
		shipped[l.Tag.String()] = true
	}
	tests := []struct {
		name   string
		header string
		want   string
	}{
		{"1 MiB of one entry", strings.Repeat("xx-yyyy-zz;q=0.5,", 1<<20/17), "en"},
		{"1 MiB ending in Thai", strings.Repeat("a", 1<<20) + ",th", "en"},
		{"100,000 entries, Thai first", "th," + strings.Repeat("de;q=0.1,", 100000), "th"},
		{"100,000 entries, Thai last", strings.Repeat("qaa,", 100000) + "th", "en"},
		{"NUL and control bytes", "\x00\x01th\x7f, \x1b[31m, ja", "ja"},
		{"invalid UTF-8", "\xff\xfe\xfd, th-\xc3TH, id", "id"},
		{"only separators", strings.Repeat(",;=", 5000), "en"},
		{"malformed q, then id past the read limit", "th;q=1" + strings.Repeat("0", 5000) + ", id", "en"},
		{"malformed q, then id", "th;q=1" + strings.Repeat("0", 100) + ", id", "id"},
		{"many unknown params are ignored", "th" + strings.Repeat(";a=b", 500) + ", id;q=0.1", "th"},
		{"an entry longer than the budget is dropped", "th" + strings.Repeat(";a=b", 2000) + ", id;q=0.1", "en"},
		{"distinct tags flood the cache", floodHeader(), "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.Match(tt.header).String()
			if got != tt.want || !shipped[got] {
				t.Errorf("Match = %s; want %s", got, tt.want)
			}
		})
	}
}

// floodHeader is many distinct, well-formed tags that no locale serves.
func floodHeader() string {
	var sb strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&sb, "x%c%c-%d,", 'a'+i%26, 'a'+i/26%26, i%1000)
	}
	return sb.String()
}

// TestNegotiateCache: the cache never changes an answer, whatever went
// through it before, and every entry it holds is what an uncached match
// says, under a key no longer than a tag may be.
func TestNegotiateCache(t *testing.T) {
	b := newBundle(t, WithLocales(negotiationFS))
	ref := newBundle(t, WithLocales(negotiationFS))
	tags := []string{"zh-TW", "zh-HK", "zh", "th-TH", "qaa", "ru", "ar-EG", "en-GB", "en-XA", "in", "tl", "pt-PT", "xx", "!!", "zh_TW", "zh-tc", "cmn-Hant-TW"}
	// Fill the cache with junk, then ask; ask again; interleave.
	for i := range 20000 {
		b.cachedMatch(fmt.Sprintf("q%d", i))
	}
	for round := range 3 {
		for _, tag := range tags {
			if got, want := b.Match(tag), ref.Match(tag); got != want {
				t.Errorf("round %d: Match(%q) = %s after cache churn; want %s", round, tag, got, want)
			}
			b.cachedMatch(tag + "-x")
		}
	}
	n := 0
	for i := range b.cache {
		e := b.cache[i].Load()
		if e == nil {
			continue
		}
		n++
		if len(e.tag) > maxTagLen {
			t.Errorf("cache holds a %d-byte key", len(e.tag))
		}
		want := -1
		if tag, ok := parseTag(e.tag); ok {
			want = ref.match(tag)
		}
		if e.locale != want {
			t.Errorf("cache entry %q selects locale %d; an uncached match gives %d", e.tag, e.locale, want)
		}
		if cacheSlot(e.tag) != uint32(i) {
			t.Errorf("cache entry %q is in slot %d; its slot is %d", e.tag, i, cacheSlot(e.tag))
		}
	}
	if n == 0 {
		t.Error("the cache holds nothing after 20,000 lookups")
	}
}

func TestKey(t *testing.T) {
	for _, tt := range []struct {
		ns         Namespace
		code, want string
	}{
		{SaaS, "1201", "saas_1201"},
		{SaaS, "-999", "saas__999"},
		{PaaS, "FailedOperation.CompareFail", "paas_FailedOperation_CompareFail"},
		{PaaS, "٠", "paas__"},
		{PaaS, "a b.c", "paas_a_b_c"},
	} {
		if got := Key(tt.ns, tt.code); got != tt.want {
			t.Errorf("Key(%s, %q) = %q; want %q", tt.ns, tt.code, got, tt.want)
		}
	}
}

// TestFallbackChain: a partial locale takes what it lacks from its parent,
// else from the closest locale of its language, else from English.
func TestFallbackChain(t *testing.T) {
	tests := []struct {
		name, file, text string
		tag, from        string // the locale asked for, and where 1202 must come from
	}{
		{"parent", "zh-Hant-HK.toml", "光線太暗喇。", "zh-Hant-HK", "zh-Hant"},
		{"same language", "pt-QM.toml", "A luz é demasiado fraca.", "pt-QM", ""},
		{"no relative", "qaa.toml", "Mwanga ni hafifu.", "qaa", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBundle(t, WithLocales(fstest.MapFS{tt.file: {Data: []byte("[LightTooDim]\nother = \"" + tt.text + "\"\n")}}))
			loc := b.Localizer(tt.tag)
			if loc.Tag().String() != tt.tag {
				t.Fatalf("Localizer(%s).Tag() = %s", tt.tag, loc.Tag())
			}
			// The text is the file's own; its hint is not, so Fallback is set.
			if m, _ := loc.LookupNumber(1201); m.Text != tt.text || m.Lang.String() != tt.tag || !m.Fallback {
				t.Errorf("1201 = %q (%s, fallback %t); want the file's own text, with the hint from elsewhere", m.Text, m.Lang, m.Fallback)
			}
			if tt.from == "" {
				// QM is a private-use region, so no pt-QM can ship: the
				// locale is the one negotiation picks for it without the
				// file, which must be Portuguese.
				tt.from = newBundle(t).Match(tt.tag).String()
				if !strings.HasPrefix(tt.from, "pt-") {
					t.Fatalf("%s is served %s without the file; want a Portuguese locale", tt.tag, tt.from)
				}
			}
			got, _ := loc.LookupNumber(1202)
			want, _ := b.Localizer(tt.from).LookupNumber(1202)
			if got.Text != want.Text || got.Lang.String() != tt.from || !got.Fallback {
				t.Errorf("1202 = %q (%s); want %s's %q", got.Text, got.Lang, tt.from, want.Text)
			}
		})
	}
}

// TestLanguagesUnnamed: a layered language x/text cannot name, in
// English or in itself, is listed by its tag rather than panicking.
func TestLanguagesUnnamed(t *testing.T) {
	b, err := New(WithLocales(fstest.MapFS{"qaa-Arab.toml": {Data: []byte("[LightTooDim]\nother = \"x\"\n")}}))
	if err != nil {
		t.Fatal(err)
	}
	var got *Language
	for _, l := range b.Languages() {
		if l.Tag.String() == "qaa-Arab" {
			got = &l
		}
	}
	if got == nil || got.Name == "" || got.Native == "" {
		t.Errorf("Languages() lists qaa-Arab as %+v; want it with a name", got)
	}
}

// TestSerbianLatinIsTransliterated: sr-Latn is the letter-for-letter
// transliteration of sr-Cyrl (GLOSSARY.md), so the two never drift apart.
func TestSerbianLatinIsTransliterated(t *testing.T) {
	cyrl, latn := shippedFile(t, "sr-Cyrl"), shippedFile(t, "sr-Latn")
	if cyrl == nil || latn == nil {
		t.Fatal("no Serbian locale: the test has nothing to compare")
	}
	latin := strings.NewReplacer(
		"Љ", "Lj", "Њ", "Nj", "Џ", "Dž", "љ", "lj", "њ", "nj", "џ", "dž",
		"А", "A", "Б", "B", "В", "V", "Г", "G", "Д", "D", "Ђ", "Đ", "Е", "E", "Ж", "Ž", "З", "Z", "И", "I",
		"Ј", "J", "К", "K", "Л", "L", "М", "M", "Н", "N", "О", "O", "П", "P", "Р", "R", "С", "S", "Т", "T",
		"Ћ", "Ć", "У", "U", "Ф", "F", "Х", "H", "Ц", "C", "Ч", "Č", "Ш", "Š",
		"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "ђ", "đ", "е", "e", "ж", "ž", "з", "z", "и", "i",
		"ј", "j", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t",
		"ћ", "ć", "у", "u", "ф", "f", "х", "h", "ц", "c", "ч", "č", "ш", "š",
	)
	for _, id := range cyrl.IDs() {
		want := latin.Replace(cyrl.Get(id).Other)
		got := "(missing)"
		if m := latn.Get(id); m != nil {
			got = m.Other
		}
		if got != want {
			t.Errorf("sr-Latn %s = %q; want %q, the transliteration of sr-Cyrl", id, got, want)
		}
	}
	if len(cyrl.IDs()) != len(latn.IDs()) {
		t.Errorf("sr-Cyrl has %d messages, sr-Latn %d", len(cyrl.IDs()), len(latn.IDs()))
	}
}

// shippedFile is the shipped file of tag, or nil.
func shippedFile(t testing.TB, tag string) *msgfile.File {
	for _, f := range shippedFiles(t) {
		if f.Tag.String() == tag {
			return f
		}
	}
	return nil
}

// TestRightToLeftIsolatesCode: in a locale written right to left, the code
// (left to right) is isolated with U+2068 and U+2069, so it keeps its
// order and does not reorder the punctuation around it.
func TestRightToLeftIsolatesCode(t *testing.T) {
	rtl := map[*unicode.RangeTable]bool{unicode.Arabic: true, unicode.Hebrew: true}
	n := 0
	for _, f := range shippedFiles(t) {
		scripts := localeScripts(f.Tag.String())
		if len(scripts) == 0 || !rtl[scripts[0]] {
			continue
		}
		n++
		if m := f.Get(unknownMessageID); m == nil || !strings.Contains(m.Other, "\u2068{{.Code}}\u2069") {
			t.Errorf("%s: UnknownCode does not isolate {{.Code}} with U+2068/U+2069", f.Name)
		}
	}
	if n == 0 {
		t.Fatal("no right-to-left locale: the test checks nothing")
	}
}

// TestNegotiateExclusions: an excluded locale is never the answer, and if
// a locale of the requested language is left, it wins over English. It
// runs over every locale of the bundle: each excluded in turn, asked for
// by its language.
func TestNegotiateExclusions(t *testing.T) {
	b := newBundle(t)
	for _, tt := range []struct{ header, want string }{
		{"pt-BR;q=0, pt", "pt-PT"},
		{"zh-Hans;q=0, zh", "zh-Hant"},
		{"sr-Cyrl;q=0, sr", "sr-Latn"},
		{"pt;q=0, pt-BR", "en"},
	} {
		if got := b.Match(tt.header); got.String() != tt.want {
			t.Errorf("Match(%q) = %s; want %s", tt.header, got, tt.want)
		}
	}
	for _, l := range b.Languages() {
		if l.Pseudo {
			continue
		}
		base, _ := l.Tag.Base()
		header := l.Tag.String() + ";q=0, " + base.String()
		loc, matched := b.Negotiate(header)
		got := loc.Tag()
		if matched && got == l.Tag {
			t.Errorf("Negotiate(%q) = %s, the excluded locale", header, got)
		}
		var others []language.Tag
		for _, o := range b.Languages() {
			if ob, _ := o.Tag.Base(); ob == base && o.Tag != l.Tag && !o.Pseudo {
				others = append(others, o.Tag)
			}
		}
		if len(others) > 0 && !slices.Contains(others, got) {
			t.Errorf("Match(%q) = %s; want one of %v, the language's other locales", header, got, others)
		}
		if len(others) == 0 && (got != language.English || matched && l.Tag != language.English) {
			t.Errorf("Match(%q) = %s; want English, with no other locale of %s", header, got, base)
		}
	}
}

// TestUnknownCodeText: in every locale, the split template put around a
// code is the text LookupCode shows for it, and Generic is what Response
// shows for a body with no result.
func TestUnknownCodeText(t *testing.T) {
	b := newBundle(t)
	for _, l := range b.Languages() {
		loc := b.LocalizerFor(l.Tag)
		before, after, m := loc.UnknownCodeText()
		got, _ := loc.LookupCode("1999")
		if before+"1999"+after != got.Text || m.MessageID != got.MessageID || m.Hint != got.Hint || m.Lang != got.Lang {
			t.Errorf("%s: UnknownCodeText %q + %q, %+v; LookupCode gives %+v", l.Tag, before, after, m, got)
		}
		res, _ := loc.Response([]byte(`{"Response":{"ErrorCode":null}}`))
		if g := loc.Generic(); g != res.Message || g.Category != CategoryUnknown {
			t.Errorf("%s: Generic %+v; Response gives %+v", l.Tag, g, res.Message)
		}
	}
}

// TestShippedDecodeAgrees: the plain decode New reads the shipped files
// with gives, for every file, exactly the messages the checked parse does.
func TestShippedDecodeAgrees(t *testing.T) {
	for _, f := range shippedFiles(t) {
		data, err := fs.ReadFile(Locales(), path.Base(f.Name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeShipped(data)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		want := compact(f)
		if len(got) != len(want) {
			t.Errorf("%s: %d messages decoded; the parse has %d", f.Name, len(got), len(want))
		}
		for id, m := range want {
			if g := got[id]; g == nil || *g != *m {
				t.Errorf("%s %s: decoded %+v; the parse has %+v", f.Name, id, g, m)
			}
		}
	}
}

// TestCategories: Categories lists each category once, every one the
// catalogue uses and CategoryUnknown, and nothing else; the exports'
// enums and the OpenAPI document are generated or checked from it.
func TestCategories(t *testing.T) {
	used := map[Category]bool{CategoryUnknown: true}
	for _, e := range catalog {
		used[e.cat] = true
	}
	seen := map[Category]bool{}
	for _, c := range Categories() {
		if seen[c] || !used[c] {
			t.Errorf("Categories() lists %q twice or unused", c)
		}
		seen[c] = true
	}
	if len(seen) != len(used) {
		t.Errorf("Categories() = %v; the catalogue and the unknown code use %d", Categories(), len(used))
	}
}
