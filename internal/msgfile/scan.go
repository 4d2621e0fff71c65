package msgfile

import (
	"bytes"
	"strings"
)

// This file locates things in a TOML message file by line: where each
// message is defined, and where each table's block starts and ends. The
// TOML library has already parsed the file; this only maps what it found
// back to lines, for findings and for edits that keep everything else as
// it was.

// line is one physical line of a file.
type line struct {
	text  string // without the newline
	start int    // byte offset
}

func splitLines(src []byte) []line {
	all := string(src) // one copy; every line is a slice of it
	ls := make([]line, 0, bytes.Count(src, []byte{'\n'})+1)
	off := 0
	for off < len(all) {
		end := strings.IndexByte(all[off:], '\n')
		if end < 0 {
			ls = append(ls, line{all[off:], off})
			break
		}
		ls = append(ls, line{all[off : off+end], off})
		off += end + 1
	}
	return ls
}

// item is a table header or a key=value line, as the scanner saw it.
type item struct {
	header bool     // a [table] header
	path   []string // header segments, or the key's segments
	first  int      // 0-based index of its first line
	last   int      // 0-based index of its last line (multi-line strings)
}

// scan returns the headers and key lines of src in order. It understands
// enough TOML to skip multi-line strings and to split dotted, quoted keys;
// anything it cannot read is skipped.
func scan(src []byte) ([]item, []line) {
	ls := splitLines(src)
	items := make([]item, 0, len(ls))
	for i := 0; i < len(ls); i++ {
		t := strings.TrimSpace(ls[i].text)
		if t == "" || t[0] == '#' {
			continue
		}
		if strings.HasPrefix(t, "[[") {
			// An array of tables is not a message form; keep its place for
			// the finding that says so.
			if path, ok := splitKey(strings.TrimPrefix(t, "[["), ']'); ok {
				items = append(items, item{header: true, path: path, first: i, last: i})
			}
			continue
		}
		if t[0] == '[' {
			path, ok := splitKey(t[1:], ']')
			if ok {
				items = append(items, item{header: true, path: path, first: i, last: i})
			}
			continue
		}
		path, ok := splitKey(t, '=')
		if !ok {
			continue
		}
		it := item{path: path, first: i, last: i}
		// Skip the lines of a multi-line string value.
		_, value, _ := strings.Cut(t, "=")
		value = strings.TrimSpace(value)
		for _, delim := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, delim) && !closesMultiline(value[3:], delim) {
				for i+1 < len(ls) {
					i++
					if closesMultiline(ls[i].text, delim) {
						break
					}
				}
				it.last = i
			}
		}
		items = append(items, it)
	}
	return items, ls
}

// closesMultiline reports whether s holds the closing delimiter of a
// multi-line string (not escaped, for basic strings).
func closesMultiline(s, delim string) bool {
	for {
		i := strings.Index(s, delim)
		if i < 0 {
			return false
		}
		if delim == `"""` {
			bs := 0
			for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
				bs++
			}
			if bs%2 == 1 {
				s = s[i+1:]
				continue
			}
		}
		return true
	}
}

// splitKey reads a dotted key up to the terminator (']' for headers, '='
// for key lines) and returns its segments, unquoted.
func splitKey(s string, term byte) ([]string, bool) {
	var path []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, false
		}
		var seg string
		switch s[0] {
		case '"', '\'':
			q := s[0]
			end := -1
			for j := 1; j < len(s); j++ {
				if q == '"' && s[j] == '\\' {
					j++
					continue
				}
				if s[j] == q {
					end = j
					break
				}
			}
			if end < 0 {
				return nil, false
			}
			seg = s[1:end]
			if q == '"' {
				seg = unescapeBasic(seg)
			}
			s = s[end+1:]
		default:
			j := 0
			for j < len(s) && isBareKeyChar(s[j]) {
				j++
			}
			if j == 0 {
				return nil, false
			}
			seg, s = s[:j], s[j:]
		}
		path = append(path, seg)
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, false
		}
		switch {
		case s[0] == '.':
			s = s[1:]
		case s[0] == term:
			return path, true
		default:
			return nil, false
		}
	}
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// unescapeBasic undoes the common escapes of a basic string key; keys with
// other escapes keep them, which only costs a line number.
func unescapeBasic(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(s)
}

// reserved reports whether key is one of go-i18n's message keys.
func reserved(key string) bool {
	switch strings.ToLower(key) {
	case "id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation":
		return true
	}
	return false
}

// definition is where a message ID is defined.
type definition struct {
	id    string
	first int // 0-based line of its header or key
	last  int // 0-based last line of its block (before the next header's comments)
	lead  int // 0-based first line of the comments directly above it
}

// definitions maps the scanned items to the message IDs go-i18n derives
// from them: a table whose keys are reserved is a message named by the
// table's path; a key with a string value outside such a table is a message
// named by the table path plus the key.
func definitions(items []item, ls []line) []definition {
	// nextHeader[k] is the line of the first header after item k.
	nextHeader := make([]int, len(items))
	next := len(ls)
	for k := len(items) - 1; k >= 0; k-- {
		nextHeader[k] = next
		if items[k].header {
			next = items[k].first
		}
	}
	var defs []definition
	seen := map[string]bool{}
	var table []string
	tableIdx, tableItem := -1, -1
	tableIsMessage := false
	for k, it := range items {
		if it.header {
			table = it.path
			tableIdx, tableItem = it.first, k
			tableIsMessage = false
			continue
		}
		if len(it.path) == 1 && reserved(it.path[0]) {
			if tableIdx >= 0 && !tableIsMessage {
				tableIsMessage = true
				defs = append(defs, definition{id: strings.Join(table, "."), first: tableIdx, last: blockEnd(ls, tableIdx, nextHeader[tableItem])})
			}
			continue // at the top level: reported elsewhere
		}
		if n := len(it.path); n > 1 && reserved(it.path[n-1]) {
			// A dotted key such as Hello.other = "...": the message is the
			// key less its last part.
			id := strings.Join(append(append([]string{}, table...), it.path[:n-1]...), ".")
			if !seen[id] {
				seen[id] = true
				defs = append(defs, definition{id: id, first: it.first, last: it.last})
			}
			continue
		}
		defs = append(defs, definition{id: strings.Join(append(append([]string{}, table...), it.path...), "."), first: it.first, last: it.last})
	}
	for i := range defs {
		defs[i].lead = leadStart(ls, defs[i].first)
	}
	return defs
}

// blockEnd returns the last line of the table that starts at line first,
// where next is the line of the next header (len(ls) when there is none):
// the line before it, less the blank and comment lines that lead into
// that header.
func blockEnd(ls []line, first, next int) int {
	end := next - 1
	for end > first {
		t := strings.TrimSpace(ls[end].text)
		if t != "" && t[0] != '#' {
			break
		}
		end--
	}
	return end
}

// leadStart returns the first line of the run of comment lines directly
// above line first (first itself when there is none).
func leadStart(ls []line, first int) int {
	i := first
	for i > 0 {
		t := strings.TrimSpace(ls[i-1].text)
		if t == "" || t[0] != '#' {
			break
		}
		i--
	}
	return i
}
