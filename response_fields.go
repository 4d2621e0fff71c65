package faceidmsg

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// decodeOptions are the decoder's: strict JSON (valid UTF-8, exact
// names), except that the decoder's check for repeated names is off,
// because it keeps every name of every object, which costs many times the
// body for an object of many distinct names. Instead each field that
// Response reads refuses to be read twice (errRepeated), at every level:
// the top, Response, Error, every attempt and OCR result. A repeated name
// that Response does not read cannot change what it reads.
var decodeOptions = jsontext.AllowDuplicateNames(true)

// This file is what Response reads of a body, and the rules that decide
// it (decide). Code fields are read strictly: a type no API gives them
// makes the body malformed. Support fields (texts, tags, warnings,
// scores) are read leniently: a value of another type is dropped, never
// the decision. Lists keep at most MaxDetails entries and only the newest
// attempt, so no list costs more memory than a few dozen values, and
// large values that nothing needs (videos, images) are skipped uncopied.

// rawTop is a body's top level: the Response wrapper, or the fields
// unwrapped, or the legacy shape.
type rawTop struct {
	Response wrapper `json:"Response"`
	rawBody
	LegacyCode     code `json:"code"`
	LegacyCodeDesc code `json:"codeDesc"`
	LegacyMessage  text `json:"message"`
}

// rawBody is the object that holds a result: the fields of every API that
// Response reads.
type rawBody struct {
	Error     apiError `json:"Error"`
	Result    code     `json:"Result"`    // compare APIs: a string; App SDK: a number as a string
	ErrorCode code     `json:"ErrorCode"` // H5: a number or null

	RequestID   text `json:"RequestId"`
	ErrorMsg    text `json:"ErrorMsg"`
	Description text `json:"Description"`

	H5Attempts  attempts[h5Attempt]  `json:"VerificationDetailList"`
	SDKAttempts attempts[sdkAttempt] `json:"CompareResults"`

	Cards           cardList `json:"CardVerifyResults"` // App SDK: WarnCardInfos, negative
	OCR             cardList `json:"OCRResult"`         // H5: WarnCardInfos, positive
	Warnings        text     `json:"Warnings"`          // CheckIdCardInformation
	LivenessInfoTag tagList  `json:"LivenessInfoTag"`   // GetFaceIdResultIntl
	DeviceInfoLevel text     `json:"DeviceInfoLevel"`
	Sim             number   `json:"Sim"`        // compare APIs
	Similarity      number   `json:"Similarity"` // GetFaceIdResultIntl

	// Present only in the App SDK results, with the fields above.
	ChargeCount marker `json:"ChargeCount"`
	BestFrame   marker `json:"BestFrame"`
	Video       marker `json:"Video"`
	ActionVideo marker `json:"ActionVideo"`

	// The results of APIs that are not read.
	Text              marker   `json:"Text"` // mainland GetDetectInfoEnhanced, GetEidResult
	AttackRiskLevel   text     `json:"AttackRiskLevel"`
	AttackRiskDetails riskList `json:"AttackRiskDetailList"`
}

// h5Attempt is an entry of the H5 flow's VerificationDetailList.
type h5Attempt struct {
	ErrorCode         code    `json:"ErrorCode"`
	LivenessErrorCode code    `json:"LivenessErrorCode"`
	CompareErrorCode  code    `json:"CompareErrorCode"`
	LivenessInfoTag   tagList `json:"LivenessInfoTag"`
	Similarity        number  `json:"Similarity"`
}

// sdkAttempt is an entry of the App SDK's CompareResults; "" or null means
// the stage did not run.
type sdkAttempt struct {
	ErrorCode        code    `json:"ErrorCode"`
	LiveErrorCode    code    `json:"LiveErrorCode"`
	CompareErrorCode code    `json:"CompareErrorCode"`
	LivenessInfoTag  tagList `json:"LivenessInfoTag"`
	Sim              number  `json:"Sim"`
}

// decision is what decide found: the deciding field, its code and the
// service's text for it, and the body the rest is read from. With
// ErrNoCode, ns is the namespace of the body's attempts.
type decision struct {
	src  Source
	ns   Namespace
	code string
	text string
	body *rawBody
}

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrMalformedResponse}, args...)...)
}

