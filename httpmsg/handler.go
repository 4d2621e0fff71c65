package httpmsg

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/faceidmsg/faceidmsg"
)

// handler serves the API and the catalogue page for one bundle.
type handler struct {
	b        *faceidmsg.Bundle
	c        config
	cache    sync.Map      // cacheKey -> *cached: bodies that cannot change for a build
	resolves chan struct{} // a slot for each /v1/resolve request in flight
}

// cacheKey names a body that depends only on the build, the language and
// the path. Only known codes, the lists and the languages are kept, so
// the cache is bounded by the catalogue, whatever clients ask for.
type cacheKey struct {
	loc  *faceidmsg.Localizer // nil for what does not depend on the language
	what string
	ns   faceidmsg.Namespace
	code string
}

type cached struct {
	body []byte
	etag string
	lang string
}

// NewHandler returns the handler of the HTTP API and the catalogue page,
// with Middleware in front of it:
//
//	GET  /v1/codes/{code}  the message of a code as LookupCode reads it
//	                       (1201, saas:1201, appsdk:-999,
//	                       FailedOperation.CompareFail); 404 problem for an
//	                       unknown code, its title and detail localized
//	GET  /v1/codes         every code's message
//	GET  /v1/languages     the locales
//	POST /v1/resolve       a raw service response in, the resolution out
//	                       (as "faceidmsg resolve -json"), 200 for every
//	                       code read, success or not (the category says
//	                       which); 400 for a malformed body, 422 for one
//	                       with no code or of an API it does not read,
//	                       413 over WithMaxBody (32 MiB), read no further;
//	                       503 with Retry-After when WithMaxResolves
//	                       (16) requests are already in flight
//	GET  /healthz          "ok": the process is up
//	GET  /readyz           "ready": it can answer (English loads)
//	GET  /openapi.json     the API's OpenAPI 3.1 description (OpenAPI)
//	GET  /                 the catalogue page, in the negotiated language
//
// Responses that cannot change for a build carry a strong ETag and answer
// If-None-Match with 304. A wrong method is a 405 and an unknown path a 404,
// both as application/problem+json. Mount it under a prefix with
// http.StripPrefix. It is safe for concurrent use.
func NewHandler(b *faceidmsg.Bundle, opts ...Option) http.Handler {
	h := &handler{b: b, c: newConfig(opts)}
	h.resolves = make(chan struct{}, h.c.resolves)
	mux := http.NewServeMux()
	route := func(pattern string, f http.HandlerFunc, method string) {
		mux.HandleFunc(pattern, h.observe(method+" "+pattern, h.cors(h.only(f, method))))
	}
	route("/v1/codes/{code}", h.code, http.MethodGet)
	route("/v1/codes", h.codes, http.MethodGet)
	route("/v1/languages", h.languages, http.MethodGet)
	route("/v1/resolve", h.resolve, http.MethodPost)
	route("/healthz", h.health, http.MethodGet)
	route("/readyz", h.ready, http.MethodGet)
	route("/openapi.json", h.openAPI, http.MethodGet)
	route("/{$}", h.page, http.MethodGet)
	mux.HandleFunc("/", h.observe("unmatched", h.notFound))
	return Middleware(b, opts...)(mux)
}

// only admits the given method (and HEAD with GET); any other is a 405
// problem naming the allowed ones.
func (h *handler) only(f http.HandlerFunc, method string) http.HandlerFunc {
	allow := method
	if method == http.MethodGet {
		allow = "GET, HEAD"
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method && !(method == http.MethodGet && r.Method == http.MethodHead) {
			w.Header().Set("Allow", allow)
			h.httpProblem(w, http.StatusMethodNotAllowed)
			return
		}
		f(w, r)
	}
}

// httpProblem writes a problem that is about HTTP, not a message:
// type about:blank, its title the status phrase, as RFC 9457 asks.
func (h *handler) httpProblem(w http.ResponseWriter, status int) {
	body, _ := json.Marshal(struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Status int    `json:"status"`
	}{"about:blank", http.StatusText(status), status})
	writeBody(w, status, "application/problem+json", "en", append(body, '\n'))
}

func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.httpProblem(w, http.StatusNotFound)
}

// OpenAPI is the OpenAPI 3.1 description of NewHandler's API, which it
// also serves at /openapi.json.
//
//go:embed openapi.json
var OpenAPI []byte

