package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faceidmsg/faceidmsg"
)

// TestServeShutdownLosesNothing: requests in flight when serve is told to
// stop (their bodies still arriving) all get their whole answer; then
// serve returns, and nothing listens any more.
func TestServeShutdownLosesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	addr, served := startServe(t, ctx, &out, "-addr", "127.0.0.1:0")
	body := `{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":2016,"LivenessErrorCode":0,"CompareErrorCode":2016}],"RequestId":"r-1"}}`
	b, _ := faceidmsg.New()
	want, _ := b.Localizer("th").Response([]byte(body))
	wantJSON, _ := json.Marshal(want)

	const n = 8
	var wg sync.WaitGroup
	started := make(chan struct{}, n)
	results := make(chan string, n)
	writers := make([]*io.PipeWriter, n)
	for i := range n {
		pr, pw := io.Pipe()
		writers[i] = pw
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest("POST", "http://"+addr+"/v1/resolve", pr)
			req.Header.Set("Accept-Language", "th")
			started <- struct{}{}
			resp, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
			if err != nil {
				results <- err.Error()
				return
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || strings.TrimSpace(string(got)) != string(wantJSON) {
				results <- fmt.Sprintf("%d %s", resp.StatusCode, got)
				return
			}
			results <- ""
		}()
	}
	// Every request sends half its body, then the server is told to stop,
	// then the rest arrives.
	for i := range n {
		<-started
		go writers[i].Write([]byte(body[:len(body)/2]))
	}
	time.Sleep(300 * time.Millisecond)
	cancel()
	time.Sleep(200 * time.Millisecond)
	for _, w := range writers {
		w.Write([]byte(body[len(body)/2:]))
		w.Close()
	}
	wg.Wait()
	close(results)
	for r := range results {
		if r != "" {
			t.Errorf("a request in flight at shutdown got %s", r)
		}
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not return after shutdown")
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
	if !strings.Contains(out.String(), `"msg":"serving","addr":"http://127.0.0.1:`) || !strings.Contains(out.String(), `"msg":"stopped"`) {
		t.Errorf("serve printed %q", out.String())
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{{"serve", "extra"}, {"serve", "-addr"}, {"serve", "-nope"}} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%q = %d; want 2", args, code)
		}
	}
	if code, _, errOut := runCLI(t, "serve", "-addr", "256.0.0.1:0"); code != 1 || errOut == "" {
		t.Errorf("serve on a bad address = %d, %q; want 1 and an error", code, errOut)
	}
}

// TestServeMaxBody: -max-body sets the largest body /v1/resolve reads,
// and a value below 1 is a usage error.
func TestServeMaxBody(t *testing.T) {
	if err := serve(context.Background(), []string{"-max-body", "0"}, io.Discard, nil); !isUsage(err) {
		t.Errorf("serve -max-body 0 = %v; want a usage error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, served := startServe(t, ctx, io.Discard, "-addr", "127.0.0.1:0", "-max-body", "64")
	for _, tt := range []struct {
		body   string
		status int
	}{
		{`{"Response":{"ErrorCode":0}}`, 200},
		{`{"Response":{"ErrorCode":0,"RequestId":"` + strings.Repeat("x", 64) + `"}}`, 413},
	} {
		resp, err := http.Post("http://"+addr+"/v1/resolve", "application/json", strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%d-byte body under -max-body 64: %d; want %d", len(tt.body), resp.StatusCode, tt.status)
		}
	}
	cancel()
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// startServe runs serve with args until ctx ends, and returns the address
// it listens on and the channel its result arrives on.
func startServe(t *testing.T, ctx context.Context, out io.Writer, args ...string) (string, <-chan error) {
	t.Helper()
	ready := make(chan string, 1)
	served := make(chan error, 1)
	go func() { served <- serve(ctx, args, out, ready) }()
	select {
	case addr := <-ready:
		return addr, served
	case err := <-served:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	return "", nil
}

// TestServeMaxConns: with -max-conns 1 and one connection held open, a
// second client is not served until the first closes.
func TestServeMaxConns(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, served := startServe(t, ctx, io.Discard, "-addr", "127.0.0.1:0", "-max-conns", "1")
	held, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: 300 * time.Millisecond, Transport: &http.Transport{DisableKeepAlives: true}}
	if resp, err := client.Get("http://" + addr + "/healthz"); err == nil {
		resp.Body.Close()
		t.Fatalf("a second connection was served while the first was held: %d", resp.StatusCode)
	}
	held.Close()
	client.Timeout = 5 * time.Second
	resp, err := client.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
	resp.Body.Close()
	cancel()
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// TestServeOperations: serve logs each request as JSON, exposes
// Prometheus metrics (an unknown code counted by namespace), answers
// /readyz, and takes its flags from the environment.
func TestServeOperations(t *testing.T) {
	t.Setenv("FACEIDMSG_ADDR", "127.0.0.1:0")
	t.Setenv("FACEIDMSG_MAX_BODY", "64")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out syncBuffer
	addr, served := startServe(t, ctx, &out)
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/readyz"); code != 200 {
		t.Errorf("/readyz = %d", code)
	}
	get("/v1/codes/1999")
	resp, _ := http.Post("http://"+addr+"/v1/resolve", "application/json", strings.NewReader(strings.Repeat("x", 100)))
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a 100-byte body under FACEIDMSG_MAX_BODY=64: %d; want 413", resp.StatusCode)
	}
	_, metrics := get("/metrics")
	for _, want := range []string{
		`faceidmsg_unknown_codes_total{namespace="saas"} 1`,
		`faceidmsg_http_requests_total{code="200",route="GET /readyz"} 1`,
		`faceidmsg_http_requests_total{code="404",route="GET /v1/codes/{code}"} 1`,
		`faceidmsg_http_request_duration_seconds_count{route="GET /readyz"} 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	cancel()
	<-served
	if !strings.Contains(out.String(), `"msg":"request","method":"GET","path":"/v1/codes/1999","status":404`) {
		t.Errorf("no access log line for /v1/codes/1999 in:\n%s", out.String())
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestFromEnv: FACEIDMSG_* sets each flag, PORT sets the port when
// FACEIDMSG_ADDR does not, and a bad value is a usage error naming it.
func TestFromEnv(t *testing.T) {
	newFS := func() (*flag.FlagSet, *string) {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		return fs, fs.String("addr", "127.0.0.1:8080", "")
	}
	fs, addr := newFS()
	t.Setenv("PORT", "8081")
	if err := fromEnv(fs); err != nil || *addr != ":8081" {
		t.Errorf("PORT=8081: addr %q, %v; want :8081", *addr, err)
	}
	t.Setenv("FACEIDMSG_ADDR", "127.0.0.1:9000")
	fs, addr = newFS()
	if err := fromEnv(fs); err != nil || *addr != "127.0.0.1:9000" {
		t.Errorf("FACEIDMSG_ADDR wins over PORT: addr %q, %v", *addr, err)
	}
	fs = flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.Int64("max-body", 1, "")
	t.Setenv("FACEIDMSG_MAX_BODY", "lots")
	if err := fromEnv(fs); !isUsage(err) || !strings.Contains(err.Error(), "FACEIDMSG_MAX_BODY") {
		t.Errorf("a bad FACEIDMSG_MAX_BODY: %v; want a usage error naming it", err)
	}
}