func unsupported(why string) error {
	return fmt.Errorf("%w: %s", ErrUnsupportedShape, why)
}

// decide applies the rules that say which field holds a body's result.
// Each rule fails closed: nothing here can make a body success that a
// stricter reading would not.
func decide(doc *rawTop) (decision, error) {
	b := &doc.rawBody
	legacy := doc.LegacyCode.present || doc.LegacyCodeDesc.present
	if doc.Response.present {
		if b.anyField() || legacy || doc.LegacyMessage.present {
			return decision{}, malformed("fields beside the Response wrapper")
		}
		if doc.Response.body == nil {
			return decision{}, ErrNoCode
		}
		b = doc.Response.body
	}
	if legacy && (b.Error.present || b.Result.present || b.ErrorCode.present) {
		return decision{}, malformed("the legacy code beside Error, Result or ErrorCode")
	}

	// A failed call: an Error object, even empty, or a legacy code other
	// than 0. Response refuses a success code from either.
	if b.Error.set {
		c, ok := b.Error.Code.value()
		if !ok || b.Error.Code.number {
			return decision{}, malformed("an Error without a Code string")
		}
		return decision{SourceAPIError, PaaS, c, b.Error.Message.s, b}, nil
	}
	if legacy {
		if doc.LegacyCode.set && !doc.LegacyCode.number || doc.LegacyCodeDesc.number {
			return decision{}, malformed("the legacy code is an integer and codeDesc a string")
		}
		c, ok := doc.LegacyCode.value()
		if n, _ := strconv.ParseInt(c, 10, 64); !ok || n == 0 {
			return decision{body: b}, fmt.Errorf("%w: the legacy code is 0, a call without a result", ErrNoCode)
		}
		if desc, ok := doc.LegacyCodeDesc.value(); ok {
			c = desc
		}
		return decision{SourceAPIError, PaaS, c, doc.LegacyMessage.s, b}, nil
	}

	// A result: one deciding field, of a shape Response reads.
	if b.Result.set && b.ErrorCode.set {
		return decision{}, malformed("both Result and ErrorCode")
	}
	if c, ok := b.Result.value(); ok {
		_, num := saasNumber(c)
		switch {
		case (num || b.Result.number) && !b.appSDK():
			return decision{body: b}, unsupported("a numeric Result without the App SDK result's fields")
		case num || b.Result.number:
			return decision{SourceResult, AppSDK, c, b.Description.s, b}, nil
		case b.appSDK():
			return decision{body: b}, unsupported("a compare API's Result beside the App SDK result's fields")
		}
		return decision{SourceResult, PaaS, c, b.Description.s, b}, nil
	}
	if c, ok := b.ErrorCode.value(); ok {
		return decision{SourceErrorCode, SaaS, c, b.ErrorMsg.s, b}, nil
	}
	switch {
	case bool(b.Text):
		return decision{body: b}, unsupported("a mainland result (Text.ErrCode)")
	case b.AttackRiskLevel.present || b.AttackRiskDetails.present:
		return decision{body: b}, unsupported("an AI fake-face detection result")
	case b.ErrorCode.present && !b.Result.present:
		return decision{ns: SaaS, body: b}, ErrNoCode
	case b.Result.present && b.appSDK():
		return decision{ns: AppSDK, body: b}, ErrNoCode
	}
	return decision{body: b}, ErrNoCode
}

// anyField reports whether any field of a body is present, null included.
func (b *rawBody) anyField() bool {
	return b.Error.present || b.Result.present || b.ErrorCode.present ||
		b.RequestID.present || b.ErrorMsg.present || b.Description.present ||
		b.H5Attempts.present || b.SDKAttempts.present || b.Cards.present || b.OCR.present ||
		b.Warnings.present || b.LivenessInfoTag.present || b.DeviceInfoLevel.present ||
		b.Sim.present || b.Similarity.present || bool(b.ChargeCount) || bool(b.BestFrame) ||
		bool(b.Video) || bool(b.ActionVideo) || bool(b.Text) ||
		b.AttackRiskLevel.present || b.AttackRiskDetails.present
}

