package main

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/httpmsg"
)

// BenchmarkServeCodeOperated: serve's whole handler (access log as JSON,
// Prometheus metrics, the API) answering GET /v1/codes/1201 for a browser
// header, through httptest.NewRecorder. Compare with httpmsg's
// BenchmarkServeCode (the API alone) and BenchmarkServeStatic (the floor)
// in the same run.
func BenchmarkServeCodeOperated(b *testing.B) {
	bundle, err := faceidmsg.New()
	if err != nil {
		b.Fatal(err)
	}
	m := newMetrics()
	h := serveHandler(bundle, m, slog.New(slog.NewJSONHandler(io.Discard, nil)), httpmsg.WithObserver(m))
	req := httptest.NewRequest("GET", "/v1/codes/1201", nil)
	req.Header.Set("Accept-Language", "th-TH,th;q=0.9,en-US;q=0.8,en;q=0.7,ja;q=0.5")
	b.ReportAllocs()
	for b.Loop() {
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
}
