package faceidmsg

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/faceidmsg/faceidmsg/internal/chromium"
)

// The phone screen every message must fit: 360 CSS px wide with 16 px
// margins, the system font at 16 px. A message takes at most two lines,
// a hint at most three.
const (
	screenWidth  = 360
	screenMargin = 16
	fontSize     = 16
	lineHeight   = 24
	maxMsgLines  = 2
	maxHintLines = 3
)

// requireFonts fails (in CI) or skips when the Noto fonts are missing: a
// fallback font of other widths would measure nothing real.
func requireFonts(t *testing.T) {
	out, err := exec.Command("fc-list", ":", "family").Output()
	var missing []string
	for _, family := range []string{"Noto Sans", "Noto Sans CJK SC", "Noto Sans Thai", "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Hebrew"} {
		if err != nil || !strings.Contains(string(out), family) {
			missing = append(missing, family)
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("fonts missing: %s; install Debian's fonts-noto-core and fonts-noto-cjk", strings.Join(missing, ", "))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// TestPhoneScreen renders every message and hint of every shipped locale
// in headless Chromium, on a phone-sized column in the system font, and
// counts its lines.
func TestPhoneScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	exe := chromium.Path(t)
	requireFonts(t)
	b := newBundle(t)
	hints := map[string]bool{}
	for _, m := range messageHints {
		hints[m.hint] = true
	}
	type item struct{ Lang, ID, Text string }
	var items []item
	for _, f := range shippedFiles(t) {
		for _, m := range f.Messages {
			items = append(items, item{f.Tag.String(), m.ID, m.Other})
		}
	}
	if len(items) < len(b.locales)*len(messageHints) {
		t.Fatalf("%d texts for %d locales", len(items), len(b.locales))
	}
	var page strings.Builder
	fmt.Fprintf(&page, `<!doctype html><meta charset=utf-8><style>
body{margin:0;width:%dpx}
p{margin:0 %dpx 8px;font:%dpx/%dpx system-ui,sans-serif;overflow-wrap:break-word}
</style>`, screenWidth, screenMargin, fontSize, lineHeight)
	for i, it := range items {
		dir := "ltr"
		if rightToLeft(it.Lang) {
			dir = "rtl"
		}
		fmt.Fprintf(&page, "<p id=t%d lang=%s dir=%s>%s</p>\n", i, it.Lang, dir, html.EscapeString(it.Text))
	}
	fmt.Fprintf(&page, `<pre id=out></pre><script>
const lines = [];
for (const p of document.querySelectorAll("p")) lines.push(Math.round(p.getBoundingClientRect().height / %d));
document.getElementById("out").textContent = JSON.stringify(lines);
</script>`, lineHeight)
	file := filepath.Join(t.TempDir(), "screen.html")
	if err := os.WriteFile(file, []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		fmt.Sprintf("--window-size=%d,800", screenWidth), "--dump-dom", "file://"+file).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	m := regexp.MustCompile(`<pre id="out">(\[[0-9,]*\])</pre>`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no measurements in Chromium's output: %.300s", out)
	}
	var lines []int
	if err := json.Unmarshal(m[1], &lines); err != nil || len(lines) != len(items) {
		t.Fatalf("%d measurements for %d texts (%v)", len(lines), len(items), err)
	}
	for i, it := range items {
		limit := maxMsgLines
		if hints[it.ID] {
			limit = maxHintLines
		}
		if lines[i] > limit {
			t.Errorf("%s %s takes %d lines on a %d px phone screen; at most %d: %q", it.Lang, it.ID, lines[i], screenWidth, limit, it.Text)
		}
	}
}

// rightToLeft reports whether a locale's script is written right to left.
func rightToLeft(tag string) bool {
	base, _, _ := strings.Cut(tag, "-")
	switch base {
	case "ar", "fa", "he", "ur":
		return true
	}
	return false
}
