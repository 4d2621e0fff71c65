package httpmsg

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/faceidmsg/faceidmsg"
	"golang.org/x/text/language"
)

// WriteJSON writes m's public view as JSON (Message.MarshalJSON: text,
// hint, languages, code, category and retry; never the service's
// description, which is for support) with the given status, and sets
// Content-Language to the languages of m's text and hint.
func WriteJSON(w http.ResponseWriter, status int, m faceidmsg.Message) error {
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return writeBody(w, status, "application/json", contentLanguage(m), append(body, '\n'))
}

// contentLanguage is the Content-Language of messages: the language of
// each text, and of each hint that fell back to another ("he, en").
func contentLanguage(ms ...faceidmsg.Message) string {
	var tags []language.Tag
	for _, m := range ms {
		tags = append(tags, m.Lang)
		if m.Hint != "" {
			tags = append(tags, m.HintLang)
		}
	}
	return langList(tags...)
}

// langList is tags as a Content-Language list, each once, in order.
func langList(tags ...language.Tag) string {
	var out []string
	for _, t := range tags {
		if s := t.String(); t != (language.Tag{}) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// Problem is an RFC 9457 problem details document for a message: the
// members type, title, status, detail and instance, and the extension
// members code ("saas:1201"; only for a code of the catalogue), category,
// retryable, hint and lang (the languages of title, detail and hint, as
// in Content-Language).
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance,omitempty"`

	Code      string             `json:"code,omitempty"`
	Category  faceidmsg.Category `json:"category"`
	Retryable bool               `json:"retryable"`
	Hint      string             `json:"hint"`
	Lang      string             `json:"lang"`
}

// NewProblem builds the problem document of m for a request that passed
// through Middleware (or NewHandler): one type URI per message (the
// WithProblemTypeBase prefix and the message ID), the localized text as
// title (the same for every occurrence of the problem, but for its
// language, as RFC 9457 allows), the hint (or the text, when there is
// none) as detail, and instance from the service's request ID when there
// is one ("urn:faceidmsg:request:<id>", the ID percent-encoded but for
// URI unreserved characters).
//
// For a code the catalogue lacks (Category unknown) the text names the
// code, so it cannot be a title: the type is UnknownCode, the title the
// generic localized "Something went wrong." of the request's language,
// the detail the text (or the hint, when the code is not shown), and code
// is left out. Outside Middleware, which gives that generic text, the
// title is the status phrase ("Not Found"), in English.
func NewProblem(r *http.Request, status int, m faceidmsg.Message, requestID string) Problem {
	c := fromContext(r.Context())
	p := Problem{
		Type: c.typeBase + m.MessageID, Title: m.Text, Status: status, Detail: m.Hint,
		Code: string(m.Namespace) + ":" + m.Code, Category: m.Category, Retryable: m.Retryable,
		Hint: m.Hint, Lang: contentLanguage(m),
	}
	if p.Detail == "" {
		p.Detail = m.Text
	}
	if m.Category == faceidmsg.CategoryUnknown {
		p.Code, p.Type, p.Detail = "", c.typeBase+"UnknownCode", m.Text
		switch {
		case m.Key() == "unknown_hidden":
			// Its text names no code: it is the generic title.
			if m.Hint != "" {
				p.Detail = m.Hint
			}
		case c.loc != nil:
			g := c.loc.Generic()
			p.Title = g.Text
			p.Lang = contentLanguage(g, m)
		default:
			// Outside Middleware there is no Localizer to take the
			// generic text from: the status phrase, in English.
			p.Title = http.StatusText(status)
			p.Lang = langList(language.English, m.Lang, m.HintLang)
		}
	}
	if requestID != "" {
		p.Instance = "urn:faceidmsg:request:" + escapeUnreserved(requestID)
	}
	return p
}

// escapeUnreserved percent-encodes every byte of s but the unreserved
// characters of RFC 3986 (A-Z a-z 0-9 - . _ ~), so that any request ID
// makes a valid URI, with no fragment or query in it.
func escapeUnreserved(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// WriteProblem writes p as application/problem+json, with p.Status as
// the status and Content-Language set to p.Lang.
func WriteProblem(w http.ResponseWriter, p Problem) error {
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return writeBody(w, p.Status, "application/problem+json", p.Lang, append(body, '\n'))
}

func writeBody(w http.ResponseWriter, status int, contentType, lang string, body []byte) error {
	setHeaders(w.Header(), contentType, lang, len(body))
	w.WriteHeader(status)
	_, err := w.Write(body)
	return err
}

// setHeaders sets the headers of a body: writeBody's, and HEAD's.
func setHeaders(h http.Header, contentType, lang string, n int) {
	h.Set("Content-Type", contentType)
	h.Set("Content-Language", lang)
	h.Set("Content-Length", strconv.Itoa(n))
	h.Set("X-Content-Type-Options", "nosniff")
}
