package httpmsg

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/faceidmsg/faceidmsg"
)

func newBundle(t testing.TB) *faceidmsg.Bundle {
	t.Helper()
	b, err := faceidmsg.New()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// do runs one request through h and returns the response.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if err := checkOpenAPI(method, req.URL.Path, rec.Code, rec.Header(), rec.Body.Bytes()); err != nil {
		t.Errorf("OpenAPI: %v", err)
	}
	return rec.Result()
}

func readAll(t testing.TB, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCodeEndpoint(t *testing.T) {
	b := newBundle(t)
	h := NewHandler(b)
	for _, code := range []string{"1201", "saas:1201", "appsdk:-999", "FailedOperation.CompareFail", "InvalidParameterValue.BizTokenExpired"} {
		r := do(t, h, "GET", "/v1/codes/"+code, nil, "Accept-Language", "th-TH,th;q=0.9")
		body := readAll(t, r)
		want, _ := b.Localizer("th").LookupCode(code)
		wantJSON, _ := json.Marshal(want)
		if r.StatusCode != 200 || strings.TrimSpace(body) != string(wantJSON) {
			t.Errorf("GET /v1/codes/%s = %d %s; want 200 %s", code, r.StatusCode, body, wantJSON)
		}
		if r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Content-Language") != want.Lang.String() {
			t.Errorf("%s: Content-Type %q, Content-Language %q", code, r.Header.Get("Content-Type"), r.Header.Get("Content-Language"))
		}
		if vary := r.Header.Values("Vary"); len(vary) != 1 || vary[0] != "Accept-Language" {
			t.Errorf("%s: Vary %q; want Accept-Language", code, vary)
		}
		// The ETag answers If-None-Match with 304, in the same language.
		etag := r.Header.Get("ETag")
		if !regexp.MustCompile(`^"[0-9a-f]{24}"$`).MatchString(etag) {
			t.Fatalf("%s: ETag %q", code, etag)
		}
		r = do(t, h, "GET", "/v1/codes/"+code, nil, "Accept-Language", "th", "If-None-Match", `"x", `+etag)
		if r.StatusCode != http.StatusNotModified || readAll(t, r) != "" {
			t.Errorf("%s: If-None-Match = %d; want 304 with no body", code, r.StatusCode)
		}
		// Another language is another body and another ETag.
		r = do(t, h, "GET", "/v1/codes/"+code, nil, "Accept-Language", "ja", "If-None-Match", etag)
		if r.StatusCode != 200 || r.Header.Get("ETag") == etag {
			t.Errorf("%s in ja: %d, ETag %s; want 200 and a new ETag", code, r.StatusCode, r.Header.Get("ETag"))
		}
	}
}

func TestUnknownCodeIsLocalizedProblem(t *testing.T) {
	b := newBundle(t)
	h := NewHandler(b)
	r := do(t, h, "GET", "/v1/codes/1999", nil, "Accept-Language", "zh-TW")
	var p Problem
	if err := json.Unmarshal([]byte(readAll(t, r)), &p); err != nil {
		t.Fatal(err)
	}
	m, _ := b.Localizer("zh-TW").LookupCode("1999")
	generic, _ := b.Localizer("zh-TW").Response(nil)
	if r.StatusCode != 404 || r.Header.Get("Content-Type") != "application/problem+json" || r.Header.Get("Content-Language") != "zh-Hant" {
		t.Errorf("GET /v1/codes/1999 = %d %q %q", r.StatusCode, r.Header.Get("Content-Type"), r.Header.Get("Content-Language"))
	}
	// The title is the same for every unknown code; the code is in the
	// detail only, and not echoed as a code of the catalogue.
	want := Problem{Type: "urn:faceidmsg:message:UnknownCode", Title: generic.Message.Text, Status: 404, Detail: m.Text,
		Category: faceidmsg.CategoryUnknown, Hint: m.Hint, Lang: "zh-Hant"}
	if p != want || !strings.Contains(p.Detail, "1999") || strings.Contains(p.Title, "1999") {
		t.Errorf("problem = %+v; want %+v", p, want)
	}
	r = do(t, h, "GET", "/v1/codes/%E2%80%8B12", nil, "Accept-Language", "zh-TW")
	p = Problem{}
	body := readAll(t, r)
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.Title != want.Title || p.Type != want.Type || strings.Contains(body, "12") {
		t.Errorf("hidden code: %s; want title %q and no code", body, want.Title)
	}
	// A code a service never sends is not echoed, not even in a path.
	r = do(t, h, "GET", "/v1/codes/%3Cimg%20src%3Dx%3E", nil)
	if body := readAll(t, r); r.StatusCode != 404 || strings.Contains(body, "<img") {
		t.Errorf("hostile code: %d %s", r.StatusCode, body)
	}
}

