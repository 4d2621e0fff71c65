package faceidmsg

import (
	"io/fs"
	"runtime"
	"strings"
	"testing"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// BenchmarkParseEmbedded: reading every embedded locale file, what a
// process pays once, on first use of each language: "decode" is what New
// does (a plain TOML decode), "editor" the translator's parser it used
// before (positions, checks), for comparison in the same run. It reports
// the memory the process keeps (retained-B: the compact messages every
// Bundle shares) besides what reading allocates.
func BenchmarkParseEmbedded(b *testing.B) {
	names, err := fs.Glob(embeddedLocales, "locales/*.toml")
	if err != nil {
		b.Fatal(err)
	}
	readers := []struct {
		name string
		read func(name string) map[string]*i18n.Message
	}{
		{"decode", func(name string) map[string]*i18n.Message {
			data, _ := embeddedLocales.ReadFile(name)
			msgs, err := decodeShipped(data)
			if err != nil {
				b.Fatal(err)
			}
			return msgs
		}},
		{"editor", func(name string) map[string]*i18n.Message {
			f, findings := msgfile.ReadFile(embeddedLocales, name, name)
			if f == nil {
				b.Fatal(findings)
			}
			return compact(f)
		}},
	}
	for _, r := range readers {
		b.Run(r.name, func(b *testing.B) {
			b.ReportAllocs()
			var kept []map[string]*i18n.Message
			for b.Loop() {
				kept = kept[:0]
				for _, name := range names {
					kept = append(kept, r.read(name))
				}
			}
			var before, after runtime.MemStats
			kept = nil
			runtime.GC()
			runtime.ReadMemStats(&before)
			for _, name := range names {
				kept = append(kept, r.read(name))
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc), "retained-B")
			b.ReportMetric(float64(len(names)), "files")
			runtime.KeepAlive(kept)
		})
	}
}

// BenchmarkResponseShapes: Response on the bodies that cost the most per
// byte, 1 MiB each, and on a 20 MiB H5 success body with its video and
// best frame. x-body is what one call allocates over the body's size.
func BenchmarkResponseShapes(b *testing.B) {
	loc := newBundle(b).Localizer("en")
	shapes := append(amplificationBodies(1<<20), struct {
		name string
		body []byte
	}{"a 20 MiB success with its video", videoBody(20 << 20)})
	for _, s := range shapes {
		b.Run(strings.ReplaceAll(s.name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(s.body)))
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			n := 0
			for b.Loop() {
				loc.Response(s.body)
				n++
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n)/float64(len(s.body)), "x-body")
		})
	}
}
