package httpmsg

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/faceidmsg/faceidmsg"
)

// Option configures Middleware and NewHandler.
type Option func(*config)

type config struct {
	param    string // query parameter naming a language; "" for none
	cookie   string // cookie naming a language; "" for none
	typeBase string // prefix of a problem's type URI
	maxBody  int64  // the largest body /v1/resolve reads
	resolves int    // how many /v1/resolve requests run at once
	support  bool   // the /v1/* answers carry the support view
	observer Observer
	origins  []string // origins allowed by CORS; none unless set
}

// DefaultMaxResolves is how many /v1/resolve requests NewHandler's handler
// reads and resolves at once unless WithMaxResolves says otherwise.
const DefaultMaxResolves = 16

const defaultTypeBase = "urn:faceidmsg:message:"

func newConfig(opts []Option) config {
	c := config{param: "lang", typeBase: defaultTypeBase, maxBody: faceidmsg.MaxResponseSize, resolves: DefaultMaxResolves}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithQueryParam names the query parameter that chooses the language
// ("lang" unless set; "" turns it off).
func WithQueryParam(name string) Option { return func(c *config) { c.param = name } }

// WithCookie names a cookie that holds the reader's chosen language, read
// after the query parameter and before Accept-Language. Responses then
// also vary by Cookie.
func WithCookie(name string) Option { return func(c *config) { c.cookie = name } }

// WithProblemTypeBase sets the prefix of problem type URIs (NewProblem's
// and NewHandler's): a problem's type is the prefix and its message ID,
// or one of UnknownCode, MalformedResponse, ResponseTooLarge, NoCode and
// UnsupportedShape. The default, "urn:faceidmsg:message:", names without
// locating; give an https URL of your own documentation to make types
// resolve.
func WithProblemTypeBase(uri string) Option { return func(c *config) { c.typeBase = uri } }

// WithMaxResolves sets how many /v1/resolve requests NewHandler's handler
// reads and resolves at once (DefaultMaxResolves unless set). One more is
// answered 503 with Retry-After at once, before a byte of its body is
// read, so the memory that uploads hold is bounded by n times the body
// cap (WithMaxBody), however many clients connect. A value below 1 keeps
// the default. Middleware ignores it.
func WithMaxResolves(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.resolves = n
		}
	}
}

// WithCORS lets pages of the given origins ("https://app.example.com")
// call NewHandler's API from a browser: a request whose Origin is one of
// them is answered with Access-Control-Allow-Origin, and a preflight
// (OPTIONS) with the methods and headers the API takes. No origin is
// allowed unless set; "*" allows any, for an API that serves only public
// texts. Middleware ignores it.
func WithCORS(origins ...string) Option {
	return func(c *config) { c.origins = append(c.origins, origins...) }
}

// WithSupportDetails makes NewHandler's /v1/* answers carry the support
// view (faceidmsg's ForSupport: the service's description and own text,
// support details, the similarity score) instead of the public one. These
// tell an attacker which signal caught them: use it only where every
// client is trusted (support staff on an internal network). Middleware,
// WriteJSON and the problems ignore it: they always write the public view.
func WithSupportDetails() Option { return func(c *config) { c.support = true } }

// WithMaxBody sets the largest body NewHandler's /v1/resolve reads, in
// bytes (faceidmsg.MaxResponseSize, 32 MiB, unless set; a result with its
// video is a few MiB). A larger body is a 413, read no further than the
// cap. Memory grows with what a client sends, not with the cap. A value
// below 1 keeps the default. Middleware ignores it.
func WithMaxBody(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBody = n
		}
	}
}

type ctxKey struct{}

// reqState is what Middleware leaves in a request's context.
type reqState struct {
	bundle   *faceidmsg.Bundle
	loc      *faceidmsg.Localizer
	typeBase string
}

func fromContext(ctx context.Context) reqState {
	s, ok := ctx.Value(ctxKey{}).(*reqState)
	if !ok {
		return reqState{typeBase: defaultTypeBase}
	}
	return *s
}

// Localizer returns the Localizer Middleware chose for the request whose
// context is ctx, or nil when the request did not pass through it.
func Localizer(ctx context.Context) *faceidmsg.Localizer {
	return fromContext(ctx).loc
}

// Middleware negotiates the language of each request once, with the
// bundle's rules (see faceidmsg's package documentation), and hands the
// Localizer to next in the request's context. The preferences are read in
// this order: the query parameter (lang), the cookie, if one is named,
// then every Accept-Language header. Whatever they hold, the work is
// bounded, and a value no locale serves is skipped. It sets Vary:
// Accept-Language (and Cookie) on every response, since the body depends
// on them.
//
// A request that already passed through a Middleware of the same bundle
// keeps the Localizer chosen there: the language is negotiated once per
// request, by the outermost Middleware and its options, so a NewHandler
// mounted inside an app's Middleware answers in the app's language.
func Middleware(b *faceidmsg.Bundle, opts ...Option) func(http.Handler) http.Handler {
	c := newConfig(opts)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			addVary(w.Header(), c)
			loc := c.localizer
			if outer, ok := r.Context().Value(ctxKey{}).(*reqState); ok && outer.bundle == b && outer.loc != nil {
				loc = func(*faceidmsg.Bundle, *http.Request) *faceidmsg.Localizer { return outer.loc }
			}
			st := &reqState{bundle: b, loc: loc(b, r), typeBase: c.typeBase}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, st)))
		})
	}
}

// localizer negotiates r's language.
func (c config) localizer(b *faceidmsg.Bundle, r *http.Request) *faceidmsg.Localizer {
	var buf [8]string
	prefs := buf[:0]
	if c.param != "" && r.URL.RawQuery != "" {
		if v := queryValue(r.URL.RawQuery, c.param); v != "" {
			prefs = append(prefs, v)
		}
	}
	if c.cookie != "" {
		if ck, err := r.Cookie(c.cookie); err == nil && ck.Value != "" {
			prefs = append(prefs, ck.Value)
		}
	}
	prefs = append(prefs, r.Header.Values("Accept-Language")...)
	return b.Localizer(prefs...)
}

// queryValue returns the first value of key in a raw query, without
// parsing the rest of it.
func queryValue(raw, key string) string {
	for raw != "" {
		var kv string
		kv, raw, _ = strings.Cut(raw, "&")
		k, v, _ := strings.Cut(kv, "=")
		if k == key {
			if u, err := url.QueryUnescape(v); err == nil {
				return u
			}
			return ""
		}
	}
	return ""
}

// addVary adds the request headers the response depends on, once each,
// however many Middlewares a request passes through.
func addVary(h http.Header, c config) {
	addVaryOnce(h, "Accept-Language")
	if c.cookie != "" {
		addVaryOnce(h, "Cookie")
	}
}

func addVaryOnce(h http.Header, name string) {
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), name) {
				return
			}
		}
	}
	h.Add("Vary", name)
}