func TestListsAndHealth(t *testing.T) {
	b := newBundle(t)
	h := NewHandler(b)
	r := do(t, h, "GET", "/v1/codes", nil, "Accept-Language", "id")
	var ms []map[string]any
	if err := json.Unmarshal([]byte(readAll(t, r)), &ms); err != nil || len(ms) != len(b.Localizer("id").Messages()) || r.Header.Get("ETag") == "" {
		t.Errorf("GET /v1/codes: %d messages, %v, ETag %q", len(ms), err, r.Header.Get("ETag"))
	}
	r = do(t, h, "GET", "/v1/languages", nil)
	var ls []map[string]any
	if err := json.Unmarshal([]byte(readAll(t, r)), &ls); err != nil || len(ls) != len(b.Languages()) || ls[0]["tag"] != "en" {
		t.Errorf("GET /v1/languages: %v, %v", ls, err)
	}
	r = do(t, h, "GET", "/healthz", nil)
	if body := readAll(t, r); r.StatusCode != 200 || body != "ok\n" {
		t.Errorf("GET /healthz = %d %q", r.StatusCode, body)
	}
	// HEAD has GET's headers, and no body.
	for _, path := range []string{"/v1/codes/1201", "/v1/codes", "/v1/languages"} {
		get, head := do(t, h, "GET", path, nil), do(t, h, "HEAD", path, nil)
		if body := readAll(t, head); head.StatusCode != 200 || body != "" || !reflect.DeepEqual(get.Header, head.Header) {
			t.Errorf("HEAD %s = %d %q, headers %v; want GET's %v", path, head.StatusCode, body, head.Header, get.Header)
		}
	}
}

func TestResolveEndpoint(t *testing.T) {
	b := newBundle(t)
	h := NewHandler(b)
	body := `{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":2016,"LivenessErrorCode":0,"CompareErrorCode":2016}],"RequestId":"r-1"}}`
	r := do(t, h, "POST", "/v1/resolve", strings.NewReader(body), "Accept-Language", "th")
	want, _ := b.Localizer("th").Response([]byte(body))
	wantJSON, _ := json.Marshal(want)
	if got := readAll(t, r); r.StatusCode != 200 || strings.TrimSpace(got) != string(wantJSON) || r.Header.Get("Content-Language") != "th" {
		t.Errorf("POST /v1/resolve = %d %s; want 200 %s", r.StatusCode, got, wantJSON)
	}
	small := NewHandler(b, WithMaxBody(1<<20))
	for _, tt := range []struct {
		name, body, kind string
		status           int
	}{
		{"malformed", `{"Response":`, "MalformedResponse", 400},
		{"a success code where only a failure can stand", `{"code":"Success"}`, "MalformedResponse", 400},
		{"contradicting fields", `{"Response":{"Result":"Success","ErrorCode":1201}}`, "MalformedResponse", 400},
		{"no code", `{"Response":{"ErrorCode":null}}`, "NoCode", 422},
		{"another API", `{"Response":{"Result":"0","Range":"(0,3]"}}`, "UnsupportedShape", 422},
		{"over WithMaxBody", `{"x":"` + strings.Repeat("x", 1<<20) + `"}`, "ResponseTooLarge", 413},
	} {
		r := do(t, small, "POST", "/v1/resolve", strings.NewReader(tt.body), "Accept-Language", "ja")
		var p Problem
		err := json.Unmarshal([]byte(readAll(t, r)), &p)
		m, _ := b.Localizer("ja").LookupCode("\x00")
		if r.StatusCode != tt.status || err != nil || r.Header.Get("Content-Type") != "application/problem+json" || p.Title != m.Text || p.Lang != "ja" ||
			p.Type != "urn:faceidmsg:message:"+tt.kind || p.Code != "" || p.Detail != m.Hint {
			t.Errorf("%s: %d %+v %v; want %d %s and the generic Japanese text", tt.name, r.StatusCode, p, err, tt.status, tt.kind)
		}
	}
	// The service's request ID becomes the instance, escaped into a URI
	// with no fragment, query or space, whatever it holds.
	body = `{"Response":{"RequestId":"a b<\"x\">#%zz/é"}}`
	r = do(t, h, "POST", "/v1/resolve", strings.NewReader(body))
	var p Problem
	if err := json.Unmarshal([]byte(readAll(t, r)), &p); err != nil {
		t.Fatal(err)
	}
	res, _ := b.Localizer().Response([]byte(body))
	id, ok := strings.CutPrefix(p.Instance, "urn:faceidmsg:request:")
	unescaped, err := url.PathUnescape(id)
	if !ok || !regexp.MustCompile(`^[A-Za-z0-9._~%-]+$`).MatchString(id) || err != nil || unescaped != res.RequestID {
		t.Errorf("instance = %q; want the request ID %q escaped", p.Instance, res.RequestID)
	}
	if _, err := url.Parse(p.Instance); err != nil {
		t.Errorf("instance %q is not a URI: %v", p.Instance, err)
	}
}

