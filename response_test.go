package faceidmsg

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// outcome is what a test expects of Response: the deciding field and
// code, the cause ("ns code", or ""), and the error.
type outcome struct {
	src   Source
	ns    Namespace
	code  string
	cause string
	err   error
}

// checkOutcome runs Response on body and reports how it differs from
// want. Every body gets a Message with a text; a body with an error gets
// the generic one, never success.
func checkOutcome(t *testing.T, loc *Localizer, body string, want outcome) Resolution {
	t.Helper()
	res, err := loc.Response([]byte(body))
	if want.err == nil && err != nil || want.err != nil && !errors.Is(err, want.err) {
		t.Fatalf("err = %v; want %v", err, want.err)
	}
	m := res.Message
	if m.Text == "" {
		t.Errorf("Message %+v has no text", m)
	}
	if res.Source != want.src {
		t.Errorf("Source = %q; want %q", res.Source, want.src)
	}
	if want.src != SourceNone {
		direct, _ := loc.Lookup(want.ns, want.code)
		if m != direct {
			t.Errorf("Message = %s:%s %+v; Lookup(%s, %s) gives %+v", m.Namespace, m.Code, m, want.ns, want.code, direct)
		}
	} else if m.Category != CategoryUnknown || m.MessageID != hiddenMessageID {
		t.Errorf("Message = %+v; want the generic text", m)
	}
	cause := ""
	if res.Cause != nil {
		cause = string(res.Cause.Namespace) + " " + res.Cause.Code
	}
	if cause != want.cause {
		t.Errorf("Cause = %q; want %q", cause, want.cause)
	}
	return res
}

