package main

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are serve's Prometheus metrics, on a registry of their own: the
// requests by route and status, their latency, and the unknown codes
// clients asked about, by namespace, so that a code the catalogue lacks
// shows up on the operator's dashboard. It is an httpmsg.Observer.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	unknown  *prometheus.CounterVec
	byRoute  sync.Map // routeKey -> *routeMetrics
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faceidmsg_http_requests_total", Help: "Requests answered, by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "faceidmsg_http_request_duration_seconds", Help: "Time to answer a request, by route.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 4, 8),
		}, []string{"route"}),
		unknown: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faceidmsg_unknown_codes_total", Help: "Codes not in the catalogue that clients looked up or resolved, by namespace.",
		}, []string{"namespace"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.unknown,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) ObserveRequest(route string, status int, d time.Duration) {
	c := m.children(route, status)
	c.requests.Inc()
	c.latency.Observe(d.Seconds())
}

// routeMetrics are one route's and status's series, looked up once: a
// labelled lookup hashes the labels on every call.
type routeMetrics struct {
	requests prometheus.Counter
	latency  prometheus.Observer
}

type routeKey struct {
	route  string
	status int
}

func (m *metrics) children(route string, status int) *routeMetrics {
	k := routeKey{route, status}
	if c, ok := m.byRoute.Load(k); ok {
		return c.(*routeMetrics)
	}
	c, _ := m.byRoute.LoadOrStore(k, &routeMetrics{
		requests: m.requests.WithLabelValues(route, strconv.Itoa(status)),
		latency:  m.latency.WithLabelValues(route),
	})
	return c.(*routeMetrics)
}

func (m *metrics) UnknownCode(ns string) { m.unknown.WithLabelValues(ns).Inc() }

// handler serves the metrics in Prometheus' text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
