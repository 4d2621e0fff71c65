package faceidmsg

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
)

// TestResponse reads realistic bodies of every API, and every rule of
// Response: which field wins, null and "" are no code, the newest attempt
// is the cause, the legacy shape, malformed and oversized bodies.
func TestResponse(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	type want struct {
		ns       Namespace
		code     string
		cause    string // "ns code", or "" for none
		err      error
		category Category
	}
	tests := []struct {
		name string
		body string
		want want
	}{
		// H5: GetWebVerificationResultIntl.
		{"H5 success", `{"Response":{"ErrorCode":0,"ErrorMsg":"成功","VerificationDetailList":[{"ErrorCode":0,"LivenessErrorCode":0,"CompareErrorCode":0}],"RequestId":"a1"}}`,
			want{SaaS, "0", "", nil, CategorySuccess}},
		{"H5 null ErrorCode is no code, not success", `{"Response":{"ErrorCode":null,"ErrorMsg":null,"RequestId":"a2"}}`,
			want{"", "", "", ErrNoCode, CategoryUnknown}},
		{"H5 missing ErrorCode is no code", `{"Response":{"RequestId":"a3"}}`,
			want{"", "", "", ErrNoCode, CategoryUnknown}},
		{"H5 too many attempts, the newest says why", `{"Response":{"ErrorCode":16,"ErrorMsg":"x","VerificationDetailList":[
			{"ErrorCode":1201,"LivenessErrorCode":1201,"CompareErrorCode":null},
			{"ErrorCode":1004,"LivenessErrorCode":1004,"CompareErrorCode":null},
			{"ErrorCode":2016,"LivenessErrorCode":0,"CompareErrorCode":2016,"LivenessInfoTag":["03"]}],"RequestId":"a4"}}`,
			want{SaaS, "16", "saas 2016", nil, CategoryEnded}},
		{"H5 attempt's own result first", `{"Response":{"ErrorCode":17,"VerificationDetailList":[{"ErrorCode":1001,"LivenessErrorCode":1202,"CompareErrorCode":null}]}}`,
			want{SaaS, "17", "saas 1001", nil, CategoryEnded}},
		{"H5 attempt's stage code when its result is 0", `{"Response":{"ErrorCode":17,"VerificationDetailList":[{"ErrorCode":0,"LivenessErrorCode":1202}]}}`,
			want{SaaS, "17", "saas 1202", nil, CategoryEnded}},
		{"no cause for a specific result", `{"Response":{"ErrorCode":2016,"VerificationDetailList":[{"ErrorCode":2016,"LivenessErrorCode":1001,"CompareErrorCode":2016}]}}`,
			want{SaaS, "2016", "", nil, CategoryRejected}},
		{"no cause for a failed call", `{"Response":{"Error":{"Code":"InternalError"},"VerificationDetailList":[{"ErrorCode":1201}]}}`,
			want{PaaS, "InternalError", "", nil, CategoryTemporary}},
		{"no App SDK cause for a PaaS result", `{"Response":{"Result":"FailedOperation.UnKnown","CompareResults":[{"ErrorCode":"1201"}]}}`,
			want{PaaS, "FailedOperation.UnKnown", "", nil, CategoryTemporary}},
		{"H5 cause equal to the result is no cause", `{"Response":{"ErrorCode":1201,"VerificationDetailList":[{"ErrorCode":1201,"LivenessErrorCode":1201}]}}`,
			want{SaaS, "1201", "", nil, CategoryUserAction}},
		{"H5 1409 (2026)", `{"Response":{"ErrorCode":1409}}`, want{SaaS, "1409", "", nil, CategoryEnded}},
		{"H5 unknown number", `{"Response":{"ErrorCode":1999}}`, want{SaaS, "1999", "", ErrUnknownCode, CategoryUnknown}},
		{"H5 number as a string", `{"Response":{"ErrorCode":"1201"}}`, want{SaaS, "1201", "", nil, CategoryUserAction}},
		// Compare APIs: Result is a string.
		{"compare success", `{"Response":{"Result":"Success","Description":"成功","Sim":100,"RequestId":"b1"}}`, want{PaaS, "Success", "", nil, CategorySuccess}},
		{"compare low similarity", `{"Response":{"Result":"FailedOperation.CompareLowSimilarity","Description":"The comparison similarity did not reach the passing standard.","Sim":9.21}}`,
			want{PaaS, "FailedOperation.CompareLowSimilarity", "", nil, CategoryRejected}},
		{"compare action code", `{"Response":{"Result":"FailedOperation.ActionFirstAction","Description":"The first motion is not detected.","Sim":0}}`,
			want{PaaS, "FailedOperation.ActionFirstAction", "", nil, CategoryUserAction}},
		{"empty Result is no code", `{"Response":{"Result":"","RequestId":"b2"}}`, want{"", "", "", ErrNoCode, CategoryUnknown}},
		// A failed call: Error.Code wins over everything.
		{"call error", `{"Response":{"Error":{"Code":"FailedOperation.ImageDecodeFailed","Message":"Image decoding failed."},"RequestId":"0e77ad29"}}`,
			want{PaaS, "FailedOperation.ImageDecodeFailed", "", nil, CategoryIntegration}},
		{"call error wins over Result", `{"Response":{"Error":{"Code":"InvalidParameterValue.BizTokenExpired","Message":"BizToken expired."},"Result":"Success"}}`,
			want{PaaS, "InvalidParameterValue.BizTokenExpired", "", nil, CategoryEnded}},
		{"escaped quotes and backslashes in skipped values", `{"Response":{"ErrorMsg":"a\\\"b\\","x":["\"]",{"y":"\\\\"}],"ErrorCode":1201}}`, want{SaaS, "1201", "", nil, CategoryUserAction}},
		{"empty Error.Code is no error", `{"Response":{"Error":{"Code":"","Message":""},"ErrorCode":0}}`, want{SaaS, "0", "", nil, CategorySuccess}},
		// App SDK: GetFaceIdResultIntl and GetSdkVerificationResult.
		{"App SDK success", `{"Response":{"Result":"0","Description":"Success","Similarity":0,"LivenessInfoTag":null,"DeviceInfoLevel":""}}`,
			want{AppSDK, "0", "", nil, CategorySuccess}},
		{"App SDK -999", `{"Response":{"Result":"-999","Description":"The verification process wasn't finished."}}`, want{AppSDK, "-999", "", nil, CategoryEnded}},
		{"App SDK 1201 is its own", `{"Response":{"Result":"1201"}}`, want{AppSDK, "1201", "", nil, CategoryUserAction}},
		{"App SDK final attempt, empty stage not run", `{"Response":{"Result":"1001","CompareResults":[{"ErrorCode":"1001","LiveErrorCode":"1001","CompareErrorCode":""}],"ChargeCount":4}}`,
			want{AppSDK, "1001", "", nil, CategoryTemporary}},
		{"App SDK generic over a specific attempt", `{"Response":{"Result":"-999","CompareResults":[{"ErrorCode":"2013","LiveErrorCode":"0","CompareErrorCode":"2013"},{"ErrorCode":"1201","LiveErrorCode":"1201","CompareErrorCode":null}]}}`,
			want{AppSDK, "-999", "appsdk 1201", nil, CategoryEnded}},
		// No wrapper, and the legacy shape.
		{"no wrapper", `{"ErrorCode":1203,"RequestId":"c1"}`, want{SaaS, "1203", "", nil, CategoryUserAction}},
		{"legacy error", `{"code":4000,"message":"x","codeDesc":"InvalidParameter"}`, want{PaaS, "InvalidParameter", "", nil, CategoryIntegration}},
		{"legacy code 0 is no result", `{"code":0,"message":"","codeDesc":"Success"}`, want{"", "", "", ErrNoCode, CategoryUnknown}},
		{"a legacy failure wins over a Result", `{"code":4000,"codeDesc":"InvalidParameter","Result":"Success"}`, want{PaaS, "InvalidParameter", "", nil, CategoryIntegration}},
		{"a legacy failure beside a wrapper", `{"Response":{"ErrorCode":0},"code":4000,"codeDesc":"AuthFailure.SignatureExpire"}`, want{PaaS, "AuthFailure.SignatureExpire", "", nil, CategoryIntegration}},
		// Keys the service never writes so: failed closed, never success.
		{"a key in another case", `{"Response":{"ErrorCode":1201,"errorcode":0}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"a key only in another case", `{"Response":{"errorcode":0}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"a repeated key", `{"Response":{"ErrorCode":1201,"ErrorCode":0}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"an escaped repeated key", `{"Response":{"ErrorCode":1201,"\u0045rrorCode":0}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"a repeat spelt with a long s", `{"Response":{"Result":"-1","Reſult":"0"}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"an escaped long s", `{"Result":"-1","Re\u017fult":"0"}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"a repeat after escaped quotes and backslashes", `{"Response":{"ErrorMsg":"a\\\"b\\","x":["\"]",{"y":"\\\\"}],"ErrorCode":1201,"errorcode":0}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"a lower-case error erasing the failure", `{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire"},"error":null,"Result":"Success"}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"a repeated key inside Error", `{"Response":{"Error":{"Code":"InternalError","code":""}}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"fields beside a wrapper", `{"Response":null,"Result":"Success"}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"a wrapper in another case", `{"response":{"ErrorCode":0}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"unknown keys in any case are ignored", `{"Response":{"ErrorCode":1203,"Sim":1,"sim":2,"Extra":"x"}}`, want{SaaS, "1203", "", nil, CategoryUserAction}},
		// Bodies that are not a response.
		{"not JSON", `<html>502</html>`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"truncated", `{"Response":{"ErrorCode":12`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"code of another type", `{"Response":{"ErrorCode":true}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"fractional code", `{"Response":{"ErrorCode":0.5}}`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"an array", `[0]`, want{"", "", "", ErrMalformedResponse, CategoryUnknown}},
		{"empty object", `{}`, want{"", "", "", ErrNoCode, CategoryUnknown}},
		{"null", `null`, want{"", "", "", ErrNoCode, CategoryUnknown}},
		{"oversized", `{"Response":{"ErrorCode":0,"Pad":"` + strings.Repeat("x", MaxResponseSize) + `"}}`, want{"", "", "", ErrResponseTooLarge, CategoryUnknown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loc.Response([]byte(tt.body))
			if tt.want.err == nil && err != nil || tt.want.err != nil && !errors.Is(err, tt.want.err) {
				t.Fatalf("err = %v; want %v", err, tt.want.err)
			}
			m := res.Message
			if m.Text == "" || m.Category != tt.want.category {
				t.Errorf("Message = %+v; want category %s and a text", m, tt.want.category)
			}
			if tt.want.ns != "" && (m.Namespace != tt.want.ns || m.Code != tt.want.code) {
				t.Errorf("Message is %s %s; want %s %s", m.Namespace, m.Code, tt.want.ns, tt.want.code)
			}
			if tt.want.ns != "" && tt.want.err == nil {
				direct, _ := loc.Lookup(tt.want.ns, tt.want.code)
				if m != direct {
					t.Errorf("Message = %+v; Lookup gives %+v", m, direct)
				}
			}
			cause := ""
			if res.Cause != nil {
				cause = string(res.Cause.Namespace) + " " + res.Cause.Code
			}
			if cause != tt.want.cause {
				t.Errorf("Cause = %q; want %q", cause, tt.want.cause)
			}
		})
	}
}

// TestResponseDetails: the request ID and the support details, made safe
// for logs.
func TestResponseDetails(t *testing.T) {
	loc := newBundle(t).Localizer("th")
	res, err := loc.Response([]byte(`{"Response":{"ErrorCode":16,"ErrorMsg":"太多次\u202e","RequestId":"5d3a\u0000x",
		"VerificationDetailList":[{"ErrorCode":1002,"LivenessErrorCode":1002,"LivenessInfoTag":["01","03","99"]}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"h5-liveness-tag 01: User eyes closed throughout", "h5-liveness-tag 03: Suspected rephotography attack", "h5-liveness-tag 99: (not in the catalogue)"}
	if strings.Join(res.Details, "|") != strings.Join(want, "|") {
		t.Errorf("Details = %q; want %q", res.Details, want)
	}
	if res.RequestID != `5d3a\u0000x` {
		t.Errorf("RequestID = %q; want it escaped", res.RequestID)
	}
	if res.ServiceText != "太多次" {
		t.Errorf("ServiceText = %q; want the service's text without the RLO", res.ServiceText)
	}
	if res.Message.Lang.String() != "th" || res.Cause == nil || res.Cause.Code != "1002" || res.Cause.Lang.String() != "th" {
		t.Errorf("Message %+v, Cause %+v; want both in Thai, the cause 1002", res.Message, res.Cause)
	}
}

// TestResponseLongAttempts: only the newest attempt is decoded, so a body
// of a million attempts costs memory of the order of the body, not more.
func TestResponseLongAttempts(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	for _, list := range []string{"VerificationDetailList", "CompareResults"} {
		head := `{"Response":{"ErrorCode":16,"` + list + `":[`
		n := (MaxResponseSize - len(head) - 40) / 3
		body := head + strings.Repeat("{},", n) + `{"ErrorCode":1201}]}}`
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res, err := loc.Response([]byte(body))
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*MaxResponseSize {
			t.Errorf("%s: Response allocated %d MiB for a %d KiB body", list, alloc>>20, len(body)>>10)
		}
		if list == "VerificationDetailList" && (res.Cause == nil || res.Cause.Code != "1201") {
			t.Errorf("%s: cause %+v; want the newest attempt, 1201", list, res.Cause)
		}
	}
}

// TestResponseOCRWarnings: an App SDK card result's warnings and the H5
// OCR result's are support details.
func TestResponseOCRWarnings(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	res, _ := loc.Response([]byte(`{"Response":{"Result":"0","CardVerifyResults":[{"WarnCardInfos":[-9101]},{"WarnCardInfos":[-9102]}]}}`))
	if strings.Join(res.Details, "|") != "ocr-warning -9102: Alarm for photocopied certificate" {
		t.Errorf("Details = %q", res.Details)
	}
	res, _ = loc.Response([]byte(`{"Response":{"ErrorCode":0,"OCRResult":[{"WarnCardInfos":[9103]}]}}`))
	if strings.Join(res.Details, "|") != "ocr-warning 9103: Alarm for photographed (rephotographed) certificate" {
		t.Errorf("Details = %q", res.Details)
	}
}

// TestReadResponse reads no further than one byte past the cap.
func TestReadResponse(t *testing.T) {
	body, err := ReadResponse(strings.NewReader(`{"ErrorCode":0}`))
	if err != nil || string(body) != `{"ErrorCode":0}` {
		t.Fatalf("ReadResponse = %q, %v", body, err)
	}
	r := &countingReader{r: bytes.NewReader(make([]byte, 3*MaxResponseSize))}
	if _, err := ReadResponse(r); !errors.Is(err, ErrResponseTooLarge) {
		t.Fatalf("err = %v; want ErrResponseTooLarge", err)
	}
	if r.n > MaxResponseSize+1 {
		t.Errorf("read %d bytes; want at most %d", r.n, MaxResponseSize+1)
	}
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestLowerFolds: keys fold as encoding/json matches them: ASCII
// letters, and the two non-ASCII characters that fold to one ("ſ", and
// the Kelvin sign); no other character (İ matches no ASCII letter).
func TestLowerFolds(t *testing.T) {
	var buf [32]byte
	for _, tt := range []struct{ in, want string }{
		{"ErrorCode", "errorcode"},
		{"Re\u017fult", "result"},
		{"\u212aey", "key"},
		{"Request\u0130D", "request\u0130d"},
		{strings.Repeat("A", 33), strings.Repeat("A", 33)},                  // too long to be a field: as it is
		{"\u017f" + strings.Repeat("A", 31), "s" + strings.Repeat("a", 31)}, // 33 bytes that fold to 32
	} {
		if got := string(lower(&buf, []byte(tt.in))); got != tt.want {
			t.Errorf("lower(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
