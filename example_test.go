package faceidmsg_test

import (
	"errors"
	"fmt"
	"log"
	"testing/fstest"

	"github.com/faceidmsg/faceidmsg"
)

// The README's quick start is a copy of this example.
func Example() {
	b, err := faceidmsg.New() // the embedded locales; build once, share
	if err != nil {
		log.Fatal(err)
	}
	// Per request: negotiate from the Accept-Language header...
	loc := b.Localizer("zh-TW,zh;q=0.9,en;q=0.8")
	// ...and read the service's response body as your server received it.
	body := []byte(`{"Response":{"ErrorCode":1201,"ErrorMsg":"The lighting is too dim.","RequestId":"2f1c9a4e"}}`)
	res, err := loc.Response(body)
	if err != nil {
		log.Print(err) // no code, or an unknown one: res.Message still has a generic text
	}
	m := res.Message
	fmt.Println(m.Lang, m.Text)
	fmt.Println(m.Hint)
	fmt.Println(m.Category, m.Retryable, res.RequestID)
	// Output:
	// zh-Hant 光線太暗。
	// 請移到光線充足的地方，再試一次。
	// user_action true 2f1c9a4e
}

// A generic or final code at the top, and the reason in the newest
// attempt: the H5 flow's "too many attempts" over a failed comparison.
func ExampleLocalizer_Response() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	body := []byte(`{"Response":{"ErrorCode":16,"VerificationDetailList":[
		{"ErrorCode":1201,"LivenessErrorCode":1201,"CompareErrorCode":null},
		{"ErrorCode":2016,"LivenessErrorCode":0,"CompareErrorCode":2016}]}}`)
	res, _ := b.Localizer("en").Response(body)
	fmt.Println(res.Message.Code, res.Message.Text, res.Message.Retryable)
	fmt.Println(res.Cause.Code, res.Cause.Text)
	// A null code is no result, never success.
	_, err = b.Localizer("en").Response([]byte(`{"Response":{"ErrorCode":null}}`))
	fmt.Println(errors.Is(err, faceidmsg.ErrNoCode))
	// Output:
	// 16 You've reached the maximum number of attempts. false
	// 2016 We couldn't confirm your face matches the photo on file.
	// true
}

// The rules that fail closed: a success code where only a failure can
// stand, and another API's "0", are never success.
func ExampleLocalizer_Response_failClosed() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	loc := b.Localizer("en")
	for _, body := range []string{
		`{"Response":{"Result":"Success","Sim":92.5}}`,                   // a compare API: passed
		`{"Response":{"Error":{"Code":"Success"}}}`,                      // a failed call cannot succeed
		`{"Response":{"Result":"Success","ErrorCode":1201}}`,             // two deciding fields
		`{"Response":{"Result":"0","Description":"成功","Range":"(0,3]"}}`, // a phone lookup, not a verification
	} {
		res, err := loc.Response([]byte(body))
		fmt.Printf("%s %q %v\n", res.Message.Category, res.Source, err)
	}
	// Output:
	// success "result" <nil>
	// unknown "" faceidmsg: malformed response: a failed call's code "Success" is a success code
	// unknown "" faceidmsg: malformed response: both Result and ErrorCode
	// unknown "" faceidmsg: the response is of an API that is not read: a numeric Result without the App SDK result's fields
}

func ExampleLocalizer_LookupCode() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	loc := b.Localizer("th")
	for _, code := range []string{"1201", "InvalidParameterValue.BizTokenExpired", "appsdk:-999", "selfie-android:212"} {
		m, _ := loc.LookupCode(code)
		fmt.Println(m.Namespace, m.Code, m.MessageID, m.Category)
	}
	// Output:
	// saas 1201 LightTooDim user_action
	// paas InvalidParameterValue.BizTokenExpired SessionExpired ended
	// appsdk -999 NotFinished ended
	// selfie-android 212 UserCancelled ended
}

func ExampleLocalizer_Lookup() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	m, _ := b.Localizer("en").Lookup(faceidmsg.PaaS, "FailedOperation.CompareLowSimilarity")
	fmt.Println(m.MessageID, m.Category, m.Retryable)
	fmt.Println(m.Text)
	fmt.Println(m.Description)
	// Output:
	// NoMatch rejected true
	// We couldn't confirm your face matches the photo on file.
	// The similarity did not reach the passing standard.
}