// appSDK reports whether a body has a field that only the App SDK result
// APIs (GetFaceIdResultIntl, GetSdkVerificationResult) write.
func (b *rawBody) appSDK() bool {
	return b.SDKAttempts.present || b.Cards.present || b.LivenessInfoTag.present ||
		b.DeviceInfoLevel.present || b.Similarity.present || bool(b.ChargeCount) ||
		bool(b.BestFrame) || bool(b.Video) || bool(b.ActionVideo)
}

// cause returns the newest attempt's code, for a result of namespace ns:
// H5 attempts for an H5 result, App SDK attempts for an App SDK one. An
// attempt's own ErrorCode ("the final result of this verification") comes
// first, then its liveness and comparison codes, whichever is set and
// not 0.
func (b *rawBody) cause(ns Namespace) (Namespace, string, bool) {
	var codes [3]code
	switch {
	case ns == SaaS && b.H5Attempts.n > 0:
		d := &b.H5Attempts.last
		codes = [3]code{d.ErrorCode, d.LivenessErrorCode, d.CompareErrorCode}
	case ns == AppSDK && b.SDKAttempts.n > 0:
		d := &b.SDKAttempts.last
		codes = [3]code{d.ErrorCode, d.LiveErrorCode, d.CompareErrorCode}
	}
	for _, c := range codes {
		if v, ok := c.value(); ok && v != "0" {
			return ns, v, true
		}
	}
	return "", "", false
}

// similarity returns the face comparison's score for a result of
// namespace ns.
func (b *rawBody) similarity(ns Namespace) *float64 {
	var n number
	switch ns {
	case PaaS:
		n = b.Sim
	case SaaS:
		if b.H5Attempts.n > 0 {
			n = b.H5Attempts.last.Similarity
		}
	case AppSDK:
		n = b.Similarity
		if b.SDKAttempts.n > 0 && b.SDKAttempts.last.Sim.set {
			n = b.SDKAttempts.last.Sim
		}
	}
	if !n.set {
		return nil
	}
	return &n.f
}

// details returns the body's support details, in English, at most
// MaxDetails.
func (b *rawBody) details() []SupportDetail {
	var out []SupportDetail
	add := func(kind DetailKind, v string) {
		if len(out) >= MaxDetails {
			return
		}
		en, _ := Detail(kind, v)
		out = append(out, SupportDetail{Kind: kind, Value: logCode(v), Text: en})
	}
	addAll := func(kind DetailKind, vs []string) {
		for _, v := range vs {
			add(kind, v)
		}
	}
	if b.H5Attempts.n > 0 {
		addAll(DetailH5LivenessTag, b.H5Attempts.last.LivenessInfoTag.vals)
	}
	if b.SDKAttempts.n > 0 {
		addAll(DetailSDKLivenessTag, b.SDKAttempts.last.LivenessInfoTag.vals)
	}
	addAll(DetailOCRWarning, b.Cards.last.values())
	addAll(DetailOCRWarning, b.OCR.last.values())
	if w := b.Warnings.s; w != "" {
		for v := range strings.SplitSeq(w, ",") {
			if v = strings.TrimSpace(v); v != "" {
				add(DetailOCRWarning, v)
			}
		}
	}
	addAll(DetailSDKLivenessTag, b.LivenessInfoTag.vals)
	if b.DeviceInfoLevel.s != "" {
		add(DetailDeviceRisk, b.DeviceInfoLevel.s)
	}
	if b.AttackRiskLevel.s != "" {
		add(DetailAttackRisk, b.AttackRiskLevel.s)
	}
	addAll(DetailAttackRisk, b.AttackRiskDetails.vals)
	return out
}

// code is a code field: a string or an integer, or null. Anything else is
// a type no API gives a code, so the body is malformed.
type code struct {
	present bool   // the name is in the body, null included
	set     bool   // not null
	number  bool   // written as a JSON number
	s       string // the string, or the number as written
}

var errCodeType = errors.New("a code is a string, an integer or null")

// errRepeated: a name that Response reads is repeated in one object. The
// decoder's own check for repeated names is off (see decodeOptions); each
// field checks it is read once.
var errRepeated = errors.New("a name is repeated in one object")