// TestResolveOutcomes: every body whose code is read is a 200, success or
// not, and the category says which; a real success body with its video
// is read whole under the default cap.
func TestResolveOutcomes(t *testing.T) {
	b := newBundle(t)
	h := NewHandler(b)
	video := `{"Response":{"ErrorCode":0,"VerificationDetailList":[{"ErrorCode":0,"Similarity":96.6}],"VideoBase64":"` +
		strings.Repeat("AAAA", 5<<20) + `","BestFrameBase64":"/9j/","RequestId":"r"}}`
	for _, tt := range []struct {
		name, body string
		category   faceidmsg.Category
	}{
		{"a 20 MiB success with its video", video, faceidmsg.CategorySuccess},
		{"a failed comparison", `{"Response":{"Result":"FailedOperation.CompareLowSimilarity","Sim":9.2}}`, faceidmsg.CategoryRejected},
		{"a failed call", `{"Response":{"Error":{"Code":"InternalError"}}}`, faceidmsg.CategoryTemporary},
		{"an unknown code", `{"Response":{"ErrorCode":1999}}`, faceidmsg.CategoryUnknown},
	} {
		r := do(t, h, "POST", "/v1/resolve", strings.NewReader(tt.body))
		var got struct{ Category faceidmsg.Category }
		err := json.Unmarshal([]byte(readAll(t, r)), &got)
		if r.StatusCode != 200 || err != nil || got.Category != tt.category {
			t.Errorf("%s: %d, category %q (%v); want 200 and %q", tt.name, r.StatusCode, got.Category, err, tt.category)
		}
	}
}

// TestResolveReadsNoFurther: a body over the cap is cut off one byte past
// it.
func TestResolveReadsNoFurther(t *testing.T) {
	const max = 1 << 20
	h := NewHandler(newBundle(t), WithMaxBody(max))
	cr := &countingReader{left: 8 * max}
	r := do(t, h, "POST", "/v1/resolve", cr)
	if r.StatusCode != 413 || cr.read > max+64<<10 {
		t.Errorf("status %d after reading %d bytes; want 413 near %d", r.StatusCode, cr.read, max)
	}
}