func (h *handler) openAPI(w http.ResponseWriter, r *http.Request) {
	h.serveCachedBody(w, r, cacheKey{what: "openapi"}, "application/json", func() ([]byte, string, error) {
		return OpenAPI, "en", nil
	})
}

// ready answers 200 once the bundle serves English, which New has
// checked, so that a load balancer sends requests only to a server that
// can answer them.
func (h *handler) ready(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if _, err := h.b.Localizer("en").LookupNumber(0); err != nil {
		h.httpProblem(w, http.StatusServiceUnavailable)
		return
	}
	writeBody(w, http.StatusOK, "text/plain; charset=utf-8", "en", []byte("ready\n"))
}

// cors applies WithCORS to a route: the allow headers for an allowed
// Origin, and the answer to its preflight.
func (h *handler) cors(f http.HandlerFunc) http.HandlerFunc {
	if len(h.c.origins) == 0 {
		return f
	}
	return func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		w.Header().Add("Vary", "Origin")
		allowed := origin != "" && (slices.Contains(h.c.origins, origin) || slices.Contains(h.c.origins, "*"))
		if allowed {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Expose-Headers", "Content-Language, ETag, X-Request-Id")
		}
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			if allowed {
				w.Header().Set("Access-Control-Allow-Methods", "GET, HEAD, POST")
				w.Header().Set("Access-Control-Allow-Headers", "Accept-Language, Content-Type, If-None-Match, X-Request-Id")
				w.Header().Set("Access-Control-Max-Age", "600")
			}
			w.WriteHeader(http.StatusNoContent)
			return
		}
		f(w, r)
	}
}

func (h *handler) health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	writeBody(w, http.StatusOK, "text/plain; charset=utf-8", "en", []byte("ok\n"))
}

func (h *handler) code(w http.ResponseWriter, r *http.Request) {
	loc := Localizer(r.Context())
	raw := r.PathValue("code")
	m, err := loc.LookupCode(raw)
	if err != nil {
		h.unknownCode(string(m.Namespace))
		// Not cached: a client can ask for any number of unknown codes.
		WriteProblem(w, NewProblem(r, http.StatusNotFound, m, ""))
		return
	}
	h.serveCached(w, r, cacheKey{loc, "code", m.Namespace, m.Code}, func() (any, string) {
		return h.view(m), contentLanguage(m)
	})
}

func (h *handler) codes(w http.ResponseWriter, r *http.Request) {
	loc := Localizer(r.Context())
	h.serveCached(w, r, cacheKey{loc: loc, what: "codes"}, func() (any, string) {
		ms := loc.Messages()
		out := make([]any, len(ms))
		for i, m := range ms {
			out[i] = h.view(m)
		}
		return out, contentLanguage(ms...)
	})
}

func (h *handler) languages(w http.ResponseWriter, r *http.Request) {
	h.serveCached(w, r, cacheKey{what: "languages"}, func() (any, string) {
		type lang struct {
			Tag    string `json:"tag"`
			Name   string `json:"name"`
			Native string `json:"native"`
			Pseudo bool   `json:"pseudo"`
		}
		var out []lang
		for _, l := range h.b.Languages() {
			out = append(out, lang{l.Tag.String(), l.Name, l.Native, l.Pseudo})
		}
		return out, "en"
	})
}

// view is the JSON view of m that the handler answers with: the public
// one, or the support one under WithSupportDetails.
func (h *handler) view(m faceidmsg.Message) any {
	if h.c.support {
		return m.ForSupport()
	}
	return m
}

// serveCached writes the JSON of what make returns, building it once per
// key; see serveCachedBody.
func (h *handler) serveCached(w http.ResponseWriter, r *http.Request, k cacheKey, make func() (any, string)) {
	h.serveCachedBody(w, r, k, "application/json", func() ([]byte, string, error) {
		data, lang := make()
		body, err := json.Marshal(data)
		return append(body, '\n'), lang, err
	})
}