func (c *code) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if c.present {
		return errRepeated
	}
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	*c = code{present: true}
	switch v.Kind() {
	case 'n':
	case '"':
		s, err := jsontext.AppendUnquote(nil, v)
		if err != nil {
			return err
		}
		c.set, c.s = true, string(s)
	case '0':
		if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
			return fmt.Errorf("code %.24s is not a 64-bit integer", v)
		}
		c.set, c.number, c.s = true, true, string(v)
	default:
		return errCodeType
	}
	return nil
}

// value returns the code, and false for a missing or null field or "".
func (c code) value() (string, bool) { return c.s, c.set && c.s != "" }

// apiError is the API 3.0 Error object. Null counts as absent, as the
// official SDK reads it; an object, even empty, is a failed call.
type apiError struct {
	present, set bool
	Code         code
	Message      text
}

func (e *apiError) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if e.present {
		return errRepeated
	}
	*e = apiError{present: true}
	if dec.PeekKind() == 'n' {
		return dec.SkipValue()
	}
	var v struct {
		Code    code `json:"Code"`
		Message text `json:"Message"`
	}
	if err := json.UnmarshalDecode(dec, &v); err != nil {
		return err
	}
	e.set, e.Code, e.Message = true, v.Code, v.Message
	return nil
}

// wrapper is the API 3.0 Response wrapper.
type wrapper struct {
	present bool
	body    *rawBody // nil for null
}

func (w *wrapper) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if w.present {
		return errRepeated
	}
	*w = wrapper{present: true}
	if dec.PeekKind() == 'n' {
		return dec.SkipValue()
	}
	w.body = new(rawBody)
	return json.UnmarshalDecode(dec, w.body)
}

// maxTextValue is the longest JSON string, as written, that a support
// field keeps; a longer one is dropped unread. Every support text is cut
// far shorter for logs.
const maxTextValue = 4096

// readString reads the next value as a string: it returns false for any
// other type, or a string longer than maxTextValue as written.
func readString(dec *jsontext.Decoder) (string, bool, error) {
	if dec.PeekKind() != '"' {
		return "", false, dec.SkipValue()
	}
	v, err := dec.ReadValue()
	if err != nil || len(v) > maxTextValue {
		return "", false, err
	}
	s, err := jsontext.AppendUnquote(nil, v)
	return string(s), err == nil, err
}

// text is a support string: another type is dropped.
type text struct {
	present bool
	s       string
}

func (t *text) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if t.present {
		return errRepeated
	}
	*t = text{present: true}
	s, _, err := readString(dec)
	t.s = s
	return err
}

// number is a support number (a score): another type is dropped.
type number struct {
	present, set bool
	f            float64
}

func (n *number) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if n.present {
		return errRepeated
	}
	*n = number{present: true}
	if dec.PeekKind() != '0' {
		return dec.SkipValue()
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	f, err := tok.Float()
	n.set, n.f = err == nil, f
	return nil
}

// marker records that a field is present, and skips its value uncopied:
// a video or an image.
type marker bool

func (m *marker) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if *m {
		return errRepeated
	}
	*m = true
	return dec.SkipValue()
}

// eachElement calls f for each element of a JSON array. Another type is
// skipped when lenient, else an error.
func eachElement(dec *jsontext.Decoder, lenient bool, f func() error) error {
	switch k := dec.PeekKind(); {
	case k == 'n' || k != '[' && lenient:
		return dec.SkipValue()
	case k != '[':
		if _, err := dec.ReadValue(); err != nil {
			return err
		}
		return fmt.Errorf("a list of attempts is an array, not %v", k)
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for dec.PeekKind() != ']' {
		if err := f(); err != nil {
			return err
		}
	}
	_, err := dec.ReadToken() // ']', or the error PeekKind saw
	return err
}

// tagList is a support list of strings, at most MaxDetails of them:
// LivenessInfoTag. Elements of another type are dropped.
type tagList struct {
	present bool
	vals    []string
}

func (l *tagList) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return l.read(dec, func() (string, bool, error) { return readString(dec) })
}

