package faceidmsg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// encoding/json matches object keys without regard to case and keeps the
// last of two equal keys, so {"ErrorCode":1201,"errorcode":0} would read
// as success, although the service never writes such a body and any other
// parser sees 1201. checkKeys fails such bodies closed before decoding:
// every key of the objects Response reads (the top level, Response, Error)
// that names one of its fields in any case must be spelled as the service
// spells it, and appear once.

// fieldsTop and fieldsBody are the fields Response reads, spelled as the
// service writes them, by their lower-case form.
var (
	fieldsBody = spellings("Error", "RequestId", "Result", "ErrorCode", "ErrorMsg", "Description",
		"VerificationDetailList", "CompareResults", "CardVerifyResults", "OCRResult", "LivenessInfoTag", "DeviceInfoLevel")
	fieldsTop   = spellings("Response", "code", "codeDesc", "message")
	fieldsError = spellings("Code", "Message")
)

// field is a watched field: as the service spells it, and folded.
type field struct{ spelt, folded string }

func spellings(names ...string) map[string]field {
	m := make(map[string]field, len(names))
	for _, n := range names {
		m[strings.ToLower(n)] = field{n, strings.ToLower(n)}
	}
	return m
}

// errKeys is wrapped by checkKeys' errors.
var errKeys = errors.New("keys")

// checkKeys reports a key of a field Response reads that is misspelt in
// case or repeated, in the top-level object, in Response and in Error; and
// a body with both a Response and fields of its own at the top. It does
// not validate the JSON: json.Unmarshal does that afterwards.
func checkKeys(body []byte) error {
	s := scanner{b: body}
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return nil // not an object: the decoder says what it is
	}
	var wrapped, own bool
	err := s.object(func(kb []byte, lk string) (bool, error) {
		if want, ok := fieldsTop[lk]; ok {
			if string(kb) != want.spelt {
				return false, fmt.Errorf("%w: %q is spelt %q by the service", errKeys, kb, want.spelt)
			}
			if string(kb) == "Response" {
				wrapped = true
				return true, s.inner(fieldsBody, true)
			}
			return false, nil
		}
		if want, ok := fieldsBody[lk]; ok {
			if string(kb) != want.spelt {
				return false, fmt.Errorf("%w: %q is spelt %q by the service", errKeys, kb, want.spelt)
			}
			own = true
			if string(kb) == "Error" {
				return true, s.inner(fieldsError, false)
			}
		}
		return false, nil
	}, fieldsTop, fieldsBody)
	if err != nil {
		return err
	}
	if wrapped && own {
		return fmt.Errorf("%w: fields both inside and beside Response", errKeys)
	}
	return nil
}

// scanner walks JSON just enough to see keys and skip values.
type scanner struct {
	b []byte
	i int
}

var errSyntax = errors.New("syntax")

func (s *scanner) space() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

// str reads a string at s.i and returns its bytes: the raw text between
// the quotes when it has no escapes, else its unescaped value. Only a
// string with escapes allocates.
func (s *scanner) str() ([]byte, error) {
	start := s.i
	s.i++
	esc := false
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case '\\':
			esc = true
			s.i += 2
			continue
		case '"':
			s.i++
			raw := s.b[start:s.i]
			if !esc {
				return raw[1 : len(raw)-1], nil
			}
			var v string
			if err := json.Unmarshal(raw, &v); err != nil {
				return nil, errSyntax
			}
			return []byte(v), nil
		}
		s.i++
	}
	return nil, errSyntax
}

