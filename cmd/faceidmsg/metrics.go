package main

import (
	"net/http"
	"strconv"
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
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

func (m *metrics) UnknownCode(ns string) { m.unknown.WithLabelValues(ns).Inc() }

// handler serves the metrics in Prometheus' text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
