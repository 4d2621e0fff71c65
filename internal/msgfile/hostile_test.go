package msgfile

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// hostileShape is a generator of a file close to MaxSize with one hostile
// shape, from the security audit's list.
type hostileShape struct {
	name  string
	legal bool // parses (or is refused for MaxEntries); otherwise refused with a finding on a line
	gen   func() string
}

// testScale divides the size of the hostile files in tests (not in the
// benchmark), to keep the tests fast; more under the race detector.
var testScale = 4

// hostileSize is the size the generators fill.
var hostileSize = MaxSize

// fill repeats line(i) while the result stays within hostileSize.
func fill(prefix string, line func(i int) string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for i := 0; ; i++ {
		l := line(i)
		if b.Len()+len(l) > hostileSize {
			return b.String()
		}
		b.WriteString(l)
	}
}

func deepShape(open, mid, close string, levels int) string {
	if n := (hostileSize - 16 - len(mid)) / (len(open) + len(close)); levels > n {
		levels = n
	}
	return strings.Repeat(open, levels) + mid + strings.Repeat(close, levels)
}

func hostileShapes() []hostileShape {
	shapes := []hostileShape{
		{"int keys", false, func() string { return fill("", func(i int) string { return fmt.Sprintf("k%06d = 1\n", i) }) }},
		{"other and Other", false, func() string {
			return fill("", func(i int) string { return fmt.Sprintf("[t%06d]\nother = \"a\"\nOther = \"b\"\n", i) })
		}},
		{"mixed keys", false, func() string {
			return fill("", func(i int) string { return fmt.Sprintf("[t%06d]\nother = \"a\"\nk%d = \"b\"\n", i, i) })
		}},
		{"id keys", false, func() string { return fill("", func(i int) string { return fmt.Sprintf("[t%05d]\nid = \"\"\n", i) }) }},
		{"tables", true, func() string {
			return fill("", func(i int) string { return fmt.Sprintf("[t%06d]\nother = \"x\"\n", i) })
		}},
		{"dotted keys", true, func() string { return fill("", func(i int) string { return fmt.Sprintf("t%06d.other = \"x\"\n", i) }) }},
		{"duplicate pairs", false, func() string {
			return fill("", func(i int) string { return fmt.Sprintf("[\"a%05d.b\"]\nother=\"\"\n[a%05d.b]\nother=\"\"\n", i, i) })
		}},
		{"long key", false, func() string { return strings.Repeat("k", hostileSize-4) + "= 1" }},
		{"long header", true, func() string { return "[" + strings.Repeat("k", hostileSize-20) + "]\nother = \"x\"\n" }},
		{"brackets", false, func() string { return strings.Repeat("[", hostileSize) }},
		{"braces", false, func() string { return strings.Repeat("{", hostileSize) }},
	}
	for _, levels := range []int{1000, 10000, 100000, 500000} {
		shapes = append(shapes,
			hostileShape{fmt.Sprintf("headers %d", levels), false, func() string { return "[" + deepShape("a.", "a", "", levels) + "]\n" }},
			hostileShape{fmt.Sprintf("dotted %d", levels), false, func() string { return deepShape("a.", "a = 1", "", levels) + "\n" }},
			hostileShape{fmt.Sprintf("arrays %d", levels), false, func() string { return "x = " + deepShape("[", "1", "]", levels) + "\n" }},
			hostileShape{fmt.Sprintf("inline tables %d", levels), false, func() string { return "x = " + deepShape("{a=", "1", "}", levels) + "\n" }},
			hostileShape{fmt.Sprintf("mixed %d", levels), false, func() string { return "x = " + deepShape("{a.b=[", "1", "]}", levels) + "\n" }},
		)
	}
	return shapes
}

// TestParseHostile: every hostile shape of the audit is parsed or refused
// with a finding on a line, with error strings of bounded length, and
// with memory linear in the input. (How long it takes is measured by
// BenchmarkParseHostile, not asserted here.)
func TestParseHostile(t *testing.T) {
	hostileSize = MaxSize / testScale
	defer func() { hostileSize = MaxSize }()
	for _, sh := range hostileShapes() {
		t.Run(sh.name, func(t *testing.T) {
			src := []byte(sh.gen())
			if len(src) > MaxSize {
				t.Fatalf("generator made %d bytes", len(src))
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f, got := Parse("th.toml", src)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256*uint64(max(len(src), 64<<10)) {
				t.Errorf("Parse allocated %d MiB for a %d KiB file", alloc>>20, len(src)>>10)
			}
			if sh.legal {
				// Legal TOML is parsed, unless it has more keys and tables
				// than a message file may (at full size it does).
				if f == nil && (len(got) != 1 || got[0].Line <= 0 || !strings.Contains(got[0].Err.Error(), "keys and tables")) {
					t.Fatalf("Parse refused a legal file: %.300v", got)
				}
				return
			}
			if f != nil || len(got) == 0 || got[0].Line == 0 {
				t.Fatalf("Parse = %v, %.300v; want a finding on a line", f != nil, got)
			}
			if len(got) > maxFindings+1 {
				t.Errorf("%d findings; want at most %d", len(got), maxFindings+1)
			}
			for _, fd := range got {
				if s := fd.String(); len(s) > 1000 {
					t.Errorf("finding of %d bytes: %.200s...", len(s), s)
				}
			}
		})
	}
}

func BenchmarkParseHostile(b *testing.B) {
	for _, sh := range hostileShapes() {
		src := []byte(sh.gen())
		b.Run(strings.ReplaceAll(sh.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Parse("th.toml", src)
			}
		})
	}
}
