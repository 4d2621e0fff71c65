package httpmsg

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/faceidmsg/faceidmsg"
)

// WriteJSON writes m as JSON (the fields of "faceidmsg lookup -json")
// with the given status, and sets Content-Language to the language of
// m's text.
func WriteJSON(w http.ResponseWriter, status int, m faceidmsg.Message) error {
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return writeBody(w, status, "application/json", m.Lang.String(), append(body, '\n'))
}

// Problem is an RFC 9457 problem details document for a message: the
// members type, title, status, detail and instance, and the extension
// members code ("saas:1201"), category, retryable, hint and lang.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance,omitempty"`

	Code      string             `json:"code"`
	Category  faceidmsg.Category `json:"category"`
	Retryable bool               `json:"retryable"`
	Hint      string             `json:"hint"`
	Lang      string             `json:"lang"`
}

// NewProblem builds the problem document of m: one type URI per message
// (typeBase and the message ID; see WithProblemTypeBase), the localized
// text as title (the same for every occurrence of the problem, but for
// its language, as RFC 9457 allows), the hint (or the text, when there is
// none) as detail, and instance from the service's request ID when there
// is one ("urn:faceidmsg:request:<id>").
func NewProblem(typeBase string, status int, m faceidmsg.Message, requestID string) Problem {
	p := Problem{
		Type: typeBase + m.MessageID, Title: m.Text, Status: status, Detail: m.Hint,
		Code: string(m.Namespace) + ":" + m.Code, Category: m.Category, Retryable: m.Retryable,
		Hint: m.Hint, Lang: m.Lang.String(),
	}
	if p.Detail == "" {
		p.Detail = m.Text
	}
	if m.Code == "" {
		p.Code = ""
	}
	if requestID != "" {
		p.Instance = "urn:faceidmsg:request:" + requestID
	}
	return p
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
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Language", lang)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, err := w.Write(body)
	return err
}
