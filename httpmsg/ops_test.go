package httpmsg

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLogRequests: one JSON record per request, with the fields an
// operator searches by, and the request ID echoed to the client.
func TestLogRequests(t *testing.T) {
	var buf bytes.Buffer
	h := LogRequests(slog.New(slog.NewJSONHandler(&buf, nil)), NewHandler(newBundle(t)))
	r := do(t, h, "GET", "/v1/codes/1201", nil, "Accept-Language", "th", "X-Request-Id", "abc-123")
	do(t, h, "GET", "/v1/codes/1201", nil, "X-Request-Id", "bad id\n")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d log lines; want 2:\n%s", len(lines), buf.String())
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"msg": "request", "method": "GET", "path": "/v1/codes/1201", "status": 200.0, "lang": "th", "request_id": "abc-123"} {
		if rec[k] != want {
			t.Errorf("log %s = %v; want %v (%s)", k, rec[k], want, lines[0])
		}
	}
	if rec["bytes"].(float64) <= 0 || rec["duration_ms"] == nil || r.Header.Get("X-Request-Id") != "abc-123" {
		t.Errorf("log %s, X-Request-Id %q", lines[0], r.Header.Get("X-Request-Id"))
	}
	json.Unmarshal([]byte(lines[1]), &rec)
	if id, _ := rec["request_id"].(string); id == "" || strings.ContainsAny(id, " \n") {
		t.Errorf("an unusable client ID was logged as %q; want a new one", id)
	}
}

type observed struct {
	mu       sync.Mutex
	requests []string
	unknown  []string
}

func (o *observed) ObserveRequest(route string, status int, d time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.requests = append(o.requests, route+" "+http.StatusText(status))
}

func (o *observed) UnknownCode(ns string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.unknown = append(o.unknown, ns)
}

// TestObserver: the Observer hears of each request by route and status,
// and of each unknown code by namespace.
func TestObserver(t *testing.T) {
	o := &observed{}
	h := NewHandler(newBundle(t), WithObserver(o))
	do(t, h, "GET", "/v1/codes/1201", nil)
	do(t, h, "GET", "/v1/codes/1999", nil)
	do(t, h, "POST", "/v1/resolve", strings.NewReader(`{"Response":{"Result":"FailedOperation.Nope"}}`))
	do(t, h, "GET", "/nowhere", nil)
	do(t, h, "GET", "/readyz", nil)
	want := []string{"GET /v1/codes/{code} OK", "GET /v1/codes/{code} Not Found", "POST /v1/resolve OK", "unmatched Not Found", "GET /readyz OK"}
	if !slices.Equal(o.requests, want) {
		t.Errorf("requests %q; want %q", o.requests, want)
	}
	if !slices.Equal(o.unknown, []string{"saas", "paas"}) {
		t.Errorf("unknown codes by namespace %q; want saas, paas", o.unknown)
	}
}

// TestCORS: only the named origins are allowed, and a preflight is
// answered without reaching the API.
func TestCORS(t *testing.T) {
	h := NewHandler(newBundle(t), WithCORS("https://app.example.com"))
	r := do(t, h, "GET", "/v1/codes/1201", nil, "Origin", "https://app.example.com")
	if r.Header.Get("Access-Control-Allow-Origin") != "https://app.example.com" || !slices.Contains(r.Header.Values("Vary"), "Origin") {
		t.Errorf("allowed origin: %v", r.Header)
	}
	r = do(t, h, "GET", "/v1/codes/1201", nil, "Origin", "https://evil.example")
	if r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("another origin was allowed: %v", r.Header)
	}
	req := httptest.NewRequest("OPTIONS", "/v1/resolve", nil)
	req.Header.Set("Origin", "https://app.example.com")
	req.Header.Set("Access-Control-Request-Method", "POST")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNoContent || !strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", rec.Code, rec.Header())
	}
	if r := do(t, NewHandler(newBundle(t)), "GET", "/v1/codes/1201", nil, "Origin", "https://app.example.com"); r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS is on without WithCORS")
	}
}

// TestReadyz: ready once the bundle serves.
func TestReadyz(t *testing.T) {
	r := do(t, NewHandler(newBundle(t)), "GET", "/readyz", nil)
	if r.StatusCode != 200 || readAll(t, r) != "ready\n" {
		t.Errorf("/readyz = %d", r.StatusCode)
	}
}