func ExampleLocalizer_LookupNumber() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	m, err := b.Localizer("th").LookupNumber(16)
	fmt.Println(m.Category, m.Retryable, err)
	// Output:
	// ended false <nil>
}

func ExampleLocalizer_LookupCode_unknown() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	m, err := b.Localizer("en").LookupCode("1999")
	fmt.Println(errors.Is(err, faceidmsg.ErrUnknownCode))
	fmt.Println(m.Category, m.Text)
	// Output:
	// true
	// unknown Something went wrong (error 1999).
}

func ExampleBundle_Match() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	// qaa is a tag reserved for local use: a language no locale serves.
	for _, pref := range []string{"zh-HK", "zh_CN", "zh-tc", "in", "cmn-Hant-TW", "qaa", "qaa;q=0.9, th;q=0.8", "pt-BR, pt-PT;q=0"} {
		fmt.Printf("%s -> %s\n", pref, b.Match(pref))
	}
	// Output:
	// zh-HK -> zh-Hant
	// zh_CN -> zh-Hans
	// zh-tc -> zh-Hant
	// in -> id
	// cmn-Hant-TW -> zh-Hant
	// qaa -> en
	// qaa;q=0.9, th;q=0.8 -> th
	// pt-BR, pt-PT;q=0 -> pt-BR
}

func ExampleWithLocales() {
	overrides := fstest.MapFS{
		// Change one English message.
		"en.toml": {Data: []byte(`
[LightTooDim]
other = "It's too dark here."
`)},
		// Add a language, partly translated. (qaa is a tag reserved for
		// local use; a real app names the file by its language, sw.toml.)
		"qaa.toml": {Data: []byte(`
[LightTooDim]
other = "Giza mno."
`)},
	}
	b, err := faceidmsg.New(faceidmsg.WithLocales(overrides))
	if err != nil {
		log.Fatal(err)
	}
	m, _ := b.Localizer("en").LookupCode("1201")
	fmt.Println(m.Text)
	m, _ = b.Localizer("qaa-KE").LookupCode("1201")
	fmt.Println(m.Lang, m.Text, m.Fallback) // the hint is not translated
	m, _ = b.Localizer("qaa").LookupCode("1202")
	fmt.Println(m.Lang, m.Text, m.Fallback)
	// Output:
	// It's too dark here.
	// qaa Giza mno. true
	// en The light is too bright. true
}

func ExampleKey() {
	fmt.Println(faceidmsg.Key(faceidmsg.SaaS, "1201"))
	fmt.Println(faceidmsg.Key(faceidmsg.PaaS, "FailedOperation.CompareFail"))
	// Output:
	// saas_1201
	// paas_FailedOperation_CompareFail
}

// The generic message, to show when there is nothing more specific.
func ExampleLocalizer_Generic() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	m := b.Localizer("en").Generic()
	fmt.Println(m.Text)
	fmt.Println(m.Hint)
	fmt.Println(m.Category)
	// Output:
	// Something went wrong.
	// Start again. If it keeps happening, contact customer support.
	// unknown
}

// With the Tencent Cloud Go SDK: a typed response is turned back into its
// body with resp.ToJsonString() (which wraps it in {"Response": ...}) and
// read by Response; a failed call comes back as *errors.TencentCloudSDKError,
// whose GetCode() is the API error code LookupCode reads. The SDK's shape
// is built here by hand, so the example needs no SDK.
func ExampleLocalizer_Response_tencentCloudSDK() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	loc := b.Localizer("en")

	// resp, err := client.GetWebVerificationResultIntl(req)
	// body := []byte(resp.ToJsonString())
	body := []byte(`{"Response":{"ErrorCode":1201,"ErrorMsg":"The lighting is too dim.","VerificationDetailList":[],"VideoBase64":null,"BestFrameBase64":null,"OCRResult":null,"Extra":null,"RequestId":"a1b2"}}`)
	res, err := loc.Response(body)
	fmt.Println(res.Source, res.Message.Category, err)
	fmt.Println(res.Message.Text)

	// if sdkErr, ok := err.(*errors.TencentCloudSDKError); ok {
	//     m, _ := loc.LookupCode(sdkErr.GetCode())
	// }
	m, _ := loc.LookupCode("InvalidParameterValue.BizTokenExpired")
	fmt.Println(m.Category, m.Text)
	// Output:
	// error_code user_action <nil>
	// The light is too dim.
	// ended This verification has expired.
}
