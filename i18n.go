package faceidmsg

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
)

// This file reads locale files. The internal msgfile package parses them
// (with go-i18n and the TOML library) and knows where each message sits;
// this file turns what it finds into the library's errors.

//go:embed locales/*.toml
var embeddedLocales embed.FS

// Locales returns the locale files embedded in the package, one
// <tag>.toml per language at the root of the returned FS.
func Locales() fs.FS {
	sub, err := fs.Sub(embeddedLocales, "locales")
	if err != nil {
		panic(err) // "locales" is a valid path; fs.Sub cannot fail here
	}
	return sub
}

// maxLocaleFileSize caps a locale file read from outside. The English source
// is under 20 KiB; a megabyte leaves room for any real translation.
const maxLocaleFileSize = msgfile.MaxSize

// Sentinel errors wrapped by LocaleError, for errors.Is.
var (
	// ErrLocaleName: the file name is not a BCP 47 tag plus ".toml".
	ErrLocaleName = errors.New("file name is not a BCP 47 language tag")
	// ErrUnknownMessage: the file has a message ID the catalogue does not use.
	ErrUnknownMessage = errors.New("unknown message ID")
	// ErrEmptyText: a message has no text.
	ErrEmptyText = errors.New("empty text")
	// ErrFileTooLarge: the file is larger than the loader accepts (1 MiB).
	ErrFileTooLarge = errors.New("file too large")
	// ErrPlaceholders: a text's template actions ({{.Code}}) differ from
	// English's.
	ErrPlaceholders = errors.New("placeholders differ from English")
)

// LocaleError reports a problem in one locale file. Line and Column are
// 1-based (Column counts characters) and zero when unknown. It unwraps to
// the cause: one of the sentinels above, or the TOML parser's error.
type LocaleError struct {
	File      string // path of the file, as the bundle was given it
	Line      int
	Column    int
	MessageID string // the message at fault, if any
	Err       error
}

// Error formats the error as "faceidmsg: FILE:LINE:COLUMN: message "ID":
// cause", leaving out the parts that are unknown.
func (e *LocaleError) Error() string {
	s := "faceidmsg: " + e.File
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
		if e.Column > 0 {
			s += fmt.Sprintf(":%d", e.Column)
		}
	}
	if e.MessageID != "" {
		s += fmt.Sprintf(": message %q", e.MessageID)
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *LocaleError) Unwrap() error { return e.Err }

// localeSource is a set of locale files and the prefix that names them in
// errors.
type localeSource struct {
	fsys  fs.FS
	dir   string // folder inside fsys that holds the *.toml files
	label string // what errors call the folder
}

// readLocaleFiles reads and parses every *.toml file of src, in name order,
// except translators' work files (translate.*.toml).
func readLocaleFiles(src localeSource) ([]*msgfile.File, error) {
	names, err := fs.Glob(src.fsys, path.Join(src.dir, "*.toml"))
	if err != nil {
		return nil, fmt.Errorf("faceidmsg: listing %s: %w", src.label, err)
	}
	slices.Sort(names)
	files := make([]*msgfile.File, 0, len(names))
	for _, name := range names {
		if msgfile.IsWorkFile(name) {
			continue
		}
		label := path.Join(src.label, path.Base(name))
		tag, bad := msgfile.TagFromName(label)
		if bad != nil && bad.Severity == msgfile.Error {
			return nil, &LocaleError{File: label, Err: fmt.Errorf("%w: %q", ErrLocaleName, path.Base(name))}
		}
		f, findings := msgfile.ReadFile(src.fsys, name, label)
		if f == nil {
			return nil, localeError(findings)
		}
		f.Tag = tag
		files = append(files, f)
	}
	return files, nil
}

// localeError turns the first error finding into a *LocaleError.
func localeError(findings []msgfile.Finding) error {
	for _, f := range findings {
		if f.Severity != msgfile.Error {
			continue
		}
		err := f.Err
		if f.Kind == msgfile.KindTooLarge {
			err = fmt.Errorf("%w: %v", ErrFileTooLarge, f.Err)
		}
		return &LocaleError{File: f.File, Line: f.Line, Column: f.Column, MessageID: f.MessageID, Err: err}
	}
	return errors.New("faceidmsg: unreadable locale file")
}
