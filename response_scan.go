package faceidmsg

import (
	"encoding/json"
	"errors"
	"fmt"
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

func spellings(names ...string) map[string]string {
	m := make(map[string]string, len(names))
	for _, n := range names {
		m[strings.ToLower(n)] = n
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
	err := s.object(func(key string) (bool, error) {
		lk := strings.ToLower(key)
		if want, ok := fieldsTop[lk]; ok {
			if key != want {
				return false, fmt.Errorf("%w: %q is spelt %q by the service", errKeys, key, want)
			}
			if key == "Response" {
				wrapped = true
				return true, s.inner(fieldsBody, true)
			}
			return false, nil
		}
		if want, ok := fieldsBody[lk]; ok {
			if key != want {
				return false, fmt.Errorf("%w: %q is spelt %q by the service", errKeys, key, want)
			}
			own = true
			if key == "Error" {
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

// str reads a string at s.i and returns its value, unescaped only when it
// has escapes.
func (s *scanner) str() (string, error) {
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
				return string(raw[1 : len(raw)-1]), nil
			}
			var v string
			if err := json.Unmarshal(raw, &v); err != nil {
				return "", errSyntax
			}
			return v, nil
		}
		s.i++
	}
	return "", errSyntax
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
			if _, err := s.str(); err != nil {
				return err
			}
		case ',', ':':
			s.i++
			continue
		default:
			for s.i < len(s.b) && !strings.ContainsRune(" \t\r\n,:]}", rune(s.b[s.i])) {
				s.i++
			}
		}
		if depth <= 0 {
			return nil
		}
	}
}

// object reads the object at s.i, calling key for each key; key returns
// true when it has read the value itself. Keys whose lower-case form is in
// one of watched must not repeat.
func (s *scanner) object(key func(string) (bool, error), watched ...map[string]string) error {
	s.i++ // '{'
	seen := map[string]bool{}
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
		k, err := s.str()
		if err != nil {
			return err
		}
		lk := strings.ToLower(k)
		for _, w := range watched {
			if _, ok := w[lk]; ok {
				if seen[lk] {
					return fmt.Errorf("%w: %q appears twice", errKeys, k)
				}
				seen[lk] = true
			}
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return errSyntax
		}
		s.i++
		s.space()
		done, err := key(k)
		if err != nil {
			return err
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
func (s *scanner) inner(fields map[string]string, withError bool) error {
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return s.skip()
	}
	return s.object(func(key string) (bool, error) {
		want, ok := fields[strings.ToLower(key)]
		if !ok {
			return false, nil
		}
		if key != want {
			return false, fmt.Errorf("%w: %q is spelt %q by the service", errKeys, key, want)
		}
		if withError && key == "Error" {
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
	if string(b[s.i:]) == "null" || strings.TrimSpace(string(b[s.i:])) == "null" {
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
