package msgfile

import (
	"fmt"
	"strings"
)

// MaxDepth is how deeply a message file may nest: table-header parts
// ([a.b.c] is three), dotted-key parts (a.b.c = 1 is three), arrays and
// inline tables in values, all counted together. A message file needs two
// ([Hello] and other = "..."). The limit exists because the TOML library
// (BurntSushi/toml up to v1.6.0 at least) takes memory quadratic in the
// depth: a 40 KB file of 10,000 nested inline tables ends the process with
// an out-of-memory error that cannot be recovered from. Every file is
// checked against it before the library sees it.
const MaxDepth = 8

// MaxEntries is how many keys and table headers a message file may have.
// The catalogue's English has a few hundred; a file with tens of thousands
// costs the TOML library and go-i18n most of a second for nothing, so it
// is refused before they see it.
const MaxEntries = 10000

// maxFindings caps the findings Parse returns for one file.
const maxFindings = 20

// nestingError is the finding for a file nested deeper than MaxDepth, or
// with more than MaxEntries keys and headers.
func nestingError(name string, src []byte, off int, tooMany bool) Finding {
	line, col := position(src, off)
	err := fmt.Errorf("nesting is deeper than %d levels (tables, arrays, inline tables and dotted keys together)", MaxDepth)
	if tooMany {
		err = fmt.Errorf("more than %d keys and tables; a message file has a few hundred", MaxEntries)
	}
	return Finding{File: name, Line: line, Column: col, Severity: Error, Kind: KindSyntax, Err: err}
}

// checkNesting returns the offset of the first place in src where the
// nesting goes past MaxDepth, or where the keys and headers pass
// MaxEntries (then tooMany is true), or -1. It reads src once, left to right, and
// understands just enough TOML to count: strings of all four kinds (so that
// brackets and '#' inside them do not count), comments, table headers, keys
// and the brackets and braces of values. It never fails on bad TOML; it
// reads it the way the TOML library reads valid TOML up to the first
// error, which is where the library stops.
func checkNesting(src []byte) (off int, tooMany bool) {
	s := string(src)
	s0 := len(s)
	s = strings.TrimPrefix(s, "\uFEFF")
	base := s0 - len(s) // offsets reported are into src
	type frame struct {
		table bool // an inline table; otherwise an array
		depth int
	}
	var stack []frame
	tableDepth := 0 // parts of the last [header]
	valueDepth := 0 // depth of the value being read
	keyMode := true // at the start of a key (a line, or after '{' or ',' in an inline table)
	entries := 0
	i := 0
	// key reads a dotted key at i and returns its number of parts, leaving
	// i after it. It stops at anything that cannot be part of a key.
	key := func() int {
		n := 0
		for i < len(s) {
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			if i >= len(s) {
				break
			}
			switch c := s[i]; {
			case c == '"' || c == '\'':
				i = skipString(s, i)
			case isKeyByte(c):
				for i < len(s) && isKeyByte(s[i]) {
					i++
				}
			default:
				return n
			}
			n++
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			if i >= len(s) || s[i] != '.' {
				return n
			}
			i++
		}
		return n
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\n':
			i++
			if len(stack) == 0 {
				keyMode = true
			}
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '#':
			if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(s)
			}
			continue
		}
		if keyMode {
			keyMode = false
			if len(stack) == 0 && c == '[' {
				// A [table] or [[array of tables]] header.
				i++
				if i < len(s) && s[i] == '[' {
					i++
				}
				at := i
				tableDepth = key()
				if tableDepth > MaxDepth {
					return base + at, false
				}
				if entries++; entries > MaxEntries {
					return base + at, true
				}
				continue
			}
			at := i
			n := key()
			if n > 0 {
				d := tableDepth
				if len(stack) > 0 {
					d = stack[len(stack)-1].depth
				}
				valueDepth = d + n
				if valueDepth > MaxDepth {
					return base + at, false
				}
				if entries++; entries > MaxEntries {
					return base + at, true
				}
				continue
			}
			// Not a key: read on as a value of the enclosing table or
			// array, so brackets still count.
			valueDepth = tableDepth
			if len(stack) > 0 {
				valueDepth = stack[len(stack)-1].depth
			}
		}
		switch c {
		case '"', '\'':
			i = skipString(s, i)
			continue
		case '[', '{':
			d := valueDepth
			if len(stack) > 0 && !stack[len(stack)-1].table {
				d = stack[len(stack)-1].depth
			}
			if d+1 > MaxDepth {
				return base + i, false
			}
			stack = append(stack, frame{table: c == '{', depth: d + 1})
			keyMode = c == '{'
		case ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			keyMode = len(stack) > 0 && stack[len(stack)-1].table
		}
		i++
	}
	return -1, false
}

// isKeyByte reports whether c can be part of a bare key as the nesting
// check reads it: anything but the bytes that end or separate keys and
// values. (It is wider than TOML's bare keys, so that nothing the TOML
// library might read as a key is read here as structure.)
func isKeyByte(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '.', '=', '#', '"', '\'', '[', ']', '{', '}', ',':
		return false
	}
	return true
}

// skipString returns the offset just after the string that starts at i
// (s[i] is a quote); see stringEnd.
func skipString(s string, i int) int {
	end, _ := stringEnd(s, i)
	return end
}
