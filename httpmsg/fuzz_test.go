package httpmsg

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzHandler sends any path, query, Accept-Language, cookie and body:
// the answer is always one of the documented statuses, with a JSON (or
// problem, or page) body that parses, and Content-Language set.
func FuzzHandler(f *testing.F) {
	for _, s := range [][4]string{
		{"/v1/codes/1201", "th", "", ""}, {"/v1/codes/appsdk:-999", "zh-TW", "lang=ja", ""},
		{"/v1/resolve", "", "", `{"Response":{"ErrorCode":16}}`}, {"/", "ar", "", ""}, {"/v1/codes/%00", "\xff", "", ""},
		{"/nope", "", "", ""}, {"/v1/resolve", "", "", `{"Response":`},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	h := NewHandler(newBundle(f), WithCookie("lang"))
	f.Fuzz(func(t *testing.T, path, lang, query, body string) {
		u := &url.URL{Path: "/" + strings.TrimPrefix(path, "/"), RawQuery: query}
		method := "GET"
		if body != "" {
			method = "POST"
		}
		req := httptest.NewRequest(method, "/", strings.NewReader(body))
		req.URL = u
		req.RequestURI = u.RequestURI()
		req.Header.Set("Accept-Language", lang)
		req.Header.Set("Cookie", "lang="+url.QueryEscape(query))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 301, 307, 400, 404, 405, 413, 422:
		default:
			t.Fatalf("%s %q: status %d", method, u, rec.Code)
		}
		if rec.Code == 301 || rec.Code == 307 {
			return // ServeMux cleaning the path: 301 for GET, 307 for POST
		}
		if rec.Header().Get("Content-Language") == "" {
			t.Fatalf("%s %q: no Content-Language", method, u)
		}
		if ct := rec.Header().Get("Content-Type"); strings.Contains(ct, "json") {
			var v any
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
				t.Fatalf("%s %q: %s body does not parse: %v", method, u, ct, err)
			}
		} else if ct != "text/html; charset=utf-8" && ct != "text/plain; charset=utf-8" {
			t.Fatalf("%s %q: Content-Type %q", method, u, ct)
		}
	})
}
