package faceidmsg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// This file reads whole service responses: the JSON body an app's server
// receives from any of the service's APIs, with or without the
// {"Response": ...} wrapper, and the legacy {code, message, codeDesc}
// shape. It finds the code that decides the outcome, and never reads
// success into a body that does not say so.

// MaxResponseSize caps the body Response reads: 1 MiB, far above any
// result without its images.
const MaxResponseSize = 1 << 20

// Errors of Response, for errors.Is. With each, the Resolution's Message
// is the generic text without a code (CategoryUnknown), never success.
var (
	// ErrNoCode: the body is well-formed but holds no result code: a
	// null ErrorCode, an empty Result, a missing field, or a shape that
	// is not one of the service's.
	ErrNoCode = errors.New("faceidmsg: the response has no result code")
	// ErrMalformedResponse: the body is not JSON, or a code has a type
	// no API gives it.
	ErrMalformedResponse = errors.New("faceidmsg: malformed response")
	// ErrResponseTooLarge: the body is over MaxResponseSize.
	ErrResponseTooLarge = errors.New("faceidmsg: response too large")
)

// Resolution is what a raw service response means for the app.
type Resolution struct {
	// Message is the result: Response.Error.Code when the call failed,
	// else Result (the compare APIs and the App SDK), else ErrorCode (the
	// H5 flow).
	Message Message
	// Cause is the newest attempt's own code, when the attempts say more
	// than Message: the H5 flow's VerificationDetailList and the App
	// SDK's CompareResults, where a generic or final code (16, "too many
	// attempts") stands above the reason of the last try. Nil otherwise.
	Cause *Message
	// RequestID is the service's RequestId, for support, made safe for
	// logs like an unknown code.
	RequestID string
	// Details are support details of the newest attempt, in English, for
	// logs and support staff only: liveness tags and the device risk
	// level, as "h5-liveness-tag 03: Suspected rephotography attack".
	Details []string
	// ServiceText is the service's own Message, ErrorMsg or Description
	// for the result, for support. It follows the caller's X-TC-Language
	// and can be Chinese: never a key, never for the person.
	ServiceText string
}

// ReadResponse reads a response body from r, at most MaxResponseSize
// bytes; a longer body is an error wrapping ErrResponseTooLarge, read no
// further than one byte past the cap.
func ReadResponse(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, MaxResponseSize+1))
	if err != nil {
		return nil, err
	}
	if len(body) > MaxResponseSize {
		return nil, fmt.Errorf("%w: over %d bytes", ErrResponseTooLarge, MaxResponseSize)
	}
	return body, nil
}

// Response maps a raw response body to its messages in the Localizer's
// language. It returns an error wrapping ErrNoCode,
// ErrMalformedResponse or ErrResponseTooLarge when it finds no code, and
// one wrapping ErrUnknownCode when the code is not in the catalogue; the
// Resolution always has a Message to show.
func (l *Localizer) Response(body []byte) (Resolution, error) {
	if len(body) > MaxResponseSize {
		return l.noCode(fmt.Errorf("%w: %d bytes, over %d", ErrResponseTooLarge, len(body), MaxResponseSize))
	}
	if err := checkKeys(body); err != nil {
		return l.noCode(fmt.Errorf("%w: %v", ErrMalformedResponse, err))
	}
	var doc rawResponse
	if err := json.Unmarshal(body, &doc); err != nil {
		return l.noCode(fmt.Errorf("%w: %v", ErrMalformedResponse, err))
	}
	r := &doc.rawBody
	if doc.Response != nil {
		r = doc.Response
	}
	var res Resolution
	if r.RequestID != nil {
		res.RequestID = logCode(*r.RequestID)
	}
	src, ns, code, text, found := doc.primary(r)
	if !found {
		out, err := l.noCode(ErrNoCode)
		out.RequestID = res.RequestID
		return out, err
	}
	var err error
	res.Message, err = l.Lookup(ns, code)
	res.ServiceText = supportText(text)
	if src != fromError && needsCause(res.Message.Category) {
		if cns, ccode, ok := r.cause(ns); ok && ccode != code {
			m, _ := l.Lookup(cns, ccode)
			res.Cause = &m
		}
	}
	res.Details = r.details()
	return res, err
}

// noCode is the Resolution of a body with no code to read.
func (l *Localizer) noCode(err error) (Resolution, error) {
	l.ready()
	m := Message{
		MessageID: hiddenMessageID, Lang: l.hiddenLang, Text: l.hidden,
		Hint: l.unknownHint, HintLang: l.unknownHintLang, Category: CategoryUnknown,
		Fallback: l.hiddenLang != l.tag || l.unknownHintLang != l.tag,
	}
	return Resolution{Message: m}, err
}