// lower returns b folded as encoding/json matches keys, in buf when it
// fits (field names are short), so that looking it up in a map does not
// allocate: ASCII letters in lower case, and the two other characters
// whose case folds to an ASCII letter, "ſ" (U+017F) to "s" and the Kelvin
// sign (U+212A) to "k". A key longer than buf cannot name a field; it is
// returned as it is.
func lower(buf *[32]byte, b []byte) []byte {
	n := 0
	for i := 0; i < len(b); i++ {
		if n == len(buf) {
			return b
		}
		c := b[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC5 && i+1 < len(b) && b[i+1] == 0xBF: // ſ
			c, i = 's', i+1
		case c == 0xE2 && i+2 < len(b) && b[i+1] == 0x84 && b[i+2] == 0xAA: // K
			c, i = 'k', i+2
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

// skip skips one value at s.i, iteratively, whatever its depth.
func (s *scanner) skip() error {
	depth := 0
	for {
		s.space()
		if s.i >= len(s.b) {
			return errSyntax
		}
		switch c := s.b[s.i]; c {
		case '{', '[':
			depth++
			s.i++
			continue
		case '}', ']':
			depth--
			s.i++
		case '"':
			if err := s.skipStr(); err != nil {
				return err
			}
		case ',', ':':
			s.i++
			continue
		default:
			for s.i < len(s.b) && !endOfLiteral(s.b[s.i]) {
				s.i++
			}
		}
		if depth <= 0 {
			return nil
		}
	}
}

// endOfLiteral reports whether c ends a number, true, false or null.
func endOfLiteral(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ':', ']', '}':
		return true
	}
	return false
}

// skipStr skips the string at s.i, jumping from quote to quote: a quote
// after an odd number of backslashes is escaped.
func (s *scanner) skipStr() error {
	s.i++
	for {
		j := bytes.IndexByte(s.b[s.i:], '"')
		if j < 0 {
			s.i = len(s.b)
			return errSyntax
		}
		q := s.i + j
		n := 0
		for k := q - 1; k >= s.i && s.b[k] == '\\'; k-- {
			n++
		}
		s.i = q + 1
		if n%2 == 0 {
			return nil
		}
	}
}

// object reads the object at s.i, calling key for each key; key returns
// true when it has read the value itself. Keys whose lower-case form is in
// one of watched must not repeat.
func (s *scanner) object(key func(kb []byte, lk string) (bool, error), watched ...map[string]field) error {
	s.i++ // '{'

	// The watched keys met: a handful at most.
	var seen []string
	var buf [32]byte
	for {
		s.space()
		if s.i >= len(s.b) {
			return errSyntax
		}
		if s.b[s.i] == '}' {
			s.i++
			return nil
		}
		if s.b[s.i] == ',' {
			s.i++
			continue
		}
		if s.b[s.i] != '"' {
			return errSyntax
		}
		kb, err := s.str()
		if err != nil {
			return err
		}
		// A key that names no watched field is skipped without a string
		// made of it: the map lookups below do not allocate.
		lb := lower(&buf, kb)
		var lk string
		for _, w := range watched {
			if f, ok := w[string(lb)]; ok {
				lk = f.folded
				if slices.Contains(seen, lk) {
					return fmt.Errorf("%w: %q appears twice", errKeys, kb)
				}
				seen = append(seen, lk)
				break
			}
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return errSyntax
		}
		s.i++
		s.space()
		done := false
		if lk != "" {
			if done, err = key(kb, lk); err != nil {
				return err
			}
		}
		if !done {
			if err := s.skip(); err != nil {
				return err
			}
		}
	}
}

// inner checks the object value at s.i (or skips a value that is not an
// object) against fields; withError descends into its Error.
func (s *scanner) inner(fields map[string]field, withError bool) error {
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return s.skip()
	}
	return s.object(func(kb []byte, lk string) (bool, error) {
		want, ok := fields[lk]
		if !ok {
			return false, nil
		}
		if string(kb) != want.spelt {
			return false, fmt.Errorf("%w: %q is spelt %q by the service", errKeys, kb, want.spelt)
		}
		if withError && string(kb) == "Error" {
			return true, s.inner(fieldsError, false)
		}
		return false, nil
	}, fields)
}

// lastElement returns the last element of the JSON array b, and how many
// it has, without decoding the others: an attempt list can be long, and
// only its newest entry is read.
func lastElement(b []byte) ([]byte, int, error) {
	s := scanner{b: b}
	s.space()
	if s.i >= len(s.b) {
		return nil, 0, errSyntax
	}
	if string(bytes.TrimSpace(b[s.i:])) == "null" {
		return nil, 0, nil
	}
	if s.b[s.i] != '[' {
		return nil, 0, fmt.Errorf("an attempt list must be an array")
	}
	s.i++
	var last []byte
	n := 0
	for {
		s.space()
		if s.i >= len(s.b) {
			return nil, 0, errSyntax
		}
		switch s.b[s.i] {
		case ']':
			return last, n, nil
		case ',':
			s.i++
			continue
		}
		start := s.i
		if err := s.skip(); err != nil {
			return nil, 0, err
		}
		last = s.b[start:s.i]
		n++
	}
}
