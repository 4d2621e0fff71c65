package faceidmsg_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/faceidmsg/faceidmsg"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Benchmarks with stable names, so numbers can be compared over time; see
// BENCHMARKS.md. Reproduce with
//
//	go test -run '^$' -bench . -benchmem -count 10 . | tee new.txt

// browserHeader is a typical browser Accept-Language header: 5 entries
// with q-values.
const browserHeader = "th-TH,th;q=0.9,en-US;q=0.8,en;q=0.7,zh-TW;q=0.6"

var (
	sinkString  string
	sinkMessage faceidmsg.Message
	sinkTag     language.Tag
)

func benchBundle(b *testing.B) *faceidmsg.Bundle {
	b.Helper()
	bundle, err := faceidmsg.New()
	if err != nil {
		b.Fatal(err)
	}
	return bundle
}

// BenchmarkLookup: a code in an already negotiated language.
func BenchmarkLookup(b *testing.B) {
	loc := benchBundle(b).Localizer("th")
	b.ReportAllocs()
	for b.Loop() {
		sinkMessage, _ = loc.Lookup(faceidmsg.SaaS, "1201")
	}
}

// BenchmarkLookupCode: the same through the raw-code entry point.
func BenchmarkLookupCode(b *testing.B) {
	loc := benchBundle(b).Localizer("th")
	b.ReportAllocs()
	for b.Loop() {
		sinkMessage, _ = loc.LookupCode("1201")
	}
}

// BenchmarkLookupUnknown: the templated generic message.
func BenchmarkLookupUnknown(b *testing.B) {
	loc := benchBundle(b).Localizer("th")
	b.ReportAllocs()
	for b.Loop() {
		sinkMessage, _ = loc.LookupCode("1999")
	}
}

// BenchmarkLookupGoI18n: go-i18n's own path for the same message and data,
// with a reused Localizer.
func BenchmarkLookupGoI18n(b *testing.B) {
	gb := i18n.NewBundle(language.English)
	gb.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, err := fs.Glob(faceidmsg.Locales(), "*.toml")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range names {
		data, err := fs.ReadFile(faceidmsg.Locales(), n)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := gb.ParseMessageFileBytes(data, n); err != nil {
			b.Fatal(err)
		}
	}
	loc := i18n.NewLocalizer(gb, "th")
	cfg := &i18n.LocalizeConfig{MessageID: "LightTooDim"}
	want, _ := benchBundle(b).Localizer("th").LookupCode("1201")
	if got, err := loc.Localize(cfg); err != nil || got != want.Text {
		b.Fatalf("go-i18n gives %q, %v; want %q", got, err, want.Text)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkString, _ = loc.Localize(cfg)
	}
}

// BenchmarkLookupMap: a plain map lookup, the floor.
func BenchmarkLookupMap(b *testing.B) {
	m := map[string]string{}
	for _, msg := range benchBundle(b).Localizer("th").Messages() {
		m[msg.Code] = msg.Text
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkString = m["1201"]
	}
}

// BenchmarkNegotiate: a 5-entry browser header.
func BenchmarkNegotiate(b *testing.B) {
	bundle := benchBundle(b)
	b.ReportAllocs()
	for b.Loop() {
		sinkTag = bundle.Match(browserHeader)
	}
}

// BenchmarkNegotiateXText: x/text's parse and match of the same header
// against the same locales, with the matcher built once.
func BenchmarkNegotiateXText(b *testing.B) {
	var tags []language.Tag
	for _, l := range benchBundle(b).Languages() {
		tags = append(tags, l.Tag)
	}
	m := language.NewMatcher(tags)
	b.ReportAllocs()
	for b.Loop() {
		prefs, _, _ := language.ParseAcceptLanguage(browserHeader)
		sinkTag, _, _ = m.Match(prefs...)
	}
}

// BenchmarkNegotiateHostile: a 1 MiB header of endless entries.
func BenchmarkNegotiateHostile(b *testing.B) {
	bundle := benchBundle(b)
	header := strings.Repeat("xx-yyyy-zz;q=0.5,", 1<<20/17)
	b.ReportAllocs()
	for b.Loop() {
		sinkTag = bundle.Match(header)
	}
}

// BenchmarkNegotiateHostileDistinct: headers of 32 distinct well-formed
// tags that no locale serves, a new set each time, so every entry misses
// the cache: the worst case per header.
func BenchmarkNegotiateHostileDistinct(b *testing.B) {
	bundle := benchBundle(b)
	headers := make([]string, 4096)
	for i := range headers {
		var sb strings.Builder
		for j := range 32 {
			fmt.Fprintf(&sb, "q%c%c-%d,", 'a'+(i+j)%26, 'a'+(i/26+j)%26, i*32+j)
		}
		headers[i] = sb.String()
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkTag = bundle.Match(headers[i%len(headers)])
		i++
	}
}

// worstHeaders are headers of 32 distinct, fully valid tags with
// extensions that no locale serves, as the security audit wrote them, a
// new set for each header: every entry misses the cache.
func worstHeaders() []string {
	bases := []string{"sw", "qaa", "ne", "am", "yo", "zu", "mr", "kk", "km", "lo"}
	headers := make([]string, 4096)
	for i := range headers {
		var sb strings.Builder
		for j := range 32 {
			if j > 0 {
				sb.WriteByte(',')
			}
			n := i*32 + j
			fmt.Fprintf(&sb, "%s-Latn-KE-u-ca-gregory-nu-latn-co-%c%c%c%c%c-x-%d;q=0.%d", bases[n%len(bases)],
				'a'+n%26, 'a'+n/26%26, 'a'+n/676%26, 'a'+n/17576%26, 'a'+j%26, n, 1+n%9)
		}
		headers[i] = sb.String()
	}
	return headers
}

