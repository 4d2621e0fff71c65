package httpmsg

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faceidmsg/faceidmsg"
)

// startServer serves h on 127.0.0.1 with NewServer's settings, changed by
// adjust, and stops it when the test ends.
func startServer(t *testing.T, h http.Handler, adjust func(*http.Server)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(ln.Addr().String(), h)
	if adjust != nil {
		adjust(srv)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// TestConcurrentClients: many clients at once, each answer compared with
// the library's own. Bounded: 16 clients, 40 requests each.
func TestConcurrentClients(t *testing.T) {
	b := newBundle(t)
	base := startServer(t, NewHandler(b), nil)
	headers := []string{"th-TH,th;q=0.9", "zh-TW", "ar-EG", "qaa, id;q=0.5", "", "pt-PT", "ja", "de-AT", "junk;q=x, es", "\xff\xfe;q=0., th"}
	codes := []string{"1201", "appsdk:-999", "FailedOperation.CompareFail", "1999", "selfie-ios:215", "InvalidParameter"}
	client := &http.Client{Timeout: 10 * time.Second}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				h, c := headers[(g+i)%len(headers)], codes[(g*5+i)%len(codes)]
				req, _ := http.NewRequest("GET", base+"/v1/codes/"+c, nil)
				req.Header.Set("Accept-Language", h)
				resp, err := client.Do(req)
				if err != nil {
					errs <- err.Error()
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				m, err := b.Localizer(h).LookupCode(c)
				var want []byte
				if err != nil {
					want, _ = json.Marshal(problemIn(b, h, 404, m))
				} else {
					want, _ = json.Marshal(m)
				}
				if strings.TrimSpace(string(body)) != string(want) {
					select {
					case errs <- fmt.Sprintf("%q %s: %s; want %s", h, c, body, want):
					default:
					}
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestSlowHeadersCutOff: a client that never finishes its headers is cut
// off by ReadHeaderTimeout (shortened here so that the test is quick).
func TestSlowHeadersCutOff(t *testing.T) {
	if ReadHeaderTimeout <= 0 || ReadTimeout <= 0 || WriteTimeout <= 0 || IdleTimeout <= 0 || MaxHeaderBytes <= 0 {
		t.Fatal("NewServer leaves a timeout or the header limit unset")
	}
	base := startServer(t, NewHandler(newBundle(t)), func(s *http.Server) { s.ReadHeaderTimeout = 300 * time.Millisecond })
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	fmt.Fprint(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\nAccept-Language: th") // and never the rest
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf, _ := io.ReadAll(conn)
	if took := time.Since(start); took > 4*time.Second || strings.Contains(string(buf), "200 OK") {
		t.Errorf("after %v the server sent %q; want the connection cut off", took, buf)
	}
}

// TestHostileHeaders: each gets a clean answer, not a hang or a crash.
func TestHostileHeaders(t *testing.T) {
	base := startServer(t, NewHandler(newBundle(t)), nil)
	addr := strings.TrimPrefix(base, "http://")
	for _, tt := range []struct {
		name, headers string
		status        string
	}{
		{"1 MiB Accept-Language", "Accept-Language: " + strings.Repeat("th-TH,", 1<<20/6) + "\r\n", "431"},
		{"many Accept-Language headers", strings.Repeat("Accept-Language: qaa;q=0.1, xx-yy\r\n", 500), "200"},
		{"junk bytes", "Accept-Language: \xff\xfe;q=0., th\r\nCookie: lang=\xff\r\n", "200"},
		{"a control byte", "Accept-Language: th\x7f\r\n", "400"},
		{"a 4 KiB tag", "Accept-Language: " + strings.Repeat("a", 4096) + "\r\n", "200"},
		{"no Host", "", "400"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			host := "Host: x\r\n"
			if tt.name == "no Host" {
				host = ""
			}
			go fmt.Fprintf(conn, "GET /v1/codes/1201 HTTP/1.1\r\n%s%sConnection: close\r\n\r\n", host, tt.headers)
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			line, err := bufio.NewReader(conn).ReadString('\n')
			if err != nil || !strings.Contains(line, " "+tt.status+" ") {
				t.Errorf("status line %q, %v; want %s", line, err, tt.status)
			}
		})
	}
}

// problemIn is NewProblem for m in a request with the Accept-Language
// header al.
func problemIn(b *faceidmsg.Bundle, al string, status int, m faceidmsg.Message) Problem {
	var p Problem
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept-Language", al)
	Middleware(b)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p = NewProblem(r, status, m, "")
	})).ServeHTTP(httptest.NewRecorder(), req)
	return p
}
