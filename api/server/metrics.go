package server

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/intern-tracker/tracker/pkg/store"
)

// metrics are the server's Prometheus series, in a registry of its own so
// that several servers can live in one test process.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	queued   prometheus.Gauge // API requests waiting for a place (admit)
	active   prometheus.Gauge // API requests being handled (admit)
}

func newMetrics(st *store.Store) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tracker_http_requests_total", Help: "HTTP requests by route, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tracker_http_request_duration_seconds", Help: "HTTP request latency by route and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method"}),
		queued: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "tracker_http_requests_queued", Help: "API requests waiting for their turn (TRACKER_MAX_ACTIVE).",
		}),
		active: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "tracker_http_requests_active", Help: "API requests being handled, at most TRACKER_MAX_ACTIVE.",
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.queued, m.active, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if st != nil {
		m.reg.MustRegister(poolCollector{st})
	}
	return m
}

func (m *metrics) observe(route, method string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route, method).Observe(d.Seconds())
}

func (s *Server) metricsHandler(c echo.Context) error {
	promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}).ServeHTTP(c.Response(), c.Request())
	return nil
}

// poolCollector reports the database pools' statistics at scrape time.
type poolCollector struct{ st *store.Store }

var (
	poolOpen    = prometheus.NewDesc("tracker_db_open_connections", "Open database connections.", []string{"pool"}, nil)
	poolInUse   = prometheus.NewDesc("tracker_db_in_use_connections", "Database connections in use.", []string{"pool"}, nil)
	poolIdle    = prometheus.NewDesc("tracker_db_idle_connections", "Idle database connections.", []string{"pool"}, nil)
	poolWait    = prometheus.NewDesc("tracker_db_wait_count_total", "Times a request waited for a database connection.", []string{"pool"}, nil)
	poolWaitDur = prometheus.NewDesc("tracker_db_wait_seconds_total", "Time spent waiting for a database connection.", []string{"pool"}, nil)
)

func (p poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{poolOpen, poolInUse, poolIdle, poolWait, poolWaitDur} {
		ch <- d
	}
}

func (p poolCollector) Collect(ch chan<- prometheus.Metric) {
	for name, st := range p.st.PoolStats() {
		ch <- prometheus.MustNewConstMetric(poolOpen, prometheus.GaugeValue, float64(st.OpenConnections), name)
		ch <- prometheus.MustNewConstMetric(poolInUse, prometheus.GaugeValue, float64(st.InUse), name)
		ch <- prometheus.MustNewConstMetric(poolIdle, prometheus.GaugeValue, float64(st.Idle), name)
		ch <- prometheus.MustNewConstMetric(poolWait, prometheus.CounterValue, float64(st.WaitCount), name)
		ch <- prometheus.MustNewConstMetric(poolWaitDur, prometheus.CounterValue, st.WaitDuration.Seconds(), name)
	}
}
