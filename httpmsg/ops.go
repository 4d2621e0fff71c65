package httpmsg

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// This file is what an operator watches: one structured access log line
// per request, and a hook through which a server counts requests, their
// latency and the unknown codes clients ask about.

// Observer is told about every request NewHandler's handler answers: its
// route (the pattern that matched, such as "GET /v1/codes/{code}", or
// "unmatched"), status and duration; and about every unknown code it was
// asked to look up or resolve, by namespace, so that a code the catalogue
// lacks shows up on the operator's dashboard. Its methods are called
// concurrently.
type Observer interface {
	ObserveRequest(route string, status int, d time.Duration)
	UnknownCode(ns string)
}

// WithObserver sets the Observer of NewHandler's handler. Middleware
// ignores it.
func WithObserver(o Observer) Option { return func(c *config) { c.observer = o } }

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// LogRequests wraps next so that each request is logged once it is
// answered, as one record of logger at level Info: method, path, status,
// bytes, duration_ms, lang (the Content-Language answered, the negotiated
// language) and request_id. The request ID is the client's X-Request-Id
// when it sends a usable one, else a new random one; either way it is set
// on the response's X-Request-Id, so a client can quote it to support.
func LogRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if !usableRequestID(id) {
			id = newRequestID()
		}
		w.Header().Set("X-Request-Id", id)
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Int("bytes", sw.bytes),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("lang", w.Header().Get("Content-Language")),
			slog.String("request_id", id),
		)
	})
}

// requestIDs are this process's: a random prefix, then a counter, which
// costs no system call per request and never repeats within the process.
var (
	requestIDPrefix = func() string {
		var b [6]byte
		rand.Read(b[:])
		return hex.EncodeToString(b[:]) + "-"
	}()
	requestIDCount atomic.Uint64
)

func newRequestID() string {
	return requestIDPrefix + strconv.FormatUint(requestIDCount.Add(1), 36)
}

// usableRequestID accepts a client's request ID made of at most 64
// letters, digits, '-', '_' and '.', so that nothing else reaches a log.
func usableRequestID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// observe wraps a route's handler so that the Observer, if any, is told
// about each request.
func (h *handler) observe(route string, f http.HandlerFunc) http.HandlerFunc {
	if h.c.observer == nil {
		return f
	}
	return func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		f(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		h.c.observer.ObserveRequest(route, sw.status, time.Since(start))
	}
}

// unknownCode tells the Observer, if any, about an unknown code.
func (h *handler) unknownCode(ns string) {
	if h.c.observer != nil {
		h.c.observer.UnknownCode(ns)
	}
}
