package faceidmsg

import "golang.org/x/text/language"

// Message is what a lookup returns: the text for the person holding the
// phone, and what an app needs to act on it. Text and Hint are plain text:
// escape them for HTML like any other string.
type Message struct {
	Namespace Namespace
	// Code is the code as the service writes it, e.g. "1201". For a code
	// the catalogue does not know, it is the code as it arrived, made safe
	// for logs: a code of the service's characters (ASCII letters, digits,
	// '.', '_', '-'; at most 64 bytes) as it is, any other written in
	// printable ASCII with Go escapes ("12\u200b01") and, past 64 bytes,
	// cut and ended with "...".
	Code      string
	MessageID string // the message's ID in the locale files

	// Lang is the language of Text: the negotiated language, or the one a
	// fallback took the text from. Servers can send it as Content-Language.
	Lang language.Tag
	Text string
	// Hint says what the person can do now; empty when there is nothing.
	Hint string
	// HintLang is the language of Hint, which falls back on its own: it
	// can differ from Lang. It is the zero Tag when there is no hint.
	HintLang language.Tag

	Category  Category
	Retryable bool // the app may offer "try again" in the same session
	// Fallback reports whether Text or Hint came from a language other than
	// the negotiated one, because that locale lacks the message.
	Fallback bool
	// Description is the service's own English wording, for logs and
	// support staff; not for the person holding the phone.
	Description string
}

// Key is the name of the message's string in every exported format: the
// code's Key, or "unknown" for the generic text of a code the catalogue
// does not know ("unknown_hidden" when the code is not shown).
func (m Message) Key() string {
	switch {
	case m.MessageID == hiddenMessageID:
		return "unknown_hidden"
	case m.Category == CategoryUnknown:
		return "unknown"
	}
	return Key(m.Namespace, m.Code)
}

// Category groups codes by what the app should do next. Only
// CategorySuccess means the verification passed.
type Category string

const (
	// CategorySuccess: the verification passed, as the service's result
	// says (a result API's success code). The app goes on.
	CategorySuccess Category = "success"
	// CategoryPending: a native SDK's callback says the capture finished
	// on the phone; the result is on the server and can still be a
	// failure. The app shows the message, fetches the result
	// (GetFaceIdResultIntl, GetSdkVerificationResult) and acts on that.
	// Never treat it as a pass.
	CategoryPending Category = "pending"
	// CategoryUserAction: the person can fix the capture (light, distance,
	// face, voice, video length, a typed detail) and try again: the app
	// shows the hint and offers a retry in the same session.
	CategoryUserAction Category = "user_action"
	// CategoryRejected: the check ran and did not pass (spoof suspected,
	// similarity too low). The app shows the message; Retryable says
	// whether it may offer another attempt.
	CategoryRejected Category = "rejected"
	// CategoryTemporary: a service, network or storage problem; trying
	// later may work. The app may offer a retry after a pause.
	CategoryTemporary Category = "temporary"
	// CategoryEnded: the session is over (used, expired, too many
	// attempts, cancelled); a new session is needed. The app offers no
	// retry in this one.
	CategoryEnded Category = "ended"
	// CategoryIntegration: the calling app sent a request the service could
	// not use, or its account cannot use the service. The person cannot fix
	// it: the app shows the message, logs the code for its developers and
	// offers no retry.
	CategoryIntegration Category = "integration"
	// CategoryUnknown is given to codes the catalogue does not know, and
	// to bodies with no result to show. The app shows the generic text and
	// logs the code.
	CategoryUnknown Category = "unknown"
)

// Categories returns every category, in the order of the constants above:
// for an exhaustive switch's test, a metric's labels, or a generated enum.
func Categories() []Category {
	return []Category{CategorySuccess, CategoryPending, CategoryUserAction, CategoryRejected,
		CategoryTemporary, CategoryEnded, CategoryIntegration, CategoryUnknown}
}

// Language describes one locale of a Bundle.
type Language struct {
	Tag language.Tag
	// Name is the language's name in English, with its region or script
	// where the tag has one: "Traditional Chinese", "Brazilian Portuguese".
	Name string
	// Native is its name in the language itself, likewise: "繁體中文",
	// "português (Brasil)"; what a language picker shows.
	Native string
	// Pseudo marks a pseudo-locale for UI testing (en-XA, ar-XB): chosen
	// only by its exact tag, and not for a language picker.
	Pseudo bool
}