// TestResponse reads bodies of every API, and every rule of Response:
// which field decides, null and "" are no code, the newest attempt is the
// cause, the legacy shape, and the shapes that fail closed.
func TestResponse(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	ok := func(src Source, ns Namespace, code, cause string) outcome { return outcome{src, ns, code, cause, nil} }
	fails := func(err error) outcome { return outcome{err: err} }
	tests := []struct {
		name string
		body string
		want outcome
	}{
		// H5: GetWebVerificationResultIntl.
		{"success", `{"Response":{"ErrorCode":0,"ErrorMsg":"成功","VerificationDetailList":[{"ErrorCode":0,"LivenessErrorCode":0,"CompareErrorCode":0}],"RequestId":"a1"}}`,
			ok(SourceErrorCode, SaaS, "0", "")},
		{"null ErrorCode is no code, not success", `{"Response":{"ErrorCode":null,"ErrorMsg":null,"RequestId":"a2"}}`, fails(ErrNoCode)},
		{"missing ErrorCode is no code", `{"Response":{"RequestId":"a3"}}`, fails(ErrNoCode)},
		{"null ErrorCode: the newest attempt is the cause, never the result", `{"Response":{"ErrorCode":null,"VerificationDetailList":[{"ErrorCode":2016}]}}`,
			outcome{cause: "saas 2016", err: ErrNoCode}},
		{"null ErrorCode, newest attempt passed: no cause", `{"Response":{"ErrorCode":null,"VerificationDetailList":[{"ErrorCode":0,"LivenessErrorCode":0}]}}`, fails(ErrNoCode)},
		{"too many attempts, the newest says why", `{"Response":{"ErrorCode":16,"ErrorMsg":"x","VerificationDetailList":[
			{"ErrorCode":1201,"LivenessErrorCode":1201,"CompareErrorCode":null},
			{"ErrorCode":1004,"LivenessErrorCode":1004,"CompareErrorCode":null},
			{"ErrorCode":2016,"LivenessErrorCode":0,"CompareErrorCode":2016,"LivenessInfoTag":["03"]}],"RequestId":"a4"}}`,
			ok(SourceErrorCode, SaaS, "16", "saas 2016")},
		{"attempt's own result first", `{"Response":{"ErrorCode":17,"VerificationDetailList":[{"ErrorCode":1001,"LivenessErrorCode":1202,"CompareErrorCode":null}]}}`,
			ok(SourceErrorCode, SaaS, "17", "saas 1001")},
		{"attempt's stage code when its result is 0", `{"Response":{"ErrorCode":17,"VerificationDetailList":[{"ErrorCode":0,"LivenessErrorCode":1202}]}}`,
			ok(SourceErrorCode, SaaS, "17", "saas 1202")},
		{"no cause for a specific result", `{"Response":{"ErrorCode":2016,"VerificationDetailList":[{"ErrorCode":2016,"LivenessErrorCode":1001,"CompareErrorCode":2016}]}}`,
			ok(SourceErrorCode, SaaS, "2016", "")},
		{"no cause for a failed call", `{"Response":{"Error":{"Code":"InternalError"},"VerificationDetailList":[{"ErrorCode":1201}]}}`,
			ok(SourceAPIError, PaaS, "InternalError", "")},
		{"cause equal to the result is no cause", `{"Response":{"ErrorCode":1201,"VerificationDetailList":[{"ErrorCode":1201,"LivenessErrorCode":1201}]}}`,
			ok(SourceErrorCode, SaaS, "1201", "")},
		{"1409 (2026)", `{"Response":{"ErrorCode":1409}}`, ok(SourceErrorCode, SaaS, "1409", "")},
		{"unknown number", `{"Response":{"ErrorCode":1999}}`, outcome{SourceErrorCode, SaaS, "1999", "", ErrUnknownCode}},
		{"number as a string", `{"Response":{"ErrorCode":"1201"}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"attempt keys are exact: another case is another field", `{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":1201,"errorcode":2016}]}}`,
			ok(SourceErrorCode, SaaS, "16", "saas 1201")},
		{"attempt with a repeated name", `{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":1201,"ErrorCode":0}]}}`, fails(ErrMalformedResponse)},
		{"an older attempt with a code of another type", `{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":true},{"ErrorCode":1201}]}}`, fails(ErrMalformedResponse)},
		{"attempts that are not a list", `{"Response":{"ErrorCode":16,"VerificationDetailList":{"ErrorCode":1201}}}`, fails(ErrMalformedResponse)},
		// Compare APIs: Result is a string.
		{"compare success", `{"Response":{"Result":"Success","Description":"成功","Sim":100,"RequestId":"b1"}}`, ok(SourceResult, PaaS, "Success", "")},
		{"compare low similarity", `{"Response":{"Result":"FailedOperation.CompareLowSimilarity","Description":"The comparison similarity did not reach the passing standard.","Sim":9.21}}`,
			ok(SourceResult, PaaS, "FailedOperation.CompareLowSimilarity", "")},
		{"empty Result is no code", `{"Response":{"Result":"","RequestId":"b2"}}`, fails(ErrNoCode)},
		{"no App SDK cause for a PaaS result", `{"Response":{"Result":"FailedOperation.UnKnown","VerificationDetailList":[{"ErrorCode":1201}]}}`,
			ok(SourceResult, PaaS, "FailedOperation.UnKnown", "")},
		// A failed call: Error wins over everything, and is never success.
		{"call error", `{"Response":{"Error":{"Code":"FailedOperation.ImageDecodeFailed","Message":"Image decoding failed."},"RequestId":"0e77ad29"}}`,
			ok(SourceAPIError, PaaS, "FailedOperation.ImageDecodeFailed", "")},
		{"call error wins over Result", `{"Response":{"Error":{"Code":"InvalidParameterValue.BizTokenExpired","Message":"BizToken expired."},"Result":"Success"}}`,
			ok(SourceAPIError, PaaS, "InvalidParameterValue.BizTokenExpired", "")},
		{"Error.Code Success is no success", `{"Response":{"Error":{"Code":"Success","Message":"denied"},"ErrorCode":1201}}`, fails(ErrMalformedResponse)},
		{"Error.Code Success unwrapped", `{"Error":{"Code":"Success"},"Result":"FailedOperation.CompareLowSimilarity"}`, fails(ErrMalformedResponse)},
		{"an empty Error is a failed call", `{"Response":{"Error":{},"ErrorCode":0}}`, fails(ErrMalformedResponse)},
		{"an Error with an empty Code is a failed call", `{"Response":{"Error":{"Code":"","Message":"AuthFailure"},"ErrorCode":0}}`, fails(ErrMalformedResponse)},
		{"an Error with a numeric Code", `{"Response":{"Error":{"Code":4000},"ErrorCode":0}}`, fails(ErrMalformedResponse)},
		{"Error null is no error, as the SDK reads it", `{"Response":{"Error":null,"ErrorCode":1201}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"a repeated key inside Error", `{"Response":{"Error":{"Code":"InternalError","Code":""}}}`, fails(ErrMalformedResponse)},
		// Two deciding fields that disagree.
		{"Result beside ErrorCode", `{"Response":{"ErrorCode":1201,"ErrorMsg":"light too dim","Result":"Success","RequestId":"r"}}`, fails(ErrMalformedResponse)},
		{"App SDK Result beside ErrorCode", `{"Response":{"ErrorCode":2016,"Result":"0","DeviceInfoLevel":""}}`, fails(ErrMalformedResponse)},
		{"numeric Result beside ErrorCode", `{"Response":{"ErrorCode":2016,"Result":0}}`, fails(ErrMalformedResponse)},
		// App SDK: GetFaceIdResultIntl and GetSdkVerificationResult.
		{"App SDK success", `{"Response":{"Result":"0","Description":"Success","Similarity":0,"LivenessInfoTag":null,"DeviceInfoLevel":""}}`,
			ok(SourceResult, AppSDK, "0", "")},
		{"App SDK -999", `{"Response":{"Result":"-999","Description":"The verification process wasn't finished.","BestFrame":null,"Video":null,"Similarity":0,"DeviceInfoLevel":""}}`,
			ok(SourceResult, AppSDK, "-999", "")},
		{"App SDK 1201 is its own", `{"Response":{"Result":"1201","Similarity":0}}`, ok(SourceResult, AppSDK, "1201", "")},
		{"App SDK number as a number", `{"Response":{"Result":1201,"DeviceInfoLevel":"2"}}`, ok(SourceResult, AppSDK, "1201", "")},
		{"App SDK final attempt, empty stage not run", `{"Response":{"Result":"1001","CompareResults":[{"ErrorCode":"1001","LiveErrorCode":"1001","CompareErrorCode":""}],"ChargeCount":4}}`,
			ok(SourceResult, AppSDK, "1001", "")},
		{"App SDK generic over a specific attempt", `{"Response":{"Result":"-999","CompareResults":[{"ErrorCode":"2013","LiveErrorCode":"0","CompareErrorCode":"2013"},{"ErrorCode":"1201","LiveErrorCode":"1201","CompareErrorCode":null}]}}`,
			ok(SourceResult, AppSDK, "-999", "appsdk 1201")},
		{"App SDK empty Result: the newest attempt is the cause", `{"Response":{"Result":"","CompareResults":[{"ErrorCode":"2015"}]}}`,
			outcome{cause: "appsdk 2015", err: ErrNoCode}},
		{"App SDK attempt keys are exact", `{"Response":{"Result":"1001","CompareResults":[{"liveerrorcode":"1201"}]}}`, ok(SourceResult, AppSDK, "1001", "")},
		{"App SDK attempt with a case variant beside", `{"Response":{"Result":"-999","CompareResults":[{"ErrorCode":"1201","errorCode":"0"}]}}`,
			ok(SourceResult, AppSDK, "-999", "appsdk 1201")},
		// Other APIs' numeric results are not the App SDK's.
		{"phone lookup 0 is not a verification", `{"Response":{"Result":"0","Description":"成功","Range":"(0,3]","RequestId":"e1"}}`, fails(ErrUnsupportedShape)},
		{"bank card -1", `{"Response":{"Result":"-1","Description":"认证未通过"}}`, fails(ErrUnsupportedShape)},
		{"numeric Result as a number, no App SDK fields", `{"Response":{"Result":0}}`, fails(ErrUnsupportedShape)},
		{"a compare Result beside App SDK fields", `{"Response":{"Result":"Success","CompareResults":[]}}`, fails(ErrUnsupportedShape)},
		{"mainland result", `{"Response":{"Text":{"ErrCode":0,"ErrMsg":"成功"},"RequestId":"f1"}}`, fails(ErrUnsupportedShape)},
		{"AI fake-face detection", `{"Response":{"AttackRiskLevel":"Low","AttackRiskDetailList":[],"RequestId":"f2"}}`, fails(ErrUnsupportedShape)},
		// No wrapper, and the legacy shape.
		{"no wrapper", `{"ErrorCode":1203,"RequestId":"c1"}`, ok(SourceErrorCode, SaaS, "1203", "")},
		{"legacy error", `{"code":4000,"message":"x","codeDesc":"InvalidParameter"}`, ok(SourceAPIError, PaaS, "InvalidParameter", "")},
		{"legacy error without codeDesc", `{"code":4000}`, outcome{SourceAPIError, PaaS, "4000", "", ErrUnknownCode}},
		{"legacy code 0 is no result", `{"code":0,"message":"","codeDesc":"Success"}`, fails(ErrNoCode)},
		{"legacy code -0 is 0", `{"code":-0,"codeDesc":"InvalidParameter"}`, fails(ErrNoCode)},
		{"legacy code as a string", `{"code":"Success"}`, fails(ErrMalformedResponse)},
		{"legacy codeDesc Success", `{"code":4000,"codeDesc":"Success"}`, fails(ErrMalformedResponse)},
		{"legacy beside a wrapper", `{"Response":{"ErrorCode":1201,"RequestId":"r"},"code":"Success"}`, fails(ErrMalformedResponse)},
		{"legacy integer beside a wrapper", `{"Response":{"ErrorCode":0},"code":4000,"codeDesc":"AuthFailure.SignatureExpire"}`, fails(ErrMalformedResponse)},
		{"legacy beside a Result", `{"code":4000,"codeDesc":"InvalidParameter","Result":"Success"}`, fails(ErrMalformedResponse)},
		{"legacy 0 beside a Result", `{"code":0,"Result":"Success"}`, fails(ErrMalformedResponse)},
		{"fields beside a wrapper", `{"Response":null,"Result":"Success"}`, fails(ErrMalformedResponse)},
		{"a support field beside a wrapper", `{"Response":{"ErrorCode":1201},"RequestId":"r"}`, fails(ErrMalformedResponse)},
		{"a null wrapper", `{"Response":null}`, fails(ErrNoCode)},
		// Names are exact: another case is another, unknown, field.
		{"a key in another case is ignored", `{"Response":{"ErrorCode":1201,"errorcode":0}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"a key only in another case", `{"Response":{"errorcode":0}}`, fails(ErrNoCode)},
		{"a wrapper in another case", `{"response":{"ErrorCode":0}}`, fails(ErrNoCode)},
		{"a long s is another letter", `{"Response":{"Result":"Success","Reſult":"0"}}`, ok(SourceResult, PaaS, "Success", "")},
		{"a repeated key", `{"Response":{"ErrorCode":1201,"ErrorCode":0}}`, fails(ErrMalformedResponse)},
		{"an escaped repeated key", `{"Response":{"ErrorCode":1201,"\u0045rrorCode":0}}`, fails(ErrMalformedResponse)},
		{"a repeated unknown key changes nothing", `{"Response":{"ErrorCode":1201,"x":1,"x":2}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"a repeated wrapper", `{"Response":{"ErrorCode":1201},"Response":{"ErrorCode":0}}`, fails(ErrMalformedResponse)},
		{"a repeated support field", `{"Response":{"ErrorCode":1201,"RequestId":"a","RequestId":"b"}}`, fails(ErrMalformedResponse)},
		{"a repeated marker", `{"Response":{"Result":"0","Video":"","Video":""}}`, fails(ErrMalformedResponse)},
		{"a repeated name in an OCR result", `{"Response":{"ErrorCode":0,"OCRResult":[{"WarnCardInfos":[],"WarnCardInfos":[9102]}]}}`, fails(ErrMalformedResponse)},
		{"an escaped repeated name in an OCR result", `{"Response":{"ErrorCode":0,"OCRResult":[{"WarnCardInfos":[],"Warn\u0043ardInfos":[9102]}]}}`, fails(ErrMalformedResponse)},
		{"escaped quotes and backslashes in skipped values", `{"Response":{"ErrorMsg":"a\\\"b\\","x":["\"]",{"y":"\\\\"}],"ErrorCode":1201}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		// Support fields of another type drop the detail, not the decision.
		{"DeviceInfoLevel a number", `{"Response":{"ErrorCode":1201,"DeviceInfoLevel":3}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"RequestId a number", `{"Response":{"ErrorCode":1201,"RequestId":12345}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"LivenessInfoTag a string", `{"Response":{"ErrorCode":1201,"LivenessInfoTag":"01,03"}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"OCRResult an object", `{"Response":{"ErrorCode":1201,"OCRResult":{"WarnCardInfos":[9102]}}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"ErrorMsg an object", `{"Response":{"ErrorCode":1201,"ErrorMsg":{"zh":"光线太暗"}}}`, ok(SourceErrorCode, SaaS, "1201", "")},
		{"an attempt's Similarity a string", `{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":1201,"Similarity":"44"}]}}`,
			ok(SourceErrorCode, SaaS, "16", "saas 1201")},
		// Bodies that are not a response.
		{"not JSON", `<html>502</html>`, fails(ErrMalformedResponse)},
		{"truncated", `{"Response":{"ErrorCode":12`, fails(ErrMalformedResponse)},
		{"trailing data", `{"ErrorCode":0} {"ErrorCode":1201}`, fails(ErrMalformedResponse)},
		{"invalid UTF-8", "{\"ErrorCode\":0,\"ErrorMsg\":\"\xff\"}", fails(ErrMalformedResponse)},
		{"code of another type", `{"Response":{"ErrorCode":true}}`, fails(ErrMalformedResponse)},
		{"fractional code", `{"Response":{"ErrorCode":0.5}}`, fails(ErrMalformedResponse)},
		{"exponent code", `{"Response":{"ErrorCode":0e0}}`, fails(ErrMalformedResponse)},
		{"code beyond 64 bits", `{"Response":{"ErrorCode":18446744073709551616}}`, fails(ErrMalformedResponse)},
		{"an array", `[0]`, fails(ErrMalformedResponse)},
		{"a wrapper that is not an object", `{"Response":"ok"}`, fails(ErrMalformedResponse)},
		{"empty object", `{}`, fails(ErrNoCode)},
		{"null", `null`, fails(ErrNoCode)},
		{"empty", ``, fails(ErrMalformedResponse)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOutcome(t, loc, tt.body, tt.want) })
	}
}

// TestResponseBodies reads the realistic bodies under testdata/responses,
// one for each API and outcome, as the service documents them.
func TestResponseBodies(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	want := map[string]outcome{
		"h5_0_pass":                     {SourceErrorCode, SaaS, "0", "", nil},
		"h5_1001_cause1201":             {SourceErrorCode, SaaS, "1001", "saas 1201", nil},
		"h5_1409":                       {SourceErrorCode, SaaS, "1409", "", nil},
		"h5_14_lastpass":                {SourceErrorCode, SaaS, "14", "saas 2016", nil},
		"h5_16_last1201":                {SourceErrorCode, SaaS, "16", "saas 1201", nil},
		"h5_16_spoof":                   {SourceErrorCode, SaaS, "16", "saas 1002", nil},
		"h5_err_biztokenexpired":        {SourceAPIError, PaaS, "InvalidParameterValue.BizTokenExpired", "", nil},
		"h5_err_internal":               {SourceAPIError, PaaS, "InternalError", "", nil},
		"h5_err_signexpire":             {SourceAPIError, PaaS, "AuthFailure.SignatureExpire", "", nil},
		"h5_null_lastfail":              {"", "", "", "saas 2016", ErrNoCode},
		"h5_null_lastpass":              {"", "", "", "", ErrNoCode},
		"h5_ocr_warn":                   {SourceErrorCode, SaaS, "0", "", nil},
		"ml_getdetectinfoenhanced_fail": {err: ErrUnsupportedShape},
		"ml_geteidresult_2017":          {err: ErrUnsupportedShape},
		"ml_geteidresult_pass":          {err: ErrUnsupportedShape},
		"other_bankcard2e_fail":         {err: ErrUnsupportedShape},
		"other_mobilenetworktime_0":     {err: ErrUnsupportedShape},
		"paas_cfl_error_compress":       {SourceAPIError, PaaS, "FailedOperation.CompressVideoError", "", nil},
		"paas_cfl_firstaction":          {SourceResult, PaaS, "FailedOperation.ActionFirstAction", "", nil},
		"paas_cfl_lowsim":               {SourceResult, PaaS, "FailedOperation.CompareLowSimilarity", "", nil},
		"paas_cfl_success":              {SourceResult, PaaS, "Success", "", nil},
		"paas_checkid_ocrwarn":          {SourceResult, PaaS, "FailedOperation.OcrWarningOccurred", "", nil},
		"paas_detectaifake_high":        {err: ErrUnsupportedShape},
		"paas_dryrun":                   {SourceAPIError, PaaS, "DryRunOperation", "", nil},
		"paas_legacy":                   {SourceAPIError, PaaS, "InvalidParameter", "", nil},
		"paas_livenesscompare_zh":       {SourceResult, PaaS, "FailedOperation.SilentPictureLiveFail", "", nil},
		"paas_unknown_limit":            {SourceAPIError, PaaS, "LimitExceeded.Quota", "", ErrUnknownCode},
		"sdk_getfaceid_0":               {SourceResult, AppSDK, "0", "", nil},
		"sdk_getfaceid_2017":            {SourceResult, AppSDK, "2017", "", nil},
		"sdk_getsdkverif_0_cardwarn":    {SourceResult, AppSDK, "0", "", nil},
		"sdk_getsdkverif_1001":          {SourceResult, AppSDK, "1001", "", nil},
		"sdk_getsdkverif_999_last2016":  {SourceResult, AppSDK, "-999", "appsdk 2016", nil},
		"sdk_getsdkverif_empty_result":  {"", "", "", "appsdk 2015", ErrNoCode},
	}
	files, err := filepath.Glob("testdata/responses/*.json")
	if err != nil || len(files) != len(want) {
		t.Fatalf("%d bodies under testdata/responses (%v); the table has %d", len(files), err, len(want))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			w, ok := want[name]
			if !ok {
				t.Fatalf("no expected outcome for %s", f)
			}
			checkOutcome(t, loc, string(body), w)
		})
	}
}

// TestResponseSimilarity: the score comes from the field of the deciding
// API, and is nil where the body has none.
func TestResponseSimilarity(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	for _, tt := range []struct {
		body string
		want float64 // -1 for none
	}{
		{`{"Response":{"Result":"Success","Sim":100}}`, 100},
		{`{"Response":{"Result":"FailedOperation.CompareLowSimilarity","Sim":9.21}}`, 9.21},
		{`{"Response":{"Result":"FailedOperation.CompareLowSimilarity","Sim":"9"}}`, -1},
		{`{"Response":{"ErrorCode":0,"VerificationDetailList":[{"Similarity":40},{"ErrorCode":0,"Similarity":96.67}]}}`, 96.67},
		{`{"Response":{"ErrorCode":0,"Sim":50}}`, -1},
		{`{"Response":{"Result":"0","Similarity":88.5,"DeviceInfoLevel":""}}`, 88.5},
		{`{"Response":{"Result":"0","Similarity":0,"CompareResults":[{"ErrorCode":"0","Sim":93}]}}`, 93},
		{`{"Response":{"Result":"0","CompareResults":[{"ErrorCode":"0"}]}}`, -1},
		{`{"Response":{"Error":{"Code":"InternalError"},"Sim":90}}`, -1},
	} {
		res, _ := loc.Response([]byte(tt.body))
		got := -1.0
		if res.Similarity != nil {
			got = *res.Similarity
		}
		if got != tt.want {
			t.Errorf("Response(%s).Similarity = %v; want %v", tt.body, got, tt.want)
		}
	}
}

// TestResponseDetails: the request ID and the support details, as
// structured values made safe for logs.
func TestResponseDetails(t *testing.T) {
	loc := newBundle(t).Localizer("th")
	res, err := loc.Response([]byte(`{"Response":{"ErrorCode":16,"ErrorMsg":"太多次\u202e","RequestId":"5d3a\u0000x",
		"VerificationDetailList":[{"ErrorCode":1002,"LivenessErrorCode":1002,"LivenessInfoTag":["01","03","99\u0007"]}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []SupportDetail{
		{DetailH5LivenessTag, "01", "User eyes closed throughout"},
		{DetailH5LivenessTag, "03", "Suspected rephotography attack"},
		{DetailH5LivenessTag, `99\u0007`, ""},
	}
	if !slices.Equal(res.Details, want) {
		t.Errorf("Details = %q; want %q", res.Details, want)
	}
	if got := res.Details[1].String(); got != "h5-liveness-tag 03: Suspected rephotography attack" {
		t.Errorf("String() = %q", got)
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

// TestResponseDetailSources: every support field is read, from the
// newest attempt or OCR result only, and the list is capped.
func TestResponseDetailSources(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	for _, tt := range []struct {
		body string
		want string // the details' values, "kind value" joined by "|"
	}{
		{`{"Response":{"Result":"0","CardVerifyResults":[{"WarnCardInfos":[-9101]},{"WarnCardInfos":[-9102]}]}}`, "ocr-warning -9102"},
		{`{"Response":{"ErrorCode":0,"OCRResult":[{"WarnCardInfos":[9103,"x",1.5]}]}}`, "ocr-warning 9103"},
		{`{"Response":{"ErrorCode":0,"OCRResult":[{"IsPass":true,"Warn\u0043ardInfos":[9102]}]}}`, "ocr-warning 9102"},
		{`{"Response":{"Result":"FailedOperation.OcrWarningOccurred","Warnings":"-9107"}}`, "ocr-warning -9107"},
		{`{"Response":{"Result":"FailedOperation.OcrWarningOccurred","Warnings":"-9101, -9108"}}`, "ocr-warning -9101|ocr-warning -9108"},
		{`{"Response":{"Result":"0","LivenessInfoTag":["05"],"DeviceInfoLevel":"4"}}`, "sdk-liveness-tag 05|device-risk 4"},
		{`{"Response":{"Result":"-999","CompareResults":[{"LivenessInfoTag":["01"]},{"ErrorCode":"2016","LivenessInfoTag":["07",3]}]}}`, "sdk-liveness-tag 07"},
		{`{"Response":{"AttackRiskLevel":"High","AttackRiskDetailList":[{"Type":"SuspectedSpoofingAttack"},"x"]}}`, "attack-risk High|attack-risk SuspectedSpoofingAttack"},
		{`{"Response":{"ErrorCode":1201,"DeviceInfoLevel":3,"LivenessInfoTag":"01"}}`, ""},
	} {
		res, _ := loc.Response([]byte(tt.body))
		var got []string
		for _, d := range res.Details {
			got = append(got, string(d.Kind)+" "+d.Value)
			if en, _ := Detail(d.Kind, d.Value); en != d.Text {
				t.Errorf("%s: detail %+v; Detail gives %q", tt.body, d, en)
			}
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("Response(%s).Details = %q; want %q", tt.body, got, tt.want)
		}
	}
	long := `{"Response":{"Result":"0","LivenessInfoTag":[` + strings.Repeat(`"01",`, 1000) + `"02"],"CardVerifyResults":[{"WarnCardInfos":[` + strings.Repeat(`-9102,`, 1000) + `-9101]}]}}`
	res, err := loc.Response([]byte(long))
	if err != nil || len(res.Details) != MaxDetails {
		t.Errorf("a body of 2,002 details gives %d details (%v); want %d", len(res.Details), err, MaxDetails)
	}
}

// TestResponseCauseUnderFinalResult: a cause under a result that may not
// be retried is not retryable and has no hint; under one that may, it
// keeps both.
func TestResponseCauseUnderFinalResult(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	for _, body := range []string{
		`{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":1201}]}}`,
		`{"Response":{"ErrorCode":14,"VerificationDetailList":[{"ErrorCode":2016}]}}`,
		`{"Response":{"ErrorCode":null,"VerificationDetailList":[{"ErrorCode":1201}]}}`,
		`{"Response":{"Result":"-999","CompareResults":[{"ErrorCode":"1201"}]}}`,
	} {
		res, _ := loc.Response([]byte(body))
		if res.Cause == nil {
			t.Fatalf("%s: no cause", body)
		}
		direct, _ := loc.Lookup(res.Cause.Namespace, res.Cause.Code)
		if !direct.Retryable || direct.Hint == "" {
			t.Fatalf("%s: the test needs a retryable cause with a hint; %s:%s is not", body, direct.Namespace, direct.Code)
		}
		if res.Message.Retryable {
			t.Fatalf("%s: the test needs a result that may not be retried", body)
		}
		if res.Cause.Retryable || res.Cause.Hint != "" {
			t.Errorf("%s: Cause %+v under a final result; want not retryable, no hint", body, *res.Cause)
		}
		if res.Cause.Text != direct.Text {
			t.Errorf("%s: Cause text %q; want %q", body, res.Cause.Text, direct.Text)
		}
	}
	// A retryable result (1001, the service failed) keeps its cause's own
	// flags.
	res, _ := loc.Response([]byte(`{"Response":{"ErrorCode":1001,"VerificationDetailList":[{"ErrorCode":1201}]}}`))
	if !res.Message.Retryable {
		t.Skip("1001 is not retryable in this catalogue")
	}
	direct, _ := loc.Lookup(SaaS, "1201")
	if res.Cause == nil || *res.Cause != direct {
		t.Errorf("Cause %+v under a retryable result; want %+v", res.Cause, direct)
	}
}

// TestResponseMemory: no body costs Response more than about twice its
// size, whatever it is made of: long support lists, many attempts, many
// distinct or escaped names, deep nesting, a 20 MiB video.
func TestResponseMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates tens of MiB")
	}
	loc := newBundle(t).Localizer("en")
	for _, tt := range amplificationBodies(1 << 20) {
		alloc := allocated(func() { loc.Response(tt.body) })
		// The constant is the decoder's own state, which nesting up to
		// its depth limit of 10,000 grows to about 300 KiB.
		if limit := 2*uint64(len(tt.body)) + 512<<10; alloc > limit {
			t.Errorf("%s: Response allocated %d KiB for a %d KiB body; want at most %d KiB", tt.name, alloc>>10, len(tt.body)>>10, limit>>10)
		}
	}
	body := videoBody(20 << 20)
	var res Resolution
	alloc := allocated(func() { res, _ = loc.Response(body) })
	if res.Message.Category != CategorySuccess || res.Source != SourceErrorCode {
		t.Errorf("a 20 MiB H5 success body with its video: %+v", res.Message)
	}
	if alloc > 1<<20 {
		t.Errorf("a 20 MiB body with a video: Response allocated %d KiB; want the video skipped uncopied", alloc>>10)
	}
}

// allocated reports the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// videoBody is a real H5 success body of about n bytes: its video and best
// frame in base64, as GetWebVerificationResultIntl returns them.
func videoBody(n int) []byte {
	frame := strings.Repeat("/9j/", 64<<10/4)
	head := `{"Response":{"ErrorCode":0,"ErrorMsg":"Success","VerificationDetailList":[{"ErrorCode":0,"LivenessErrorCode":0,"CompareErrorCode":0,"Similarity":96.67}],"BestFrameBase64":"` + frame + `","VideoBase64":"`
	tail := `","RequestId":"b7d4919f"}}`
	var b bytes.Buffer
	b.Grow(n)
	b.WriteString(head)
	b.WriteString(strings.Repeat("AAAA", (n-len(head)-len(tail))/4))
	b.WriteString(tail)
	return b.Bytes()
}

// amplificationBodies are the shapes that cost the most per byte, each of
// about n bytes.
func amplificationBodies(n int) []struct {
	name string
	body []byte
} {
	fill := func(prefix, elem, suffix string) []byte {
		k := (n - len(prefix) - len(suffix)) / (len(elem) + 1)
		return []byte(prefix + strings.TrimSuffix(strings.Repeat(elem+",", k), ",") + suffix)
	}
	distinct := func(prefix, format, suffix string) []byte {
		var b bytes.Buffer
		b.WriteString(prefix)
		for i := 0; b.Len() < n-len(suffix)-32; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strings.ReplaceAll(format, "N", itoa(i)))
		}
		b.WriteString(suffix)
		return b.Bytes()
	}
	return []struct {
		name string
		body []byte
	}{
		{"a string", []byte(`{"Response":{"ErrorCode":0,"Pad":"` + strings.Repeat("x", n-40) + `"}}`)},
		{"LivenessInfoTag of empty strings", fill(`{"Response":{"ErrorCode":0,"LivenessInfoTag":[`, `""`, `]}}`)},
		{"LivenessInfoTag of nulls", fill(`{"Response":{"ErrorCode":0,"LivenessInfoTag":[`, `null`, `]}}`)},
		{"OCRResult WarnCardInfos", fill(`{"Response":{"ErrorCode":0,"OCRResult":[{"WarnCardInfos":[`, `0`, `]}]}}`)},
		{"CardVerifyResults WarnCardInfos", fill(`{"Response":{"Result":"0","CardVerifyResults":[{"WarnCardInfos":[`, `0`, `]}]}}`)},
		{"many OCR results", fill(`{"Response":{"ErrorCode":0,"OCRResult":[`, `{"WarnCardInfos":[1]}`, `]}}`)},
		{"an attempt's LivenessInfoTag", fill(`{"Response":{"ErrorCode":0,"VerificationDetailList":[{"LivenessInfoTag":[`, `""`, `]}]}}`)},
		{"many empty attempts", fill(`{"Response":{"ErrorCode":16,"VerificationDetailList":[`, `{}`, `]}}`)},
		{"many attempts with codes", fill(`{"Response":{"ErrorCode":16,"VerificationDetailList":[`, `{"ErrorCode":"1201"}`, `]}}`)},
		{"many App SDK attempts", fill(`{"Response":{"Result":"-999","CompareResults":[`, `{"ErrorCode":"1201","LiveErrorCode":"1201"}`, `]}}`)},
		{"AttackRiskDetailList", fill(`{"Response":{"AttackRiskDetailList":[`, `{"Type":"x"}`, `]}}`)},
		{"distinct unknown names", distinct(`{"Response":{"ErrorCode":0,"X":{`, `"kN":0`, `}}}`)},
		{"distinct escaped names", distinct(`{"Response":{"ErrorCode":0,"X":{`, `"\u0061N":0`, `}}}`)},
		{"distinct names in Response", distinct(`{"Response":{"ErrorCode":0,`, `"kN":0`, `}}`)},
		{"deep arrays", []byte(`{"Response":{"ErrorCode":0,"X":` + strings.Repeat("[", 9000) + strings.Repeat("]", 9000) + `}}`)},
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TestReadResponse reads no further than one byte past the cap.
func TestReadResponse(t *testing.T) {
	body, err := ReadResponse(strings.NewReader(`{"ErrorCode":0}`))
	if err != nil || string(body) != `{"ErrorCode":0}` {
		t.Fatalf("ReadResponse = %q, %v", body, err)
	}
	const max = 1 << 10
	r := &countingReader{r: bytes.NewReader(make([]byte, 3*max))}
	if _, err := ReadResponseLimit(r, max); !errors.Is(err, ErrResponseTooLarge) {
		t.Fatalf("err = %v; want ErrResponseTooLarge", err)
	}
	if r.n > max+1 {
		t.Errorf("read %d bytes; want at most %d", r.n, max+1)
	}
	if body, err := ReadResponseLimit(bytes.NewReader(make([]byte, max)), max); err != nil || len(body) != max {
		t.Errorf("a body of exactly the cap: %d bytes, %v", len(body), err)
	}
	video := videoBody(20 << 20)
	var body20 []byte
	alloc := allocated(func() { body20, err = ReadResponse(bytes.NewReader(video)) })
	if err != nil || !bytes.Equal(body20, video) {
		t.Errorf("a 20 MiB body with its video: %d bytes, %v; want it whole", len(body20), err)
	}
	if alloc > uint64(len(video))+64<<10 {
		t.Errorf("reading a 20 MiB body of known size allocated %d KiB; want one buffer of its size", alloc>>10)
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