// TestResolveKnownTooLarge: a body that announces more than the cap is
// answered without a byte of it read.
func TestResolveKnownTooLarge(t *testing.T) {
	h := NewHandler(newBundle(t))
	cr := &countingReader{left: 2 * faceidmsg.MaxResponseSize}
	req := httptest.NewRequest("POST", "/v1/resolve", cr)
	req.ContentLength = int64(cr.left)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 413 || cr.read != 0 || rec.Header().Get("Connection") != "close" {
		t.Errorf("status %d after reading %d bytes, Connection %q; want 413, 0 and close", rec.Code, cr.read, rec.Header().Get("Connection"))
	}
}

type countingReader struct{ left, read int }

func (c *countingReader) Read(p []byte) (int, error) {
	if c.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), c.left)
	for i := range p[:n] {
		p[i] = 'x'
	}
	c.left -= n
	c.read += n
	return n, nil
}

func TestMethodsAndPaths(t *testing.T) {
	h := NewHandler(newBundle(t))
	for _, tt := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"POST", "/v1/codes/1201", 405, "GET, HEAD"},
		{"DELETE", "/v1/codes", 405, "GET, HEAD"},
		{"GET", "/v1/resolve", 405, "POST"},
		{"GET", "/v1/nope", 404, ""},
		{"GET", "/index.html", 404, ""},
		{"GET", "/v1/codes/", 404, ""},
	} {
		r := do(t, h, tt.method, tt.path, nil)
		var p map[string]any
		err := json.Unmarshal([]byte(readAll(t, r)), &p)
		if r.StatusCode != tt.status || err != nil || r.Header.Get("Content-Type") != "application/problem+json" || r.Header.Get("Allow") != tt.allow ||
			p["type"] != "about:blank" || p["title"] != http.StatusText(tt.status) {
			t.Errorf("%s %s = %d %v Allow %q; want %d problem+json Allow %q", tt.method, tt.path, r.StatusCode, p, r.Header.Get("Allow"), tt.status, tt.allow)
		}
	}
}

func TestMiddlewarePrecedence(t *testing.T) {
	b := newBundle(t)
	var got string
	h := Middleware(b, WithCookie("lang"))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = Localizer(r.Context()).Tag().String()
	}))
	for _, tt := range []struct {
		target, cookie, header, want string
	}{
		{"/", "", "th", "th"},
		{"/?lang=id", "", "th", "id"},
		{"/?lang=id", "ja", "th", "id"},
		{"/", "ja", "th", "ja"},
		{"/?lang=qaa", "ja", "th", "ja"},
		{"/?x=1&lang=zh%2DTW", "", "", "zh-Hant"},
		{"/?lang=%ZZ", "", "th", "th"},
		{"/", "", "", "en"},
	} {
		req := httptest.NewRequest("GET", tt.target, nil)
		if tt.header != "" {
			req.Header.Set("Accept-Language", tt.header)
		}
		if tt.cookie != "" {
			req.AddCookie(&http.Cookie{Name: "lang", Value: tt.cookie})
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got != tt.want {
			t.Errorf("%s cookie %q header %q: %s; want %s", tt.target, tt.cookie, tt.header, got, tt.want)
		}
		if vary := rec.Header().Values("Vary"); strings.Join(vary, ",") != "Accept-Language,Cookie" {
			t.Errorf("Vary = %q; want Accept-Language and Cookie", vary)
		}
	}
	// Two layers of it still say each header once.
	rec := httptest.NewRecorder()
	Middleware(b, WithCookie("lang"))(h).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if vary := rec.Header().Values("Vary"); strings.Join(vary, ",") != "Accept-Language,Cookie" {
		t.Errorf("two middlewares: Vary = %q", vary)
	}
	if Localizer(httptest.NewRequest("GET", "/", nil).Context()) != nil {
		t.Error("Localizer of a request that did not pass the middleware is not nil")
	}
}

func TestMountedUnderPrefix(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/faceid/", http.StripPrefix("/faceid", NewHandler(newBundle(t))))
	r := do(t, mux, "GET", "/faceid/v1/codes/1201", nil)
	if r.StatusCode != 200 {
		t.Errorf("GET /faceid/v1/codes/1201 = %d", r.StatusCode)
	}
	r = do(t, mux, "GET", "/faceid/", nil)
	if r.StatusCode != 200 || !strings.Contains(readAll(t, r), "<table") {
		t.Errorf("GET /faceid/ = %d", r.StatusCode)
	}
}

