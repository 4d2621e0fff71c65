package faceidmsg

import "encoding/json"

// This file is the JSON form of messages and resolutions: the one shape
// that the CLI's -json output and the HTTP API share.

// messageJSON is Message as JSON, with stable snake_case names.
type messageJSON struct {
	Namespace   Namespace `json:"namespace"`
	Code        string    `json:"code"`
	Key         string    `json:"key"`
	MessageID   string    `json:"message_id"`
	Lang        string    `json:"lang"`
	Text        string    `json:"text"`
	Hint        string    `json:"hint"`
	HintLang    string    `json:"hint_lang"`
	Category    Category  `json:"category"`
	Retryable   bool      `json:"retryable"`
	Fallback    bool      `json:"fallback"`
	Description string    `json:"description"`
}

func (m Message) toJSON() messageJSON {
	return messageJSON{
		Namespace: m.Namespace, Code: m.Code, Key: m.Key(), MessageID: m.MessageID,
		Lang: m.Lang.String(), Text: m.Text, Hint: m.Hint, HintLang: hintLang(m),
		Category: m.Category, Retryable: m.Retryable, Fallback: m.Fallback,
		Description: m.Description,
	}
}

// hintLang is the JSON hint_lang: the hint's language, or "" with no hint.
func hintLang(m Message) string {
	if m.Hint == "" {
		return ""
	}
	return m.HintLang.String()
}

// MarshalJSON writes the message with the fields namespace, code, key,
// message_id, lang, text, hint (empty when none), hint_lang (its
// language; "" when there is no hint), category, retryable,
// fallback and description: the shape of "faceidmsg lookup -json" and of
// the HTTP API. Field names are stable.
func (m Message) MarshalJSON() ([]byte, error) { return json.Marshal(m.toJSON()) }

// supportDetailJSON is SupportDetail as JSON.
type supportDetailJSON struct {
	Kind  DetailKind `json:"kind"`
	Value string     `json:"value"`
	Text  string     `json:"text"`
}

// MarshalJSON writes the resolution as its Message's fields, plus source
// (which field decided: "api_error", "result", "error_code", or "" when
// none did), cause (the same fields as the message, or null), similarity
// (a number, or null), request_id, details (support details as objects
// {kind, value, text}, in English, for logs; never for the person) and
// service_text (the service's own text, likewise): the shape of
// "faceidmsg resolve -json" and of the HTTP API's /v1/resolve.
func (r Resolution) MarshalJSON() ([]byte, error) {
	var cause *messageJSON
	if r.Cause != nil {
		c := r.Cause.toJSON()
		cause = &c
	}
	details := make([]supportDetailJSON, len(r.Details))
	for i, d := range r.Details {
		details[i] = supportDetailJSON(d)
	}
	return json.Marshal(struct {
		messageJSON
		Source      Source              `json:"source"`
		Cause       *messageJSON        `json:"cause"`
		Similarity  *float64            `json:"similarity"`
		RequestID   string              `json:"request_id"`
		Details     []supportDetailJSON `json:"details"`
		ServiceText string              `json:"service_text"`
	}{r.Message.toJSON(), r.Source, cause, r.Similarity, r.RequestID, details, r.ServiceText})
}