// serveCachedBody writes the body that build returns, of the given
// content type, building it once per key, with an ETag, answering a
// matching If-None-Match with 304.
func (h *handler) serveCachedBody(w http.ResponseWriter, r *http.Request, k cacheKey, contentType string, build func() ([]byte, string, error)) {
	v, ok := h.cache.Load(k)
	if !ok {
		body, lang, err := build()
		if err != nil {
			h.httpProblem(w, http.StatusInternalServerError)
			return
		}
		sum := sha256.Sum256(body)
		v, _ = h.cache.LoadOrStore(k, &cached{body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, lang: lang})
	}
	c := v.(*cached)
	hdr := w.Header()
	hdr.Set("ETag", c.etag)
	hdr.Set("Cache-Control", "no-cache")
	if etagMatch(r.Header.Get("If-None-Match"), c.etag) {
		hdr.Set("Content-Language", c.lang)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if r.Method == http.MethodHead {
		setHeaders(hdr, contentType, c.lang, len(c.body)) // GET's headers, no body
		w.WriteHeader(http.StatusOK)
		return
	}
	writeBody(w, http.StatusOK, contentType, c.lang, c.body)
}

// etagMatch reports whether an If-None-Match header matches etag, with
// the weak comparison RFC 9110 asks for there.
func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

func (h *handler) resolve(w http.ResponseWriter, r *http.Request) {
	loc := Localizer(r.Context())
	if len(r.TransferEncoding) > 0 {
		// A chunked body has no length to check up front; and behind a
		// proxy that frames requests otherwise, the connection must not
		// carry another request (RFC 9112 §6.1).
		w.Header().Set("Connection", "close")
	}
	if r.ContentLength > h.c.maxBody {
		// Known too large: answer before reading a byte of it, and
		// close the connection rather than drain the body.
		w.Header().Set("Connection", "close")
		h.resolveProblem(w, r, http.StatusRequestEntityTooLarge, "ResponseTooLarge", faceidmsg.Resolution{})
		return
	}
	select {
	case h.resolves <- struct{}{}:
		defer func() { <-h.resolves }()
	default:
		// Every slot is reading or resolving a body: refuse at once, so
		// that stalled uploads cannot pile up without bound.
		w.Header().Set("Retry-After", "1")
		w.Header().Set("Connection", "close")
		h.httpProblem(w, http.StatusServiceUnavailable)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.c.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		var netErr net.Error
		switch {
		case errors.As(err, &tooLarge):
			h.resolveProblem(w, r, http.StatusRequestEntityTooLarge, "ResponseTooLarge", faceidmsg.Resolution{})
		case errors.As(err, &netErr) && netErr.Timeout():
			w.Header().Set("Connection", "close")
			h.httpProblem(w, http.StatusRequestTimeout)
		default:
			h.resolveProblem(w, r, http.StatusBadRequest, "MalformedResponse", faceidmsg.Resolution{})
		}
		return
	}
	res, err := loc.Response(body)
	if errors.Is(err, faceidmsg.ErrUnknownCode) {
		h.unknownCode(string(res.Message.Namespace))
	}
	switch {
	case errors.Is(err, faceidmsg.ErrMalformedResponse):
		h.resolveProblem(w, r, http.StatusBadRequest, "MalformedResponse", res)
		return
	case errors.Is(err, faceidmsg.ErrNoCode):
		h.resolveProblem(w, r, http.StatusUnprocessableEntity, "NoCode", res)
		return
	case errors.Is(err, faceidmsg.ErrUnsupportedShape):
		h.resolveProblem(w, r, http.StatusUnprocessableEntity, "UnsupportedShape", res)
		return
	}
	var out []byte
	if h.c.support {
		out, err = json.Marshal(res.ForSupport())
	} else {
		out, err = json.Marshal(res)
	}
	if err != nil {
		h.httpProblem(w, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeBody(w, http.StatusOK, "application/json", contentLanguage(res.Message), append(out, '\n'))
}

// resolveProblem answers a body /v1/resolve cannot resolve: a problem of
// its own type (MalformedResponse, ResponseTooLarge, NoCode,
// UnsupportedShape) with the generic message, so an app can still show
// the person something.
func (h *handler) resolveProblem(w http.ResponseWriter, r *http.Request, status int, kind string, res faceidmsg.Resolution) {
	if res.Message.MessageID == "" {
		res.Message = Localizer(r.Context()).Generic()
	}
	p := NewProblem(r, status, res.Message, res.RequestID)
	p.Type = h.c.typeBase + kind
	WriteProblem(w, p)
}