func TestPage(t *testing.T) {
	b := newBundle(t)
	h := NewHandler(b)
	r := do(t, h, "GET", "/?lang=ar", nil)
	body := readAll(t, r)
	csp := r.Header.Get("Content-Security-Policy")
	if r.StatusCode != 200 || !strings.Contains(csp, "default-src 'none'") {
		t.Fatalf("GET /?lang=ar = %d, CSP %q", r.StatusCode, csp)
	}
	// The CSP allows the page's own script and style by their hashes, and
	// nothing else.
	for _, el := range []string{"script", "style"} {
		_, text, _ := strings.Cut(body, "<"+el+">")
		text, _, _ = strings.Cut(text, "</"+el+">")
		sum := sha256.Sum256([]byte(text))
		if want := el + "-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; text == "" || !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %s for the page's %s", csp, want, el)
		}
	}
	if !strings.Contains(body, `<html lang="ar" dir="rtl">`) {
		t.Errorf("page lacks its lang and dir")
	}
	// Rendered once per language: the same bytes and a strong ETag, which
	// answers If-None-Match with 304.
	again := do(t, h, "GET", "/?lang=ar", nil)
	etag := again.Header.Get("ETag")
	if readAll(t, again) != body || etag == "" || etag != r.Header.Get("ETag") {
		t.Errorf("a second GET gave another page or ETag %q", etag)
	}
	if r := do(t, h, "GET", "/?lang=ar", nil, "If-None-Match", etag); r.StatusCode != http.StatusNotModified || r.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("If-None-Match %s = %d; want 304 with the CSP", etag, r.StatusCode)
	}
	if strings.Count(body, "<script") != 1 || strings.Contains(body, "<link") || strings.Contains(body, "src=") || strings.Contains(body, "nonce") {
		t.Error("page has more than its one script, or an external asset")
	}
	m, _ := b.Localizer("ar").LookupNumber(1201)
	if !strings.Contains(body, m.Text) || r.Header.Get("Content-Language") != "ar" {
		t.Errorf("page lacks the Arabic text %q", m.Text)
	}
	for _, l := range b.Languages() {
		if !strings.Contains(body, `hreflang="`+l.Tag.String()+`"`) {
			t.Errorf("picker lacks %s", l.Tag)
		}
	}
	// Left to right, and the pseudo-locale right to left.
	if body := readAll(t, do(t, h, "GET", "/?lang=th", nil)); !strings.Contains(body, `<html lang="th" dir="ltr">`) {
		t.Error("th page is not ltr")
	}
	if body := readAll(t, do(t, h, "GET", "/?lang=ar-XB", nil)); !strings.Contains(body, `<html lang="ar-XB" dir="rtl">`) {
		t.Error("ar-XB page is not rtl")
	}
}

