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
	text  string // without the line ending (and, on the first line, without a BOM)
	start int    // byte offset of text
	eol   string // "\n", "\r\n", or "" for a last line without one
	kind  byte   // lineBlank, lineComment, or 0 (anything else, and lines inside multi-line strings)
	// tail is the byte offset in text where what follows a header or a
	// value starts (the comment of a comment line, at its '#'); -1 when
	// there is none, or it is not known (lines inside multi-line strings).
	tail int
}

// Kinds of line.
const (
	lineBlank   = 'b'
	lineComment = '#'
)

// bom is the byte-order mark some editors write at the start of a file.
const bom = "\uFEFF"

func splitLines(src []byte) []line {
	all := string(src) // one copy; every line is a slice of it
	ls := make([]line, 0, bytes.Count(src, []byte{'\n'})+1)
	off := 0
	if strings.HasPrefix(all, bom) {
		off = len(bom)
	}
	for off < len(all) {
		l := line{start: off, tail: -1}
		end := strings.IndexByte(all[off:], '\n')
		if end < 0 {
			l.text = all[off:]
			off = len(all)
		} else {
			l.text, l.eol = all[off:off+end], "\n"
			off += end + 1
		}
		if t, ok := strings.CutSuffix(l.text, "\r"); ok && l.eol != "" {
			l.text, l.eol = t, "\r\n"
		}
		ls = append(ls, l)
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

// scan returns the headers and key lines of src in order, and its lines,
// each with its kind and tail set. It understands enough TOML to skip
// multi-line strings, to split dotted, quoted keys and to find where a
// string value ends; anything it cannot read is skipped.
func scan(src []byte) ([]item, []line) {
	ls := splitLines(src)
	items := make([]item, 0, len(ls))
	for i := 0; i < len(ls); i++ {
		l := &ls[i]
		t := strings.TrimLeft(l.text, " \t")
		indent := len(l.text) - len(t)
		switch {
		case strings.TrimSpace(t) == "":
			l.kind = lineBlank
			continue
		case t[0] == '#':
			l.kind, l.tail = lineComment, indent
			continue
		case t[0] == '[':
			// An array of tables is not a message form; keep its place for
			// the finding that says so.
			open := 1
			if strings.HasPrefix(t, "[[") {
				open = 2
			}
			if path, rest, ok := splitKey(t[open:], ']'); ok {
				items = append(items, item{header: true, path: path, first: i, last: i})
				rest = rest[1:]
				if open == 2 {
					rest = strings.TrimPrefix(rest, "]")
				}
				l.tail = len(l.text) - len(rest)
			}
			continue
		}
		path, rest, ok := splitKey(t, '=')
		if !ok {
			continue
		}
		it := item{path: path, first: i, last: i}
		value := strings.TrimLeft(rest[1:], " \t")
		at := len(l.text) - len(value)
		if value != "" && (value[0] == '"' || value[0] == '\'') {
			end, closed := stringEnd(value, 0)
			l.tail = at + end
			if !closed && strings.HasPrefix(value, strings.Repeat(value[:1], 3)) {
				// A multi-line string: find the line that closes it.
				l.tail = -1
				for i+1 < len(ls) {
					i++
					if end, closed := multilineEnd(ls[i].text, 0, value[0]); closed {
						ls[i].tail = end
						break
					}
				}
				it.last = i
			} else if !closed {
				l.tail = -1
			}
		}
		items = append(items, it)
	}
	return items, ls
}

// stringEnd returns the offset just after the string that starts at s[i]
// (a quote): basic or literal, single- or multi-line, and whether it is
// closed within s. An unclosed single-line string ends at the end of its
// line.
func stringEnd(s string, i int) (int, bool) {
	q := s[i]
	if strings.HasPrefix(s[i:], strings.Repeat(string(q), 3)) {
		return multilineEnd(s, i+3, q)
	}
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\n':
			return j, false
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q:
			return j + 1, true
		}
	}
	return len(s), false
}

// multilineEnd returns the offset just after the closing delimiter of the
// multi-line string (of quote q) that s[j:] is inside, and whether there
// is one; len(s) when there is not.
func multilineEnd(s string, j int, q byte) (int, bool) {
	for j < len(s) {
		switch {
		case q == '"' && s[j] == '\\':
			j += 2
		case s[j] == q:
			n := 0
			for j+n < len(s) && s[j+n] == q {
				n++
			}
			if n >= 3 {
				// The closing delimiter is the last three quotes of a
				// run of three to five.
				return j + min(n, 5), true
			}
			j += n
		default:
			j++
		}
	}
	return len(s), false
}

// splitKey reads a dotted key up to the terminator (']' for headers, '='
// for key lines) and returns its segments, unquoted, and the rest of s
// from the terminator on.
func splitKey(s string, term byte) ([]string, string, bool) {
	var path []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, "", false
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
				return nil, "", false
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
				return nil, "", false
			}
			seg, s = s[:j], s[j:]
		}
		path = append(path, seg)
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, "", false
		}
		switch {
		case s[0] == '.':
			s = s[1:]
		case s[0] == term:
			return path, s, true
		default:
			return nil, "", false
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
		if strings.HasPrefix(strings.TrimSpace(ls[defs[i].first].text), "[") {
			defs[i].lead = leadOf(ls, defs[i].first)
		} else {
			defs[i].lead = leadStart(ls, defs[i].first)
		}
	}
	return defs
}

// Which table a comment belongs to. A table's block runs from its header
// to the next header, and holds the comment lines at its end, whether a
// blank line, another header or the end of the file follows them. The
// exception is a run of comment lines directly above the next header (no
// blank line between) that a blank line separates from the table: that is
// the next header's lead comment. So
//
//	[Hello]
//	other = "Hello."
//	# same-as-english: the brand       <- Hello's, in both layouts
//
//	[Bye]                               [Bye] directly below instead
//
// and
//
//	[Hello]
//	other = "Hello."
//
//	# same-as-english: the brand       <- Bye's lead comment
//	[Bye]

// leadOf returns the first line of the lead comment of the header at line
// h, or h when it has none.
func leadOf(ls []line, h int) int {
	i := h
	for i > 0 && ls[i-1].kind == lineComment {
		i--
	}
	if i == h || i == 0 || ls[i-1].kind == lineBlank {
		return i
	}
	return h // the comments end the block above
}

// blockEnd returns the last line of the table that starts at line first,
// where next is the line of the next header (len(ls) when there is none):
// the line before the next header's lead comment, less blank lines.
func blockEnd(ls []line, first, next int) int {
	end := len(ls) - 1
	if next < len(ls) {
		end = leadOf(ls, next) - 1
	}
	for end > first && ls[end].kind == lineBlank {
		end--
	}
	return end
}

// leadStart returns the first line of the run of comment lines directly
// above line first (first itself when there is none), for a message
// written as a key.
func leadStart(ls []line, first int) int {
	i := first
	for i > 0 && ls[i-1].kind == lineComment {
		i--
	}
	return i
}
