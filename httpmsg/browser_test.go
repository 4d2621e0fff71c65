package httpmsg

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/faceidmsg/faceidmsg/internal/chromium"
)

var screenshot = flag.String("screenshot", "", "write a PNG of the catalogue page to this file")

// TestBrowserCatalogue loads the catalogue page in headless Chromium:
// the texts of several languages, Arabic right to left, the filter, and a
// console with no error and no Content-Security-Policy violation.
func TestBrowserCatalogue(t *testing.T) {
	exe := chromium.Path(t)
	b := newBundle(t)
	base := startServer(t, NewHandler(b), nil)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	// No UserDataDir: chromedp makes a profile of its own and removes it
	// once the browser has exited, which a t.TempDir cannot wait for.
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	var mu sync.Mutex
	var problems []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning {
				problems = append(problems, fmt.Sprintf("console %s: %v", ev.Type, ev.Args))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError || ev.Entry.Level == log.LevelWarning {
				problems = append(problems, fmt.Sprintf("log %s %s: %s", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text))
			}
		}
	})
	if err := chromedp.Run(ctx, log.Enable(), runtime.Enable()); err != nil {
		t.Fatal(err)
	}

	for _, tag := range []string{"ar", "th", "zh-Hant", "en"} {
		var lang, dir, text string
		want, _ := b.Localizer(tag).LookupCode("1201")
		err := chromedp.Run(ctx,
			chromedp.Navigate(base+"/?lang="+tag),
			chromedp.WaitReady("#codes"),
			chromedp.Evaluate(`document.documentElement.lang`, &lang),
			chromedp.Evaluate(`document.documentElement.dir`, &dir),
			chromedp.Evaluate(`Array.from(document.querySelectorAll("#codes tbody tr")).find(r => r.cells[0].textContent === "saas:1201").cells[1].textContent`, &text),
		)
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		wantDir := "ltr"
		if tag == "ar" {
			wantDir = "rtl"
		}
		if lang != tag || dir != wantDir || text != want.Text {
			t.Errorf("%s page: lang %q, dir %q, 1201 %q; want %s, %s, %q", tag, lang, dir, text, tag, wantDir, want.Text)
		}
	}

	// The filter, in the English page: type a code, count the rows left.
	wantRows := 0
	for _, m := range b.Localizer("en").Messages() {
		if strings.Contains(strings.ToLower(string(m.Namespace)+":"+m.Code+" "+m.Text+" "+m.Hint), "1201") {
			wantRows++
		}
	}
	var shown int
	var count string
	err := chromedp.Run(ctx,
		chromedp.SendKeys("#filter", "1201", chromedp.ByID),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#codes tbody tr")).filter(r => !r.hidden).length`, &shown),
		chromedp.Text("#count", &count, chromedp.ByID),
	)
	if err != nil {
		t.Fatal(err)
	}
	if shown != wantRows || count != fmt.Sprint(wantRows) || wantRows == 0 {
		t.Errorf("filter 1201: %d rows shown, count %q; want %d", shown, count, wantRows)
	}

	if *screenshot != "" {
		var png []byte
		if err := chromedp.Run(ctx,
			chromedp.Navigate(base+"/?lang=ar"), chromedp.WaitReady("#codes"),
			chromedp.SendKeys("#filter", "saas:12", chromedp.ByID),
			chromedp.CaptureScreenshot(&png),
		); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
}
