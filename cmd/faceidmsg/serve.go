package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/httpmsg"
	"golang.org/x/net/netutil"
)

// defaultMaxConns caps serve's open connections: well under the usual
// limit of 1024 open files.
const defaultMaxConns = 512

// shutdownGrace is how long serve waits for requests in flight when it is
// told to stop.
const shutdownGrace = 20 * time.Second

// serveCmd runs the HTTP API and catalogue page until SIGINT or SIGTERM.
func serveCmd(args []string, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first signal, a second one is not caught: it ends
		// the process at once, for someone who cannot wait out the grace.
		<-ctx.Done()
		stop()
	}()
	return serve(ctx, args, stdout, nil)
}

// serve listens on -addr (127.0.0.1:8080 unless given) and serves until
// ctx ends, then shuts down gracefully: it stops accepting, and finishes
// the requests in flight. ready, if not nil, receives the address it
// listens on.
func serve(ctx context.Context, args []string, stdout io.Writer, ready chan<- string) error {
	var o options
	fs := o.flags("serve", false)
	addr := fs.String("addr", "127.0.0.1:8080", "host:port to listen on")
	maxBody := fs.Int64("max-body", faceidmsg.MaxResponseSize, "largest body /v1/resolve reads, in bytes")
	maxConns := fs.Int("max-conns", defaultMaxConns, "most connections open at once; more wait to be accepted")
	support := fs.Bool("support", false, "answer with support details (descriptions, the service's text, liveness tags): a trusted network only")
	cors := fs.String("cors-origins", "", "comma-separated origins whose pages may call the API from a browser")
	if err := fromEnv(fs); err != nil {
		return err
	}
	if err := o.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *maxBody < 1 {
		return usagef("-max-body is a number of bytes, at least 1, not %d", *maxBody)
	}
	if *maxConns < 1 {
		return usagef("-max-conns is a number of connections, at least 1, not %d", *maxConns)
	}
	b, err := o.bundle()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	// Beyond the cap, a connection waits in the kernel's queue until
	// another closes, so idle clients cannot take every file descriptor.
	ln = netutil.LimitListener(ln, *maxConns)
	m := newMetrics()
	hopts := []httpmsg.Option{httpmsg.WithMaxBody(*maxBody), httpmsg.WithObserver(m)}
	if *support {
		hopts = append(hopts, httpmsg.WithSupportDetails())
	}
	if *cors != "" {
		hopts = append(hopts, httpmsg.WithCORS(strings.Split(*cors, ",")...))
	}
	logger := slog.New(slog.NewJSONHandler(stdout, nil))
	srv := httpmsg.NewServer(ln.Addr().String(), serveHandler(b, m, logger, hopts...))
	logger.Info("serving", slog.String("addr", "http://"+ln.Addr().String()+"/"), slog.Int("locales", len(b.Languages())))
	if ready != nil {
		ready <- ln.Addr().String()
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// fromEnv sets each of fs's flags from the environment, as container
// platforms configure a program: FACEIDMSG_ and the flag's name in upper
// case with "_" for "-" (FACEIDMSG_ADDR, FACEIDMSG_MAX_BODY), and PORT,
// which such platforms set, as the port to listen on at every address
// when FACEIDMSG_ADDR is not set. A flag on the command line wins.
func fromEnv(fs *flag.FlagSet) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		name := "FACEIDMSG_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(name); ok && err == nil {
			if e := fs.Set(f.Name, v); e != nil {
				err = usagef("%s=%q: %v", name, v, e)
			}
		}
	})
	if port, ok := os.LookupEnv("PORT"); ok && err == nil && os.Getenv("FACEIDMSG_ADDR") == "" && fs.Lookup("addr") != nil {
		if e := fs.Set("addr", ":"+port); e != nil {
			err = usagef("PORT=%q: %v", port, e)
		}
	}
	return err
}

// serveHandler is what serve answers with: the API and page of
// httpmsg.NewHandler, /metrics, and an access log line per request.
func serveHandler(b *faceidmsg.Bundle, m *metrics, logger *slog.Logger, opts ...httpmsg.Option) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", m.handler())
	mux.Handle("/", httpmsg.NewHandler(b, opts...))
	return httpmsg.LogRequests(logger, mux)
}
