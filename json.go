package faceidmsg

import "encoding/json"

// This file is the JSON form of messages and resolutions, in two views.
// The public view is what may reach the person holding the phone (the
// default MarshalJSON, httpmsg's WriteJSON and problems, serve's /v1/*
// answers): the text and hint, their languages, the code, the category and
// the retry flag. The support view adds what is for logs and support staff
// only (the service's description and own text, the support details, the
// similarity score), which tells an attacker which signal caught them: the
// CLI's -json output and serve with -support (a trusted network).

// messageJSON is Message's public JSON, with stable snake_case names.
type messageJSON struct {
	Namespace Namespace `json:"namespace"`
	Code      string    `json:"code"`
	Key       string    `json:"key"`
	MessageID string    `json:"message_id"`
	Lang      string    `json:"lang"`
	Text      string    `json:"text"`
	Hint      string    `json:"hint"`
	HintLang  string    `json:"hint_lang"`
	Category  Category  `json:"category"`
	Retryable bool      `json:"retryable"`
	Fallback  bool      `json:"fallback"`
}

// messageSupportJSON adds the service's description.
type messageSupportJSON struct {
	messageJSON
	Description string `json:"description"`
}

func (m Message) toJSON() messageJSON {
	return messageJSON{
		Namespace: m.Namespace, Code: m.Code, Key: m.Key(), MessageID: m.MessageID,
		Lang: m.Lang.String(), Text: m.Text, Hint: m.Hint, HintLang: hintLang(m),
		Category: m.Category, Retryable: m.Retryable, Fallback: m.Fallback,
	}
}

// hintLang is the JSON hint_lang: the hint's language, or "" with no hint.
func hintLang(m Message) string {
	if m.Hint == "" {
		return ""
	}
	return m.HintLang.String()
}

// MarshalJSON writes the message's public view: namespace, code, key,
// message_id, lang, text, hint (empty when none), hint_lang (its
// language; "" when there is no hint), category, retryable and fallback.
// It leaves out Description, which is for support: see ForSupport. Field
// names are stable.
func (m Message) MarshalJSON() ([]byte, error) { return json.Marshal(m.toJSON()) }

// ForSupport returns the message's support view, for logs and support
// staff: the public fields plus description, the service's own English.
// Never send it to the person.
func (m Message) ForSupport() json.Marshaler { return supportMessage(m) }

type supportMessage Message

func (m supportMessage) MarshalJSON() ([]byte, error) {
	return json.Marshal(messageSupportJSON{Message(m).toJSON(), m.Description})
}

// supportDetailJSON is SupportDetail as JSON.
type supportDetailJSON struct {
	Kind  DetailKind `json:"kind"`
	Value string     `json:"value"`
	Text  string     `json:"text"`
}

// MarshalJSON writes the resolution's public view: its Message's public
// fields, plus source (which field decided: "api_error", "result",
// "error_code", or "" when none did), cause (the same public fields, or
// null) and request_id (the service's RequestId, which support can look
// up). See ForSupport for what it leaves out.
func (r Resolution) MarshalJSON() ([]byte, error) {
	var cause *messageJSON
	if r.Cause != nil {
		c := r.Cause.toJSON()
		cause = &c
	}
	return json.Marshal(struct {
		messageJSON
		Source    Source       `json:"source"`
		Cause     *messageJSON `json:"cause"`
		RequestID string       `json:"request_id"`
	}{r.Message.toJSON(), r.Source, cause, r.RequestID})
}

// ForSupport returns the resolution's support view, for the app's server,
// its logs and support staff: the public view with the messages'
// descriptions, plus similarity (a number, or null), details (support
// details as objects {kind, value, text}, in English) and service_text
// (the service's own text). This is the shape of "faceidmsg resolve
// -json". Never send it to the person.
func (r Resolution) ForSupport() json.Marshaler { return supportResolution(r) }

type supportResolution Resolution

func (s supportResolution) MarshalJSON() ([]byte, error) {
	r := Resolution(s)
	var cause *messageSupportJSON
	if r.Cause != nil {
		c := messageSupportJSON{r.Cause.toJSON(), r.Cause.Description}
		cause = &c
	}
	details := make([]supportDetailJSON, len(r.Details))
	for i, d := range r.Details {
		details[i] = supportDetailJSON(d)
	}
	return json.Marshal(struct {
		messageSupportJSON
		Source      Source              `json:"source"`
		Cause       *messageSupportJSON `json:"cause"`
		Similarity  *float64            `json:"similarity"`
		RequestID   string              `json:"request_id"`
		Details     []supportDetailJSON `json:"details"`
		ServiceText string              `json:"service_text"`
	}{messageSupportJSON{r.Message.toJSON(), r.Message.Description}, r.Source, cause, r.Similarity, r.RequestID, details, r.ServiceText})
}