// TestHintFallsBackOnItsOwn: with a locale that has a text but not its
// hint, the hint is labelled English everywhere: in Content-Language, in
// the JSON and on the page, where each cell also gets its own direction.
func TestHintFallsBackOnItsOwn(t *testing.T) {
	b, err := faceidmsg.New(faceidmsg.WithLocales(fstest.MapFS{
		"qaa-Arab.toml": {Data: []byte("[LightTooDim]\nother = \"ضوء خافت\"\n")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	h := NewHandler(b)
	r := do(t, h, "GET", "/v1/codes/1201?lang=qaa-Arab", nil)
	var m map[string]any
	if err := json.Unmarshal([]byte(readAll(t, r)), &m); err != nil || m["lang"] != "qaa-Arab" || m["hint_lang"] != "en" || m["fallback"] != true {
		t.Errorf("1201 in qaa-Arab: %v, %v", m, err)
	}
	if cl := r.Header.Get("Content-Language"); cl != "qaa-Arab, en" {
		t.Errorf("Content-Language %q; want qaa-Arab, en", cl)
	}
	body := readAll(t, do(t, h, "GET", "/?lang=qaa-Arab", nil))
	en, _ := b.Localizer().LookupNumber(1201)
	for _, want := range []string{
		`<html lang="qaa-Arab" dir="rtl">`,
		// The hint fell back to English: its cell is marked.
		`<td lang="qaa-Arab" dir="rtl">ضوء خافت</td><td lang="en" dir="ltr" class="hint fallback" title="English: not translated yet">` + en.Hint + `</td>`,
		`<thead lang="en" dir="ltr">`,
		// English beside the language, and the language's status in the
		// picker.
		`<td lang="en" dir="ltr" class="en">` + en.Text + `<br><span class="hint">` + en.Hint + `</span></td>`,
		`hreflang="qaa-Arab" lang="qaa-Arab" dir="auto" aria-current="page" title="0% in this language">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// The search matches keys and English text in any page.
	if !strings.Contains(body, `data-search="saas:1201 saas_1201 `) || !strings.Contains(body, strings.ToLower(en.Text)) {
		t.Error("a row's search text lacks its key or its English")
	}
}

// TestProblemOutsideMiddleware: without Middleware's Localizer the title
// of an unknown code is still one for every occurrence, never the code.
func TestProblemOutsideMiddleware(t *testing.T) {
	m, _ := newBundle(t).Localizer("ja").LookupCode("1999")
	p := NewProblem(httptest.NewRequest("GET", "/", nil), 404, m, "")
	if p.Title != "Not Found" || p.Detail != m.Text || p.Lang != "en, ja" || p.Type != "urn:faceidmsg:message:UnknownCode" {
		t.Errorf("problem = %+v; want title Not Found, detail %q, lang en, ja", p, m.Text)
	}
	// Each language once, though the hint is English too.
	b, err := faceidmsg.New(faceidmsg.WithLocales(fstest.MapFS{"qaa.toml": {Data: []byte("[UnknownCode]\nother = \"x {{.Code}}\"\n")}}))
	if err != nil {
		t.Fatal(err)
	}
	m, _ = b.Localizer("qaa").LookupCode("1999")
	if p := NewProblem(httptest.NewRequest("GET", "/", nil), 404, m, ""); p.Lang != "en, qaa" {
		t.Errorf("lang = %q; want en, qaa", p.Lang)
	}
}

// TestResolveConcurrencyBound: with every slot taken by an upload still
// arriving, another /v1/resolve is answered 503 at once, without reading
// its body; once the upload finishes, the slot is free again.
func TestResolveConcurrencyBound(t *testing.T) {
	h := NewHandler(newBundle(t), WithMaxResolves(1))
	pr, pw := io.Pipe()
	first := make(chan *http.Response, 1)
	go func() { first <- do(t, h, "POST", "/v1/resolve", pr) }()
	if _, err := pw.Write([]byte(`{"Response":`)); err != nil { // the handler is reading: the slot is taken
		t.Fatal(err)
	}
	cr := &countingReader{left: 1 << 20}
	r := do(t, h, "POST", "/v1/resolve", cr)
	if r.StatusCode != http.StatusServiceUnavailable || r.Header.Get("Retry-After") == "" || cr.read != 0 {
		t.Errorf("a second upload: %d, Retry-After %q, %d bytes read; want 503, a Retry-After and nothing read", r.StatusCode, r.Header.Get("Retry-After"), cr.read)
	}
	pw.Write([]byte(`{"ErrorCode":0}}`))
	pw.Close()
	if r := <-first; r.StatusCode != 200 {
		t.Fatalf("the first upload: %d", r.StatusCode)
	}
	if r := do(t, h, "POST", "/v1/resolve", strings.NewReader(`{"Response":{"ErrorCode":0}}`)); r.StatusCode != 200 {
		t.Errorf("after the first finished: %d; want the slot free again", r.StatusCode)
	}
}

// TestHandlerUnderAppMiddleware: NewHandler mounted inside an app's
// Middleware answers in the language the app's Middleware chose (here
// from a cookie that the handler's own options do not name), so the app's
// pages and its API agree.
func TestHandlerUnderAppMiddleware(t *testing.T) {
	b := newBundle(t)
	mux := http.NewServeMux()
	mux.Handle("/faceid/", http.StripPrefix("/faceid", NewHandler(b)))
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, Localizer(r.Context()).Tag().String())
	})
	app := Middleware(b, WithCookie("lang"))(mux)
	req := func(path string) *http.Response {
		r := httptest.NewRequest("GET", path, nil)
		r.Header.Set("Accept-Language", "de")
		r.AddCookie(&http.Cookie{Name: "lang", Value: "th"})
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, r)
		return rec.Result()
	}
	if page := readAll(t, req("/page")); page != "th" {
		t.Fatalf("the app's page is in %q; want th", page)
	}
	r := req("/faceid/v1/codes/1201")
	want, _ := b.Localizer("th").LookupNumber(1201)
	if body := readAll(t, r); r.Header.Get("Content-Language") != "th" || !strings.Contains(body, want.Text) {
		t.Errorf("the mounted API answered in %q: %.80s; want th", r.Header.Get("Content-Language"), body)
	}
	if vary := strings.Join(r.Header.Values("Vary"), ","); !strings.Contains(vary, "Cookie") {
		t.Errorf("Vary %q; want Cookie, which chose the language", vary)
	}
}

