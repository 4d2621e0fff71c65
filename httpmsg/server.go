package httpmsg

import (
	"net/http"
	"time"
)

// Timeouts and limits of NewServer's servers.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 15 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 30 * time.Second
	MaxHeaderBytes    = 64 << 10
)

// NewServer returns a server for h on addr with every timeout set and
// request headers capped at MaxHeaderBytes, so that a slow or hostile
// client holds a connection for a bounded time: one that never finishes
// its headers is cut off after ReadHeaderTimeout, and headers larger
// than the cap (net/http allows 4 KiB over it, so about 68 KiB in all)
// get 431.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}
