package faceidmsg

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
)

// This file reads whole service responses: the JSON body an app's server
// receives from the result APIs that Response knows (the list is in
// Localizer.Response's doc), with or without the {"Response": ...} wrapper,
// and the legacy {code, message, codeDesc} shape. It decides which field
// holds the outcome, by the rules in decide, and fails closed: a body
// that does not clearly say success is never success.
//
// The JSON is read by a strict decoder (github.com/go-json-experiment/json,
// encoding/json/v2 from Go 1.27): names match case-sensitively and a
// repeated name of a field it reads is an error at every level. The
// fields it reads, and the rules that decide, are in response_fields.go.

// MaxResponseSize is the cap ReadResponse puts on a body: 32 MiB, far
// above a result that carries its video and best frame (H5
// VideoBase64, App SDK Video). Response itself has no cap: it reads
// whatever the caller hands it in time linear in its size, skipping the
// large values it does not need without copying them.
const MaxResponseSize = 32 << 20

// Errors of Response, for errors.Is. With each, the Resolution's Message
// is the generic text without a code (CategoryUnknown), never success.
var (
	// ErrNoCode: the body is one of the shapes Response reads, but
	// holds no result yet: a null H5 ErrorCode, an empty Result, a
	// missing field, or a legacy code 0 (the call went through, with no
	// result). The newest attempt may still be the Resolution's Cause.
	ErrNoCode = errors.New("faceidmsg: the response has no result code")
	// ErrUnsupportedShape: the body is well-formed but is the result of
	// an API that Response does not read: a numeric Result without the
	// App SDK result's fields (phone, bank card and ID number checks,
	// where "0" is not a verification), the mainland result APIs
	// (Text.ErrCode), AI fake-face detection. Its Details may still say
	// something to support.
	ErrUnsupportedShape = errors.New("faceidmsg: the response is of an API that is not read")
	// ErrMalformedResponse: the body is not JSON (invalid syntax,
	// invalid UTF-8, a name repeated in one object), a code field has a
	// type no API gives it, or its deciding fields contradict each other
	// or say success where only a failure can stand.
	ErrMalformedResponse = errors.New("faceidmsg: malformed response")
	// ErrResponseTooLarge: ReadResponse's body is over its cap.
	ErrResponseTooLarge = errors.New("faceidmsg: response too large")
)

// Source says which field of a body decided its Resolution.
type Source string

const (
	// SourceNone: no field decided; Response returned an error.
	SourceNone Source = ""
	// SourceAPIError: the call itself failed: Response.Error.Code, or
	// the legacy shape's code. On a result API (GetWebVerificationResultIntl,
	// GetFaceIdResultIntl, GetSdkVerificationResult) this is the fetch
	// that failed, not the verification, which may be complete: the
	// app's server retries the call before it asks the person for
	// anything.
	SourceAPIError Source = "api_error"
	// SourceResult: the result code of a compare API (Result, a string
	// such as "Success") or of an App SDK result API (Result, a number
	// written as a string).
	SourceResult Source = "result"
	// SourceErrorCode: the H5 flow's ErrorCode.
	SourceErrorCode Source = "error_code"
)

// Resolution is what a raw service response means for the app.
type Resolution struct {
	// Message is the result, in the Localizer's language: what the
	// deciding field says (see Source), or the generic text without a
	// code when Response returns an error. Only its Category says
	// whether the verification passed.
	Message Message
	// Source is the field that decided Message.
	Source Source
	// Cause is the newest attempt's own code, when the attempts say more
	// than Message: the H5 flow's VerificationDetailList and the App
	// SDK's CompareResults, where a generic or final code (16, "too many
	// attempts") stands above the reason of the last try, or where there
	// is no result yet (a null ErrorCode, an empty Result). It is never
	// the result: under a result that may not be retried it is not
	// retryable and has no hint, since the person cannot act on it. Nil
	// otherwise.
	Cause *Message
	// Similarity is the face comparison's score, 0 to 100, where the
	// body has one for the deciding result: a compare API's Sim, the
	// newest H5 attempt's Similarity, the newest App SDK CompareResults
	// entry's Sim or else GetFaceIdResultIntl's Similarity. The service
	// passes a comparison at 70 (a false acceptance rate of 0.1%); an
	// app with a stricter policy (80 is 0.01%) checks it here. Nil when
	// absent. It means nothing in a liveness-only flow, where the
	// service writes 0.
	Similarity *float64
	// RequestID is the service's RequestId, for support, made safe for
	// logs like an unknown code.
	RequestID string
	// Details are support details of the body, at most MaxDetails: the
	// newest attempt's liveness tags, the newest OCR result's warnings,
	// CheckIdCardInformation's Warnings, the device risk level, AI
	// fake-face detection's risk. For logs and support staff only, never
	// for the person: they tell an attacker which signal caught them.
	Details []SupportDetail
	// ServiceText is the service's own Message, ErrorMsg or Description
	// for the result, for support. It follows the caller's X-TC-Language
	// and can be Chinese: never a key, never for the person.
	ServiceText string
}

// MaxDetails caps the support details of one Resolution, however long
// the body's lists are.
const MaxDetails = 32