// read reads a list, keeping at most MaxDetails of the strings that elem
// reads from its elements; elem reports false for an element it drops.
func (l *tagList) read(dec *jsontext.Decoder, elem func() (string, bool, error)) error {
	if l.present {
		return errRepeated
	}
	*l = tagList{present: true}
	return eachElement(dec, true, func() error {
		if len(l.vals) >= MaxDetails {
			return dec.SkipValue()
		}
		s, ok, err := elem()
		if ok {
			l.vals = append(l.vals, s)
		}
		return err
	})
}

// riskList is AI fake-face detection's AttackRiskDetailList: the Type of
// each entry, at most MaxDetails.
type riskList tagList

func (l *riskList) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return (*tagList)(l).read(dec, func() (string, bool, error) {
		if dec.PeekKind() != '{' {
			return "", false, dec.SkipValue()
		}
		var typ text
		err := eachMember(dec, func(name []byte) error {
			if string(name) == "Type" {
				return typ.UnmarshalJSONFrom(dec)
			}
			return dec.SkipValue()
		})
		return typ.s, typ.s != "", err
	})
}

// warnList is an OCR result's WarnCardInfos: integers, at most
// MaxDetails of them, kept as written in one buffer that a list of many
// OCR results reuses. Elements of another type are dropped.
type warnList struct {
	present bool
	raw     []byte // the numbers as written, one after another
	ends    []int  // where each number ends in raw
}

func (l *warnList) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if l.present {
		return errRepeated
	}
	l.present, l.raw, l.ends = true, l.raw[:0], l.ends[:0]
	return eachElement(dec, true, func() error {
		if len(l.ends) >= MaxDetails || dec.PeekKind() != '0' {
			return dec.SkipValue()
		}
		v, err := dec.ReadValue()
		if err == nil && len(v) <= 20 && !strings.ContainsAny(string(v), ".eE") {
			l.raw = append(l.raw, v...)
			l.ends = append(l.ends, len(l.raw))
		}
		return err
	})
}

// values returns the numbers.
func (l *warnList) values() []string {
	out := make([]string, len(l.ends))
	start := 0
	for i, end := range l.ends {
		out[i], start = string(l.raw[start:end]), end
	}
	return out
}

// cardList is a list of OCR results (CardVerifyResults, OCRResult): only
// the newest one's warnings are kept, as the service uses only it.
type cardList struct {
	present bool
	last    warnList
}

func (l *cardList) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if l.present {
		return errRepeated
	}
	l.present = true
	return eachElement(dec, true, func() error {
		l.last.present, l.last.raw, l.last.ends = false, l.last.raw[:0], l.last.ends[:0]
		if dec.PeekKind() != '{' {
			return dec.SkipValue()
		}
		return eachMember(dec, func(name []byte) error {
			if string(name) == "WarnCardInfos" {
				return l.last.UnmarshalJSONFrom(dec)
			}
			return dec.SkipValue()
		})
	})
}

// eachMember calls f with the name of each member of the JSON object that
// dec is at, f reading or skipping its value.
func eachMember(dec *jsontext.Decoder, f func(name []byte) error) error {
	if _, err := dec.ReadToken(); err != nil { // '{'
		return err
	}
	for dec.PeekKind() != '}' {
		name, err := dec.ReadValue()
		if err != nil {
			return err
		}
		unquoted := name[1 : len(name)-1]
		if bytes.IndexByte(unquoted, '\\') >= 0 {
			if unquoted, err = jsontext.AppendUnquote(nil, name); err != nil {
				return err
			}
		}
		if err := f(unquoted); err != nil {
			return err
		}
	}
	_, err := dec.ReadToken() // '}', or the error PeekKind saw
	return err
}

// attempts is a list of attempts, oldest first: each is decoded (their
// codes strictly, so a malformed attempt anywhere is a malformed body)
// and only the newest is kept.
type attempts[T any] struct {
	present bool
	n       int
	last    T
}

func (a *attempts[T]) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if a.present {
		return errRepeated
	}
	*a = attempts[T]{present: true}
	return eachElement(dec, false, func() error {
		var zero T
		a.last = zero
		a.n++
		return json.UnmarshalDecode(dec, &a.last)
	})
}