// rawResponse is a body as the service writes it: wrapped in "Response",
// or not (the fields at the top), or the legacy shape.
type rawResponse struct {
	Response *rawBody `json:"Response"`
	rawBody
	LegacyCode     jsonCode `json:"code"`
	LegacyCodeDesc *string  `json:"codeDesc"`
	LegacyMessage  *string  `json:"message"`
}

// rawBody holds the fields Response reads, of every API.
type rawBody struct {
	Error *struct {
		Code    *string `json:"Code"`
		Message *string `json:"Message"`
	} `json:"Error"`
	RequestID   *string  `json:"RequestId"`
	Result      jsonCode `json:"Result"`    // string: PaaS, or an App SDK number
	ErrorCode   jsonCode `json:"ErrorCode"` // number: H5
	ErrorMsg    *string  `json:"ErrorMsg"`
	Description *string  `json:"Description"`

	H5Attempts      lastOf[h5Attempt]  `json:"VerificationDetailList"`
	SDKAttempts     lastOf[sdkAttempt] `json:"CompareResults"`
	Cards           lastOf[warnings]   `json:"CardVerifyResults"` // App SDK: WarnCardInfos, negative
	OCR             lastOf[warnings]   `json:"OCRResult"`         // H5: WarnCardInfos, positive
	LivenessInfoTag []*string          `json:"LivenessInfoTag"`
	DeviceInfoLevel *string            `json:"DeviceInfoLevel"`
}

// h5Attempt is an entry of the H5 flow's VerificationDetailList.
type h5Attempt struct {
	ErrorCode         jsonCode  `json:"ErrorCode"`
	LivenessErrorCode jsonCode  `json:"LivenessErrorCode"`
	CompareErrorCode  jsonCode  `json:"CompareErrorCode"`
	LivenessInfoTag   []*string `json:"LivenessInfoTag"`
}

// sdkAttempt is an entry of the App SDK's CompareResults; "" or null means
// the stage did not run.
type sdkAttempt struct {
	ErrorCode        jsonCode  `json:"ErrorCode"`
	LiveErrorCode    jsonCode  `json:"LiveErrorCode"`
	CompareErrorCode jsonCode  `json:"CompareErrorCode"`
	LivenessInfoTag  []*string `json:"LivenessInfoTag"`
}

// warnings are an OCR result's WarnCardInfos.
type warnings struct {
	WarnCardInfos []json.Number `json:"WarnCardInfos"`
}

// lastOf decodes only the last element of a JSON array (the newest
// attempt) and counts the others: decoding a long list whole would cost
// far more memory than the body.
type lastOf[T any] struct {
	last T
	n    int
}

func (l *lastOf[T]) UnmarshalJSON(b []byte) error {
	last, n, err := lastElement(b)
	if err != nil || n == 0 {
		return err
	}
	l.n = n
	return json.Unmarshal(last, &l.last)
}

// Where the primary code came from.
const (
	fromError = iota + 1 // Response.Error.Code, or the legacy code: the call failed
	fromResult
	fromErrorCode
)

// primary finds the code that decides the outcome: the call's failure
// first (Error.Code, or a legacy code other than 0), else Result, else
// ErrorCode. A null, an empty string or a missing field is no code.
func (doc *rawResponse) primary(r *rawBody) (src int, ns Namespace, code, text string, ok bool) {
	if r.Error != nil && r.Error.Code != nil && *r.Error.Code != "" {
		return fromError, PaaS, *r.Error.Code, deref(r.Error.Message), true
	}
	if ns, code, text, ok := doc.legacy(); ok {
		return fromError, ns, code, text, true
	}
	if c, ok := r.Result.value(); ok {
		if _, num := saasNumber(c); num || r.Result.number {
			return fromResult, AppSDK, c, deref(r.Description), true
		}
		return fromResult, PaaS, c, deref(r.Description), true
	}
	if c, ok := r.ErrorCode.value(); ok {
		return fromErrorCode, SaaS, c, deref(r.ErrorMsg), true
	}
	return 0, "", "", "", false
}

// needsCause reports whether a result is generic or final enough that the
// newest attempt may say more: the session ended (16, 17, -999), the
// service failed (1001) or the code is unknown.
func needsCause(c Category) bool {
	return c == CategoryEnded || c == CategoryTemporary || c == CategoryUnknown
}