// BenchmarkNegotiateExclusions: one header, sent again and again, of 16
// positive entries and 16 q=0 ranges that exclude what they select: the
// most exclusion work a header can ask for.
func BenchmarkNegotiateExclusions(b *testing.B) {
	bundle := benchBundle(b)
	var sb strings.Builder
	for i := range 16 {
		fmt.Fprintf(&sb, "th-%c%c,", 'A'+i, 'A'+i)
	}
	for i := range 15 {
		fmt.Fprintf(&sb, "ms-%c%c-u-nu-x%d;q=0,", 'A'+i, 'A'+i, i)
	}
	sb.WriteString("th;q=0")
	header := sb.String()
	b.ReportAllocs()
	for b.Loop() {
		sinkTag = bundle.Match(header)
	}
}

// BenchmarkNegotiateWorst: the worst case an attacker can force per header.
func BenchmarkNegotiateWorst(b *testing.B) {
	bundle := benchBundle(b)
	headers := worstHeaders()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkTag = bundle.Match(headers[i%len(headers)])
		i++
	}
}

// BenchmarkNegotiateWorstXText: x/text's parse and match of the same
// headers against the same locales, the baseline for the worst case.
func BenchmarkNegotiateWorstXText(b *testing.B) {
	var tags []language.Tag
	for _, l := range benchBundle(b).Languages() {
		tags = append(tags, l.Tag)
	}
	m := language.NewMatcher(tags)
	headers := worstHeaders()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		prefs, _, _ := language.ParseAcceptLanguage(headers[i%len(headers)])
		sinkTag, _, _ = m.Match(prefs...)
		i++
	}
}

// BenchmarkNew: building the default bundle from the embedded locales,
// which the process has parsed already (the first New parses English; see
// BenchmarkParseEmbedded for what parsing costs).
func BenchmarkNew(b *testing.B) {
	faceidmsg.New()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := faceidmsg.New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewAll: building the default bundle and resolving every
// locale, with the files already parsed by the process.
func BenchmarkNewAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		bundle, err := faceidmsg.New()
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range bundle.Languages() {
			sinkMessage, _ = bundle.Localizer(l.Tag.String()).LookupNumber(0)
		}
	}
}

// h5Body is a typical H5 result: three attempts, the last one failing the
// comparison, as GetWebVerificationResultIntl returns it without images.
const h5Body = `{"Response":{"ErrorCode":16,"ErrorMsg":"Too many attempts.","VerificationDetailList":[` +
	`{"ErrorCode":1201,"ErrorMsg":"The lighting is too dim.","LivenessErrorCode":1201,"LivenessErrorMsg":"The lighting is too dim.","CompareErrorCode":null,"CompareErrorMsg":null,"ReqTimestamp":1764577200000,"Similarity":0,"Seq":"a1b2","LivenessInfoTag":null},` +
	`{"ErrorCode":1004,"ErrorMsg":"Face detection failed.","LivenessErrorCode":1004,"LivenessErrorMsg":"Face detection failed.","CompareErrorCode":null,"CompareErrorMsg":null,"ReqTimestamp":1764577260000,"Similarity":0,"Seq":"c3d4","LivenessInfoTag":null},` +
	`{"ErrorCode":2016,"ErrorMsg":"The similarity did not reach the passing standard.","LivenessErrorCode":0,"LivenessErrorMsg":"Success","CompareErrorCode":2016,"CompareErrorMsg":"The similarity did not reach the passing standard.","ReqTimestamp":1764577320000,"Similarity":41.5,"Seq":"e5f6","LivenessInfoTag":["09"]}],` +
	`"VideoBase64":null,"BestFrameBase64":null,"OCRResult":null,"Extra":"order-123","RequestId":"2f1c9a4e-7b7d-4c4e-9b0f-3f4d5e6a7b8c"}}`

// BenchmarkResponse: Response on a typical H5 body, language resolved.
func BenchmarkResponse(b *testing.B) {
	loc := benchBundle(b).Localizer(browserHeader)
	body := []byte(h5Body)
	b.ReportAllocs()
	for b.Loop() {
		res, _ := loc.Response(body)
		sinkMessage = res.Message
	}
}

// BenchmarkResponseJSONFloor: encoding/json unmarshalling the same body
// into a minimal struct of only the fields Response reads, the floor.
func BenchmarkResponseJSONFloor(b *testing.B) {
	type attempt struct {
		ErrorCode         *int64    `json:"ErrorCode"`
		LivenessErrorCode *int64    `json:"LivenessErrorCode"`
		CompareErrorCode  *int64    `json:"CompareErrorCode"`
		LivenessInfoTag   []*string `json:"LivenessInfoTag"`
	}
	var v struct {
		Response struct {
			Error *struct {
				Code    *string `json:"Code"`
				Message *string `json:"Message"`
			} `json:"Error"`
			ErrorCode              *int64    `json:"ErrorCode"`
			ErrorMsg               *string   `json:"ErrorMsg"`
			Result                 *string   `json:"Result"`
			Description            *string   `json:"Description"`
			VerificationDetailList []attempt `json:"VerificationDetailList"`
			RequestID              *string   `json:"RequestId"`
		} `json:"Response"`
	}
	body := []byte(h5Body)
	b.ReportAllocs()
	for b.Loop() {
		v.Response.VerificationDetailList = nil
		if err := json.Unmarshal(body, &v); err != nil {
			b.Fatal(err)
		}
	}
}
