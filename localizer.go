package faceidmsg

import (
	"slices"
	"strconv"
	"sync"

	"golang.org/x/text/language"
)

// Localizer gives the catalogue's messages in one negotiated language. It
// is part of its Bundle, shares its immutability and is safe for concurrent
// use. Getting one from a Bundle does not allocate. Its messages are
// resolved on first use; after that, lookups only read.
type Localizer struct {
	b   *Bundle
	tag language.Tag

	once sync.Once // builds the fields below on first use
	msgs []Message // one per catalogue row

	// The generic message: the text around the code, or the text without
	// it for a code that is not shown, with their languages and the hint.
	unknownSplit    [2]string
	unknownLang     language.Tag
	hidden          string
	hiddenLang      language.Tag
	unknownHint     string
	unknownHintLang language.Tag
}

// Localizer returns the Localizer for the language that best serves prefs.
// Each pref is a language tag ("zh-TW", "zh_TW", the service's "zh-tc") or
// a whole Accept-Language header ("th-TH,th;q=0.9,en;q=0.5"); several are
// read as one list in the order given. See the package documentation for
// the rules. With no acceptable language, the English Localizer is returned.
func (b *Bundle) Localizer(prefs ...string) *Localizer {
	i, _ := b.negotiate(prefs)
	return b.locales[i]
}

// Negotiate is Localizer, and also reports whether a preference chose the
// locale: false when nothing was acceptable and the English Localizer is
// the fallback, so a server can log or count readers it could not serve.
func (b *Bundle) Negotiate(prefs ...string) (l *Localizer, matched bool) {
	i, ok := b.negotiate(prefs)
	return b.locales[i], ok
}

// LocalizerFor is Localizer for tags an app holds already, from
// x/text's ParseAcceptLanguage or a stored setting, in order of
// preference: the first tag a locale serves, by the same rules, without
// formatting and parsing them again. With none, the English Localizer.
func (b *Bundle) LocalizerFor(tags ...language.Tag) *Localizer {
	for _, t := range tags {
		if len(t.Extensions()) > 0 {
			// Extensions choose no locale, as in strings (see parseTag).
			if bare, err := language.Parse(withoutExtensions(t.String())); err == nil {
				t = bare
			}
		}
		if i := b.match(t); i >= 0 {
			return b.locales[i]
		}
	}
	return b.locales[english]
}

// Match returns the tag of the locale that best serves prefs, as
// b.Localizer(prefs...).Tag().
func (b *Bundle) Match(prefs ...string) language.Tag {
	return b.Localizer(prefs...).Tag()
}

// Tag returns the Localizer's language.
func (l *Localizer) Tag() language.Tag { return l.tag }

// Lookup returns the message for code in namespace ns. A number (SaaS,
// App SDK, the native SDKs) is read as the service writes numbers ("1201",
// "-999"); other spellings ("+1201", "01201") are unknown codes, never
// another code. For a code the
// catalogue does not know it returns a Message with the generic text
// (Category CategoryUnknown) and an error wrapping ErrUnknownCode. The
// generic text names the code only when it is made of the service's
// characters (ASCII letters, digits, '.', '_', '-'; at most 64 bytes);
// any other code may not come from the service and is not shown.
func (l *Localizer) Lookup(ns Namespace, code string) (Message, error) {
	l.ready()
	switch ns {
	case PaaS:
		if i, ok := l.b.paas[code]; ok {
			return l.msgs[i], nil
		}
	case SaaS:
		if n, ok := saasNumber(code); ok {
			if i := l.b.row(n); i >= 0 {
				return l.msgs[i], nil
			}
		}
	default:
		if i, ok := l.b.others[nsCode{ns, code}]; ok {
			return l.msgs[i], nil
		}
	}
	return l.unknownCode(ns, code)
}

// LookupNumber returns the message for SaaS code n, as Lookup(SaaS, ...).
func (l *Localizer) LookupNumber(n int) (Message, error) {
	l.ready()
	if i := l.b.row(n); i >= 0 {
		return l.msgs[i], nil
	}
	return l.unknownCode(SaaS, strconv.Itoa(n))
}