// SupportDetail is one support detail of a response: its kind, the value
// as the service wrote it (made safe for logs) and the service's English
// for it ("" when the value is not in the catalogue).
type SupportDetail struct {
	Kind  DetailKind
	Value string
	Text  string
}

// String formats the detail for a log line: "h5-liveness-tag 03:
// Suspected rephotography attack".
func (d SupportDetail) String() string {
	t := d.Text
	if t == "" {
		t = "(not in the catalogue)"
	}
	return string(d.Kind) + " " + d.Value + ": " + t
}

// ReadResponse reads a response body from r, at most MaxResponseSize
// bytes; see ReadResponseLimit.
func ReadResponse(r io.Reader) ([]byte, error) {
	return ReadResponseLimit(r, MaxResponseSize)
}

// ReadResponseLimit reads a response body from r, at most max bytes. A
// longer body is an error wrapping ErrResponseTooLarge, read no further
// than one byte past the cap. Memory grows with what r delivers, not with
// the cap; when r knows its size (a regular *os.File, a *bytes.Reader) the
// body is read into one buffer of that size.
func ReadResponseLimit(r io.Reader, max int64) ([]byte, error) {
	lr := io.LimitReader(r, max+1)
	var body []byte
	var err error
	if n := sizeHint(r); n > 0 {
		buf := bytes.NewBuffer(make([]byte, 0, min(n, max+1)+bytes.MinRead))
		_, err = buf.ReadFrom(lr)
		body = buf.Bytes()
	} else {
		body, err = io.ReadAll(lr) // grows by about a quarter at a time
	}
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrResponseTooLarge, max)
	}
	return body, nil
}

// sizeHint returns how many bytes r says it holds, or 0 when it does not
// say. It is only a hint: the cap is applied to what is read.
func sizeHint(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Len() int }:
		return int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}

// Response maps a raw response body to its messages in the Localizer's
// language. It reads these APIs' results, wrapped in {"Response": ...} or
// not:
//   - every API's failed call: Response.Error.Code, and the legacy shape
//     {"code": 4000, "codeDesc": "InvalidParameter"};
//   - the compare APIs (CompareFaceLiveness, LivenessCompare,
//     VideoLivenessCompare, DetectReflectLivenessAndCompare,
//     GetLivenessResult, CheckIdCardInformation): Result, a string;
//   - the H5 flow's GetWebVerificationResultIntl: ErrorCode, a number or
//     null, and its VerificationDetailList;
//   - the App SDK results, GetFaceIdResultIntl and
//     GetSdkVerificationResult: Result, a number written as a string,
//     with the fields only those APIs have (CompareResults, DeviceInfoLevel,
//     LivenessInfoTag, Similarity, …).
//
// It fails closed. A code from Error or the legacy shape is never
// success; an Error object, even empty, is a failed call; two deciding
// fields in one body (Result and ErrorCode, legacy beside API 3.0 fields,
// fields beside the wrapper) are malformed; a numeric Result without the
// App SDK's fields is ErrUnsupportedShape. Support fields of an unexpected
// type are dropped, never the decision.
//
// The error wraps ErrNoCode, ErrUnsupportedShape or ErrMalformedResponse
// when there is no result to show, and ErrUnknownCode when the code is not
// in the catalogue; the Resolution always has a Message to show. Response
// never modifies body and keeps no reference to it.
func (l *Localizer) Response(body []byte) (Resolution, error) {
	var doc rawTop
	if err := json.Unmarshal(body, &doc, decodeOptions); err != nil {
		return Resolution{Message: l.Generic()}, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	d, err := decide(&doc)
	var res Resolution
	if err == nil {
		res.Message, err = l.Lookup(d.ns, d.code)
		res.Source = d.src
		if d.src == SourceAPIError && res.Message.Category == CategorySuccess {
			res.Source = ""
			err = fmt.Errorf("%w: a failed call's code %q is a success code", ErrMalformedResponse, res.Message.Code)
		}
	}
	if res.Source == "" {
		res.Message = l.Generic()
	}
	b := d.body
	if b == nil {
		return res, err
	}
	res.RequestID = logCode(b.RequestID.s)
	res.Details = b.details()
	if res.Source != "" {
		res.ServiceText = supportText(d.text)
	}
	if res.Source == SourceResult || res.Source == SourceErrorCode {
		res.Similarity = b.similarity(d.ns)
	}
	if res.Source != "" && needsCause(res.Message.Category) || errors.Is(err, ErrNoCode) {
		if ns, code, ok := b.cause(d.ns); ok && !(ns == d.ns && code == d.code) {
			m, _ := l.Lookup(ns, code)
			if !res.Message.Retryable {
				// Never more hopeful than the result.
				m.Retryable, m.Hint, m.HintLang = false, "", m.Lang
			}
			res.Cause = &m
		}
	}
	return res, err
}

// needsCause reports whether a result is generic or final enough that the
// newest attempt may say more: the session ended (16, 17, -999), the
// service failed (1001) or the code is unknown.
func needsCause(c Category) bool {
	return c == CategoryEnded || c == CategoryTemporary || c == CategoryUnknown
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
