package msgfile

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzNesting: what the nesting check lets through, the TOML library reads
// as no deeper than MaxDepth; and the check never fails on any input.
func FuzzNesting(f *testing.F) {
	for _, s := range []string{enSrc, "a.b.c = {d = [1, {e = 2}]}\n", "[a.b]\nc = '''[[['''\n", "x = \"\"\"\\\"\"\"\"[[\"\n", "[[a]]\nb = [[1],[2]]\n", "a = [\n[\n[1]]]\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if off, _ := checkNesting([]byte(src)); off >= 0 {
			return
		}
		var raw any
		if _, err := toml.Decode(src, &raw); err != nil {
			return
		}
		if d := depth(raw); d > MaxDepth {
			t.Fatalf("nesting check passed a file of depth %d:\n%s", d, src)
		}
	})
}

// depth is how deeply a decoded TOML value nests tables and arrays.
func depth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			d = max(d, 1+depth(e))
		}
	case []map[string]any:
		for _, e := range v {
			d = max(d, 1+depth(e))
		}
	case []any:
		for _, e := range v {
			d = max(d, 1+depth(e))
		}
	}
	return d
}