// cause returns the newest attempt's code, for a result of namespace ns:
// H5 attempts for an H5 result, App SDK attempts for an App SDK one. An
// attempt's own ErrorCode ("the final result of this verification") comes
// first, then its liveness and comparison codes, whichever is set and
// not 0.
func (r *rawBody) cause(ns Namespace) (Namespace, string, bool) {
	var codes []jsonCode
	switch {
	case ns == SaaS && r.H5Attempts.n > 0:
		d := r.H5Attempts.last
		codes = []jsonCode{d.ErrorCode, d.LivenessErrorCode, d.CompareErrorCode}
	case ns == AppSDK && r.SDKAttempts.n > 0:
		d := r.SDKAttempts.last
		codes = []jsonCode{d.ErrorCode, d.LiveErrorCode, d.CompareErrorCode}
	}
	for _, c := range codes {
		if v, ok := c.value(); ok && v != "0" {
			return ns, v, true
		}
	}
	return "", "", false
}

// maxDetails caps the support details of one response.
const maxDetails = 32

// details returns the newest attempt's support details, in English.
func (r *rawBody) details() []string {
	var out []string
	add := func(kind DetailKind, tags []*string) {
		for _, t := range tags {
			if t == nil || len(out) >= maxDetails {
				continue
			}
			v := logCode(*t)
			en, ok := Detail(kind, *t)
			if !ok {
				en = "(not in the catalogue)"
			}
			out = append(out, string(kind)+" "+v+": "+en)
		}
	}
	if r.H5Attempts.n > 0 {
		add(DetailH5LivenessTag, r.H5Attempts.last.LivenessInfoTag)
	}
	if r.SDKAttempts.n > 0 {
		add(DetailSDKLivenessTag, r.SDKAttempts.last.LivenessInfoTag)
	}
	for _, w := range [][]json.Number{r.Cards.last.WarnCardInfos, r.OCR.last.WarnCardInfos} {
		for _, v := range w {
			s := v.String()
			add(DetailOCRWarning, []*string{&s})
		}
	}
	add(DetailSDKLivenessTag, r.LivenessInfoTag)
	if r.DeviceInfoLevel != nil && *r.DeviceInfoLevel != "" {
		add(DetailDeviceRisk, []*string{r.DeviceInfoLevel})
	}
	return out
}

// legacy reads the legacy shape {code, message, codeDesc}: a code other
// than 0 names its error in codeDesc. Code 0 says only that the call went
// through, which is no result.
func (doc *rawResponse) legacy() (Namespace, string, string, bool) {
	c, ok := doc.LegacyCode.value()
	if !ok || c == "0" {
		return "", "", "", false
	}
	if doc.LegacyCodeDesc != nil && *doc.LegacyCodeDesc != "" && *doc.LegacyCodeDesc != "Success" {
		return PaaS, *doc.LegacyCodeDesc, deref(doc.LegacyMessage), true
	}
	return PaaS, c, deref(doc.LegacyMessage), true
}

// jsonCode is a code field that an API writes as a string or as a number,
// and that may be null or missing.
type jsonCode struct {
	set    bool   // present and not null
	number bool   // written as a JSON number
	s      string // the string, or the number as written
}

// UnmarshalJSON accepts a string, an integer or null; anything else is a
// type no API gives a code, so the body is malformed.
func (c *jsonCode) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		*c = jsonCode{}
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*c = jsonCode{set: true, s: s}
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		if bytes.ContainsAny(b, ".eE") {
			return fmt.Errorf("code %s is not an integer", b)
		}
		if _, err := strconv.ParseInt(string(b), 10, 64); err != nil {
			return fmt.Errorf("code %s: %v", b, err)
		}
		*c = jsonCode{set: true, number: true, s: string(b)}
	default:
		return fmt.Errorf("a code is a string or a number, not %.20s", b)
	}
	return nil
}

// value returns the code, and false for a missing or null field or "".
func (c jsonCode) value() (string, bool) { return c.s, c.set && c.s != "" }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// maxSupportText caps ServiceText.
const maxSupportText = 512

// supportText makes the service's own text safe to log: valid UTF-8,
// control and format characters dropped, at most maxSupportText bytes.
func supportText(s string) string {
	if len(s) > maxSupportText*4 {
		s = s[:maxSupportText*4]
	}
	var b []byte
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsGraphic(r) {
			continue
		}
		if len(b)+utf8.RuneLen(r) > maxSupportText {
			break
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