// TestPublicAnswersCarryNoSupportData: no answer of any route carries the
// service's description, its own text, support details or the similarity
// score, unless WithSupportDetails says the clients are trusted.
func TestPublicAnswersCarryNoSupportData(t *testing.T) {
	b := newBundle(t)
	body := `{"Response":{"ErrorCode":16,"ErrorMsg":"SERVICE-TEXT-MARK","VerificationDetailList":[{"ErrorCode":2016,"LivenessInfoTag":["03"],"Similarity":41.5}],"RequestId":"r-1"}}`
	m2016, _ := b.Localizer("en").LookupNumber(2016)
	tag03, _ := faceidmsg.Detail(faceidmsg.DetailH5LivenessTag, "03")
	secrets := []string{`"description"`, `"service_text"`, `"details"`, `"similarity"`, "SERVICE-TEXT-MARK", tag03, m2016.Description, "41.5"}
	requests := []struct{ method, path, body string }{
		{"GET", "/v1/codes/2016", ""}, {"GET", "/v1/codes/saas:16", ""}, {"GET", "/v1/codes", ""},
		{"GET", "/v1/languages", ""}, {"GET", "/v1/codes/1999", ""}, {"GET", "/healthz", ""}, {"GET", "/", ""},
		{"POST", "/v1/resolve", body}, {"POST", "/v1/resolve", `{"Response":`}, {"POST", "/v1/resolve", `{"Response":{"ErrorCode":null,"ErrorMsg":"SERVICE-TEXT-MARK"}}`},
		{"GET", "/nowhere", ""}, {"DELETE", "/v1/codes", ""},
	}
	for _, support := range []bool{false, true} {
		var opts []Option
		if support {
			opts = append(opts, WithSupportDetails())
		}
		h := NewHandler(b, opts...)
		for _, rq := range requests {
			got := readAll(t, do(t, h, rq.method, rq.path, strings.NewReader(rq.body)))
			for _, s := range secrets {
				if !support && strings.Contains(got, s) {
					t.Errorf("%s %s answered %q in its public view: %.200s", rq.method, rq.path, s, got)
				}
			}
		}
		got := readAll(t, do(t, h, "POST", "/v1/resolve", strings.NewReader(body)))
		if has := strings.Contains(got, "SERVICE-TEXT-MARK") && strings.Contains(got, tag03) && strings.Contains(got, `"similarity":41.5`); has != support {
			t.Errorf("support %v: /v1/resolve = %.300s", support, got)
		}
	}
	// WriteJSON, what an app's own handler writes, is the public view too.
	rec := httptest.NewRecorder()
	WriteJSON(rec, 200, m2016)
	if got := rec.Body.String(); strings.Contains(got, m2016.Description) || strings.Contains(got, `"description"`) {
		t.Errorf("WriteJSON wrote %s", got)
	}
}
