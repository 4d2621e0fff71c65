package httpmsg

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	url2 "net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/chromium"
	"golang.org/x/net/html"
)

var screenshot = flag.String("screenshot", "", "write a PNG of the catalogue page to this file")

// TestBrowserCatalogue loads the catalogue page in headless Chromium:
// the texts of several languages, Arabic right to left, the filter (from a
// ?q= link), and a console with no message at all, so no error and no
// Content-Security-Policy violation. It drives Chromium's own command line
// (--dump-dom), with no Go dependency.
func TestBrowserCatalogue(t *testing.T) {
	exe := chromium.Path(t)
	b := newBundle(t)
	base := startServer(t, NewHandler(b), nil)

	for _, tag := range []string{"ar", "th", "zh-Hant", "en"} {
		doc := dumpDOM(t, exe, base+"/?lang="+tag)
		want, _ := b.Localizer(tag).LookupCode("1201")
		wantDir := "ltr"
		if tag == "ar" {
			wantDir = "rtl"
		}
		root := find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "html" })
		row := find(doc, func(n *html.Node) bool { return n.Data == "tr" && strings.HasPrefix(text(n), "saas:1201") })
		if root == nil || attr(root, "lang") != tag || attr(root, "dir") != wantDir || row == nil || !strings.Contains(text(row), want.Text) {
			t.Errorf("%s page: lang %q, dir %q, 1201's row %q; want %s, %s and %q", tag, attr(root, "lang"), attr(root, "dir"), text(row), tag, wantDir, want.Text)
		}
	}

	// The filter, in the English page, from a link: count the rows left.
	wantRows := 0
	for _, m := range b.Localizer("en").Messages() {
		if strings.Contains(strings.ToLower(string(m.Namespace)+":"+m.Code+" "+m.Text+" "+m.Hint), "1201") {
			wantRows++
		}
	}
	doc := dumpDOM(t, exe, base+"/?lang=en&q=1201")
	shown := 0
	find(doc, func(n *html.Node) bool {
		if n.Data == "tr" && attr(n, "data-search") != "" && !hasAttr(n, "hidden") {
			shown++
		}
		return false
	})
	count := find(doc, func(n *html.Node) bool { return attr(n, "id") == "count" })
	if wantRows == 0 || shown != wantRows || text(count) != fmt.Sprint(wantRows) {
		t.Errorf("filter 1201: %d rows shown, count %q; want %d", shown, text(count), wantRows)
	}

	// A pasted response, from a #paste= link: what the person saw, and
	// the support details only where the server is told to show them.
	body := `{"Response":{"ErrorCode":16,"ErrorMsg":"x","VerificationDetailList":[{"ErrorCode":2016,"LivenessInfoTag":["03"]}],"RequestId":"r-1"}}`
	res, _ := b.Localizer("th").Response([]byte(body))
	tag03, _ := faceidmsg.Detail(faceidmsg.DetailH5LivenessTag, "03")
	for _, support := range []bool{false, true} {
		url := base
		if support {
			url = startServer(t, NewHandler(b, WithSupportDetails()), nil)
		}
		doc := dumpDOM(t, exe, url+"/?lang=th#paste="+url2.PathEscape(body))
		out := find(doc, func(n *html.Node) bool { return attr(n, "id") == "resolved" })
		got := text(out)
		if attr(out, "data-status") != "200" || !strings.Contains(got, res.Message.Text) || !strings.Contains(got, res.Cause.Text) {
			t.Errorf("pasted response (support %v): status %q, %q; want the message %q and cause %q", support, attr(out, "data-status"), got, res.Message.Text, res.Cause.Text)
		}
		if strings.Contains(got, tag03) != support {
			t.Errorf("pasted response (support %v) shows %q: the detail %q must show exactly under -support", support, got, tag03)
		}
	}

	if *screenshot != "" {
		out, err := exec.Command(exe, append(chromiumFlags(), "--window-size=1280,900", "--screenshot="+*screenshot, base+"/?lang=ar&q=saas:12")...).CombinedOutput()
		if err != nil {
			t.Fatalf("screenshot: %v: %s", err, out)
		}
	}
}

// chromiumFlags are the flags of every headless run: no sandbox (the
// tests may run as root), no GPU, nothing fetched in the background, and
// the console printed to stderr.
func chromiumFlags() []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"}
}

// dumpDOM loads url in headless Chromium and returns the document as its
// scripts left it. Any console message (an error, a warning, a blocked
// script or style) fails t.
func dumpDOM(t *testing.T, exe, url string) *html.Node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, append(chromiumFlags(), "--dump-dom", url)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v: %s", url, err, stderr.String())
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, ":CONSOLE") {
			t.Errorf("%s: console: %s", url, line)
		}
	}
	doc, err := html.Parse(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// find returns the first node under n, in document order, for which ok
// is true, or nil.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	if ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, ok); f != nil {
			return f
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// text is the text of n and its descendants.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}