// LookupCode returns the message for a raw code as an app receives it:
// a number is a SaaS code ("1201", "-999"), anything else a PaaS code
// ("FailedOperation.CompareFail", "InvalidParameterValue.BizTokenExpired").
// A namespace prefix names the namespace outright: "saas:1201",
// "appsdk:-999", "selfie-android:212" (see ParseCode). Surrounding spaces are ignored. Unknown codes are
// treated as Lookup treats them.
func (l *Localizer) LookupCode(raw string) (Message, error) {
	// Fast paths for codes exactly as the service writes them.
	l.ready()
	if n, ok := saasNumber(raw); ok {
		if i := l.b.row(n); i >= 0 {
			return l.msgs[i], nil
		}
		return l.unknownCode(SaaS, raw)
	}
	if i, ok := l.b.paas[raw]; ok {
		return l.msgs[i], nil
	}
	ns, code := ParseCode(raw)
	return l.Lookup(ns, code)
}

// Messages returns the message of every code in the catalogue, in the
// catalogue's order: the seed's PaaS and SaaS codes in the service's
// documented order, then the codes beyond the seed, namespace by
// namespace.
func (l *Localizer) Messages() []Message {
	l.ready()
	return slices.Clone(l.msgs)
}

// unknownCode builds the generic message for a code the catalogue lacks.
func (l *Localizer) unknownCode(ns Namespace, code string) (Message, error) {
	m := Message{
		Namespace: ns, Code: logCode(code),
		Hint: l.unknownHint, HintLang: l.unknownHintLang,
		Category: CategoryUnknown,
	}
	if showable(code) {
		m.MessageID, m.Lang = unknownMessageID, l.unknownLang
		m.Text = l.unknownSplit[0] + code + l.unknownSplit[1]
	} else {
		m.MessageID, m.Lang, m.Text = hiddenMessageID, l.hiddenLang, l.hidden
	}
	m.Fallback = m.Lang != l.tag || l.unknownHintLang != l.tag
	return m, &unknownCodeError{ns, m.Code}
}

// Generic returns the generic message without a code ("Something went
// wrong.") and its hint, in the Localizer's language: what to show when
// there is nothing more specific, as Response does for a body with no
// result. Its Category is CategoryUnknown; it is never success.
func (l *Localizer) Generic() Message {
	l.ready()
	return Message{
		MessageID: hiddenMessageID, Lang: l.hiddenLang, Text: l.hidden,
		Hint: l.unknownHint, HintLang: l.unknownHintLang, Category: CategoryUnknown,
		Fallback: l.hiddenLang != l.tag || l.unknownHintLang != l.tag,
	}
}

// UnknownCodeText returns the text shown for an unknown code, in the
// Localizer's language, split around where the code goes
// (before + code + after), and the Message it belongs to, with its
// hint. An export writes it as a template in its own placeholder syntax.
func (l *Localizer) UnknownCodeText() (before, after string, m Message) {
	l.ready()
	m = Message{
		MessageID: unknownMessageID, Lang: l.unknownLang,
		Text: l.unknownSplit[0] + l.unknownSplit[1],
		Hint: l.unknownHint, HintLang: l.unknownHintLang, Category: CategoryUnknown,
		Fallback: l.unknownLang != l.tag || l.unknownHintLang != l.tag,
	}
	return l.unknownSplit[0], l.unknownSplit[1], m
}

// ready builds the Localizer's messages, once.
func (l *Localizer) ready() { l.once.Do(l.build) }

// build resolves every message of the catalogue through the fallback
// chain of the Localizer's language.
func (l *Localizer) build() {
	b := l.b
	chain := b.chain(l.tag)
	l.msgs = make([]Message, len(catalog))
	for i, e := range catalog {
		text, lang := b.text(chain, e.msg)
		m := Message{
			Namespace: e.ns, Code: e.code, MessageID: e.msg,
			Lang: lang, Text: text,
			Category: e.cat, Retryable: bool(e.retry), Fallback: lang != l.tag,
			Description: e.desc,
		}
		if h := b.hints[e.msg]; h != "" {
			hint, hlang := b.text(chain, h)
			m.Hint, m.HintLang = hint, hlang
			m.Fallback = m.Fallback || hlang != l.tag
		}
		l.msgs[i] = m
	}
	l.unknownSplit, l.unknownLang = b.unknownText(chain)
	l.hidden, l.hiddenLang = b.text(chain, hiddenMessageID)
	l.unknownHint, l.unknownHintLang = b.text(chain, unknownHintID)
}
