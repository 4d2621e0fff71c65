package msgfile

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Edit sets one message's text and the hash of the English it was
// translated from, and marks it as meant to equal English when asked.
type Edit struct {
	ID, Other, Hash string
	SameAsEnglish   bool
}

// KeyValue encodes one TOML key = "value" line with the TOML library, so
// escaping is the library's; bidi controls come out as escapes.
func KeyValue(key, value string) (string, error) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(map[string]string{key: value}); err != nil {
		return "", err
	}
	return escapeBidi(strings.TrimRight(b.String(), "\n")), nil
}

// escapeBidi writes invisible characters (bidirectional controls, no-break
// and zero-width spaces, joiners) as \uXXXX escapes, so that a translator
// sees them in the file instead of characters that silently reorder or
// glue text. s is one encoded line; such characters can only occur inside
// its quoted value.
func escapeBidi(s string) string {
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isBidiControl(r) {
			fmt.Fprintf(&b, `\u%04X`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isBidiControl reports whether r is one of the invisible characters that
// escapeBidi writes as an escape.
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061C, r == 0x00A0, r == 0x202F, r == 0x2060, r == 0xFEFF:
		return true
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// TableHeader writes [id], quoting the ID when it is not a bare key.
func TableHeader(id string) string {
	bare := id != ""
	for i := 0; i < len(id); i++ {
		bare = bare && isBareKeyChar(id[i])
	}
	if bare {
		return "[" + id + "]"
	}
	// A quoted key is escaped as a string value is: let the TOML library
	// write it.
	line, err := KeyValue("k", id)
	if err != nil {
		return "[" + fmt.Sprintf("%q", id) + "]"
	}
	_, quoted, _ := strings.Cut(line, " = ")
	return "[" + quoted + "]"
}

// Apply returns f's source with the edits made, and everything else as it
// was: comments, order, blank lines, other keys. A message the file has
// gets its "other" and "hash" lines replaced (a missing hash line goes
// before "other"); a message it lacks is added as an [ID] table after the
// nearest message that comes before it in order, or at the end. The result
// is parsed again and compared with what was meant; any difference is an
// error and nothing is returned.
func Apply(f *File, edits []Edit, order []string) ([]byte, error) {
	ls := f.lines
	replace := map[int][]string{} // line index -> lines that replace it
	drop := map[int]bool{}
	after := map[int][]string{} // line index -> lines added after it (-1: at the start)
	pos := map[string]int{}
	for i, id := range order {
		pos[id] = i
	}
	var added []Edit
	for _, e := range edits {
		m := f.Get(e.ID)
		if m == nil {
			added = append(added, e)
			continue
		}
		if m.Other == e.Other && m.Hash == e.Hash && (m.SameAsEnglish || !e.SameAsEnglish) {
			continue // already so: keep the translator's lines as written
		}
		if m.first < 0 || m.first >= len(ls) {
			return nil, fmt.Errorf("%s: message %q cannot be placed in the file; rewrite its header as [%s] to merge into it", DisplayName(f.Name), e.ID, e.ID)
		}
		if !strings.HasPrefix(strings.TrimSpace(ls[m.first].text), "[") {
			return nil, fmt.Errorf("%s:%d: message %q is written as a key, not an [%s] table; rewrite it as a table to merge into it", DisplayName(f.Name), m.Line, e.ID, e.ID)
		}
		var other, hash *item
		for k := range f.items {
			it := &f.items[k]
			if it.header || it.first <= m.first || it.first > m.last || len(it.path) != 1 {
				continue
			}
			switch strings.ToLower(it.path[0]) {
			case "other":
				other = it
			case "hash":
				hash = it
			}
		}
		if other == nil {
			return nil, fmt.Errorf("%s:%d: message %q has no \"other\" line to replace", DisplayName(f.Name), m.Line, e.ID)
		}
		indent := ls[other.first].text[:len(ls[other.first].text)-len(strings.TrimLeft(ls[other.first].text, " \t"))]
		hv, ov, err := e.lines()
		if err != nil {
			return nil, err
		}
		var lines []string
		if hash == nil {
			lines = append(lines, indent+hv)
		} else {
			replace[hash.first] = []string{indent + hv + trailingComment(ls[hash.first:hash.last+1])}
			for i := hash.first + 1; i <= hash.last; i++ {
				drop[i] = true
			}
		}
		comment := trailingComment(ls[other.first : other.last+1])
		if e.SameAsEnglish && !m.SameAsEnglish {
			if comment == "" {
				comment = " #"
			}
			comment += " " + SameAsEnglishMarker
		}
		replace[other.first] = append(lines, indent+ov+comment)
		for i := other.first + 1; i <= other.last; i++ {
			drop[i] = true
		}
	}

	// New messages go after the nearest earlier message (in order) that the
	// file has; with none, before the file's first message; unknown ones, and
	// any in an empty file, at the end.
	for _, e := range added {
		block, err := newTable(e)
		if err != nil {
			return nil, err
		}
		p, known := pos[e.ID]
		anchor, best := -1, -1
		firstLead := -1 // of the first message the scanner placed
		for _, m := range f.Messages {
			if m.last < 0 {
				continue // not placed: no anchor
			}
			if firstLead < 0 {
				firstLead = m.lead
			}
			if q, ok := pos[m.ID]; ok && known && q < p && q > best {
				best, anchor = q, m.last
			}
		}
		switch {
		case anchor >= 0:
			after[anchor] = append(after[anchor], block...)
		case known && firstLead >= 0:
			at := firstLead - 1
			after[at] = append(after[at], append(block[1:], "")...)
		default:
			after[len(ls)-1] = append(after[len(ls)-1], block...)
		}
	}

	// Lines keep their own endings; new and replaced lines get the file's
	// (that of its first line), so a CRLF file stays CRLF.
	nl := "\n"
	if len(ls) > 0 && ls[0].eol == "\r\n" {
		nl = "\r\n"
	}
	type outLine struct{ text, eol string }
	var out []outLine
	add := func(texts []string) {
		for _, t := range texts {
			out = append(out, outLine{t, nl})
		}
	}
	add(after[-1])
	for i, l := range ls {
		switch {
		case drop[i]:
		case replace[i] != nil:
			add(replace[i])
		default:
			out = append(out, outLine{l.text, l.eol})
		}
		add(after[i])
	}
	var b strings.Builder
	b.Grow(len(f.Src) + 256)
	if strings.HasPrefix(string(f.Src), bom) {
		b.WriteString(bom)
	}
	endsInNewline := len(f.Src) == 0 || f.Src[len(f.Src)-1] == '\n' || len(ls) == 0
	for i, o := range out {
		b.WriteString(o.text)
		switch {
		case i < len(out)-1 || endsInNewline:
			if o.eol == "" {
				o.eol = nl
			}
			b.WriteString(o.eol)
		}
	}
	res := []byte(b.String())
	if err := verify(f, res, edits); err != nil {
		return nil, err
	}
	return res, nil
}

// trailingComment returns what follows a key's value on its last line (with
// the space before it) when it is a comment, so that replacing the value
// keeps it; "" when there is none. span is the key's lines: one, or
// several for a multi-line string. The scanner has found where the value
// ends, a closing """ inside the comment notwithstanding.
func trailingComment(span []line) string {
	last := span[len(span)-1]
	if last.tail < 0 {
		return ""
	}
	rest := last.text[last.tail:]
	if t := strings.TrimLeft(rest, " \t"); strings.HasPrefix(t, "#") {
		return rest
	}
	return ""
}

// lines encodes the edit's hash and other lines.
func (e Edit) lines() (hash, other string, err error) {
	if hash, err = KeyValue("hash", e.Hash); err != nil {
		return "", "", err
	}
	other, err = KeyValue("other", e.Other)
	return hash, other, err
}

func newTable(e Edit) ([]string, error) {
	hv, ov, err := e.lines()
	if err != nil {
		return nil, err
	}
	if e.SameAsEnglish {
		return []string{"", TableHeader(e.ID), "# " + SameAsEnglishMarker, hv, ov}, nil
	}
	return []string{"", TableHeader(e.ID), hv, ov}, nil
}

// verify parses the edited source and checks that it says exactly what the
// original said, changed only by the edits.
func verify(orig *File, res []byte, edits []Edit) error {
	got, findings := Parse(orig.Name, res)
	if got == nil {
		return fmt.Errorf("editing %s produced a file that does not parse (%v); nothing was written", orig.Name, findings[0])
	}
	want := map[string]Edit{}
	for _, e := range edits {
		want[e.ID] = e
	}
	var problems []string
	for _, m := range orig.Messages {
		g := got.Get(m.ID)
		if g == nil {
			problems = append(problems, "lost "+m.ID)
			continue
		}
		if e, ok := want[m.ID]; ok {
			if g.Other != e.Other || g.Hash != e.Hash {
				problems = append(problems, "did not set "+m.ID)
			}
			continue
		}
		if *g.Message != *m.Message {
			problems = append(problems, "changed "+m.ID)
		}
	}
	for id, e := range want {
		if g := got.Get(id); g == nil || g.Other != e.Other || g.Hash != e.Hash {
			problems = append(problems, "did not add "+id)
		}
	}
	if len(got.Messages) != len(orig.Messages)+countNew(orig, edits) {
		problems = append(problems, "message count changed")
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return errors.New("editing " + orig.Name + " went wrong (" + strings.Join(problems, ", ") + "); nothing was written")
	}
	return nil
}

func countNew(f *File, edits []Edit) int {
	n := 0
	for _, e := range edits {
		if f.Get(e.ID) == nil {
			n++
		}
	}
	return n
}
