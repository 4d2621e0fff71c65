package httpmsg

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

const browserHeader = "th-TH,th;q=0.9,en-US;q=0.8,en;q=0.7,zh-TW;q=0.6"

// BenchmarkServeCode: the handler answering GET /v1/codes/1201 for a
// 5-entry Accept-Language header.
func BenchmarkServeCode(b *testing.B) {
	h := NewHandler(newBundle(b))
	req := httptest.NewRequest("GET", "/v1/codes/1201", nil)
	req.Header.Set("Accept-Language", browserHeader)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
	}
}

// BenchmarkServeStatic: a handler writing the same JSON body, with the
// same headers, from a precomputed []byte: the floor.
func BenchmarkServeStatic(b *testing.B) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/v1/codes/1201", nil)
	req.Header.Set("Accept-Language", browserHeader)
	NewHandler(newBundle(b)).ServeHTTP(rec, req)
	body := rec.Body.Bytes()
	etag := rec.Header().Get("ETag")
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Language")
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "no-cache")
		writeBody(w, http.StatusOK, "application/json", "th", body)
	})
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
	}
}
