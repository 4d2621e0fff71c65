package faceidmsg

import (
	"errors"
	"fmt"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
)

// ErrUnknownCode is wrapped by the error a lookup returns for a code the
// catalogue does not know. The Message returned with it still carries a
// localized generic text.
var ErrUnknownCode = errors.New("faceidmsg: unknown code")

// Sentinel errors wrapped by LocaleError, for errors.Is.
var (
	// ErrLocaleName: the file name is not a BCP 47 tag plus ".toml".
	ErrLocaleName = errors.New("file name is not a BCP 47 language tag")
	// ErrUnknownMessage: the file has a message ID the catalogue does not use.
	ErrUnknownMessage = errors.New("unknown message ID")
	// ErrEmptyText: a message has no text that can be shown: it is empty,
	// blank or invisible, or holds a control character.
	ErrEmptyText = errors.New("empty text")
	// ErrFileTooLarge: the file is larger than the loader accepts (1 MiB).
	ErrFileTooLarge = errors.New("file too large")
	// ErrPlaceholders: a text's template actions ({{.Code}}) differ from
	// English's.
	ErrPlaceholders = errors.New("placeholders differ from English")
)

// LocaleError reports a problem in one locale file. Line and Column are
// 1-based (Column counts characters) and zero when unknown. It unwraps to
// the cause: one of the sentinels above where one fits, else an error
// that says what is wrong (a TOML syntax error, a misused key, a plural
// form, a text that does not parse as a template).
type LocaleError struct {
	File      string // path of the file, as the bundle was given it
	Line      int
	Column    int
	MessageID string // the message at fault, if any
	Err       error
}

// Error formats the error as "faceidmsg: FILE:LINE:COLUMN: message "ID":
// cause", leaving out the parts that are unknown. A file name with
// characters that are not printable is quoted, so that it cannot forge
// terminal output.
func (e *LocaleError) Error() string {
	s := "faceidmsg: " + msgfile.DisplayName(e.File)
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
		return &LocaleError{File: f.File, Line: max(f.Line, 0), Column: max(f.Column, 0), MessageID: f.MessageID, Err: err}
	}
	return errors.New("faceidmsg: unreadable locale file")
}

// unknownCodeError is the error of a lookup of an unknown code. It formats
// only when asked, which keeps unknown lookups cheap. code is already safe
// for logs (see logCode).
type unknownCodeError struct {
	ns   Namespace
	code string
}

func (e *unknownCodeError) Error() string {
	return fmt.Sprintf("%v: %s \"%s\"", ErrUnknownCode, e.ns, e.code)
}

func (e *unknownCodeError) Unwrap() error { return ErrUnknownCode }
