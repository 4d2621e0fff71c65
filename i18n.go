package faceidmsg

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// This file reads locale files into a go-i18n bundle. go-i18n does the
// parsing of its message format and the template work; this file adds what
// a library taking files from outside needs: size limits, strict file names,
// and errors that name the file and line.

//go:embed locales/*.toml
var embeddedLocales embed.FS

// maxLocaleFileSize caps a locale file read from outside. The English source
// is under 20 KiB; a megabyte leaves room for any real translation.
const maxLocaleFileSize = 1 << 20

// Sentinel errors wrapped by LocaleError, for errors.Is.
var (
	// ErrLocaleName: the file name is not a specific BCP 47 tag plus ".toml".
	ErrLocaleName = errors.New("file name is not a BCP 47 language tag")
	// ErrUnknownMessage: the file has a message ID the catalogue does not use.
	ErrUnknownMessage = errors.New("unknown message ID")
	// ErrEmptyText: a message has no text.
	ErrEmptyText = errors.New("empty text")
	// ErrFileTooLarge: the file is larger than the loader accepts.
	ErrFileTooLarge = errors.New("file too large")
)

// LocaleError reports a problem in one locale file. Line and Column are
// 1-based and zero when unknown. It unwraps to the cause: one of the
// sentinels above, or the TOML parser's error.
type LocaleError struct {
	File      string // path of the file, as the bundle was given it
	Line      int
	Column    int
	MessageID string // the message at fault, if any
	Err       error
}

func (e *LocaleError) Error() string {
	var b strings.Builder
	b.WriteString("faceidmsg: ")
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.MessageID != "" {
		fmt.Fprintf(&b, ": message %q", e.MessageID)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *LocaleError) Unwrap() error { return e.Err }

// localeSource is a set of locale files and the prefix that names them in
// errors.
type localeSource struct {
	fsys  fs.FS
	dir   string // folder inside fsys that holds the *.toml files
	label string // what errors call the folder
}

// localeFile is one parsed file.
type localeFile struct {
	name     string // as errors show it
	tag      language.Tag
	src      []byte
	messages []*i18n.Message
}

var unmarshalers = map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}

// readLocaleFiles reads and parses every *.toml file of src, in name order.
func readLocaleFiles(src localeSource) ([]*localeFile, error) {
	names, err := fs.Glob(src.fsys, path.Join(src.dir, "*.toml"))
	if err != nil {
		return nil, fmt.Errorf("faceidmsg: listing %s: %w", src.label, err)
	}
	slices.Sort(names)
	files := make([]*localeFile, 0, len(names))
	for _, name := range names {
		f, err := readLocaleFile(src.fsys, name, path.Join(src.label, path.Base(name)))
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

func readLocaleFile(fsys fs.FS, name, label string) (*localeFile, error) {
	tag, err := tagFromFileName(path.Base(name))
	if err != nil {
		return nil, &LocaleError{File: label, Err: err}
	}
	src, err := readCapped(fsys, name)
	if err != nil {
		return nil, &LocaleError{File: label, Err: err}
	}
	mf, err := i18n.ParseMessageFileBytes(src, tag.String()+".toml", unmarshalers)
	if err != nil {
		le := &LocaleError{File: label, Err: err}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			le.Line, le.Column = errorPosition(src, pe.Position)
			le.Err = &tomlError{msg: pe.Message, err: err}
		}
		return nil, le
	}
	return &localeFile{name: label, tag: tag, src: src, messages: mf.Messages}, nil
}

// errorPosition returns the 1-based line and column (in characters) of a
// TOML error. It
// counts from the byte offset, because the parser's own line number is one
// too high when the offending byte is a newline (an unclosed "[table").
func errorPosition(src []byte, p toml.Position) (line, col int) {
	if p.Start < 0 || p.Start > len(src) {
		return p.Line, p.Col
	}
	before := src[:p.Start]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// tomlError keeps the TOML parser's short message for display and its full
// error for errors.As.
type tomlError struct {
	msg string
	err error
}

func (e *tomlError) Error() string { return e.msg }
func (e *tomlError) Unwrap() error { return e.err }

func readCapped(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxLocaleFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > maxLocaleFileSize {
		return nil, fmt.Errorf("%w: over %d bytes", ErrFileTooLarge, maxLocaleFileSize)
	}
	return src, nil
}

// tagFromFileName parses "zh-Hant.toml". The tag must be well formed and
// specific (not "und"); case is free, as BCP 47 allows.
func tagFromFileName(base string) (language.Tag, error) {
	stem, ok := strings.CutSuffix(base, ".toml")
	if !ok || stem == "" || strings.ContainsAny(stem, "._ ") {
		return language.Und, fmt.Errorf("%w: %q", ErrLocaleName, base)
	}
	tag, err := language.Parse(stem)
	if err != nil || tag == language.Und {
		return language.Und, fmt.Errorf("%w: %q", ErrLocaleName, base)
	}
	return tag, nil
}

// keyLine returns the 1-based line where message id is defined in a TOML
// file, or 0 when it cannot tell. It recognises the two ways go-i18n files
// define a message: a table header ([id] or ["id"]) and a key (id = "...").
// It is a locator for error messages, not a parser: the file has already
// been parsed by the TOML library.
func keyLine(src []byte, id string) int {
	forms := []string{"[" + id + "]", `["` + id + `"]`, id + " =", id + "=", `"` + id + `" =`, `"` + id + `"=`}
	line := 0
	for rest := src; len(rest) > 0; {
		line++
		var cur []byte
		cur, rest, _ = bytes.Cut(rest, []byte{'\n'})
		cur = bytes.TrimSpace(cur)
		for _, f := range forms {
			if bytes.HasPrefix(cur, []byte(f)) {
				return line
			}
		}
	}
	return 0
}
