// Command faceidmsg prints the localized message, hint and category of
// face-verification error codes.
//
// Usage:
//
//	faceidmsg lookup [-lang TAGS] [-locales DIR] [-json] CODE...
//	faceidmsg list [-lang TAGS] [-locales DIR] [-json]
//	faceidmsg languages [-locales DIR] [-pseudo] [-json]
//
// and, for translators (see TRANSLATING.md):
//
//	faceidmsg check [-locales DIR] [-complete] [-json]
//	faceidmsg status [-locales DIR] [-json]
//	faceidmsg translate [-locales DIR] [-out FILE] TAG
//	faceidmsg merge [-locales DIR] translate.TAG.toml...
//	faceidmsg pseudo [-locales DIR]
//
// and, for apps (formats: android, apple, arb, flat, i18next, xliff):
//
//	faceidmsg export -format FORMAT -out DIR [-lang TAGS] [-locales DIR]
//	faceidmsg import [-locales DIR] FILE.xlf...
//
// -lang takes a language tag, a comma-separated list or a whole
// Accept-Language header; without it the text is English. -locales layers
// the TOML files of DIR over the embedded locales. -json prints one JSON
// object per line.
//
// Exit status: 0 on success, 1 when a code is unknown or the work failed,
// 2 for bad usage.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/export"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  faceidmsg lookup [-lang TAGS] [-locales DIR] [-json] CODE...
  faceidmsg list [-lang TAGS] [-locales DIR] [-json]
  faceidmsg languages [-locales DIR] [-pseudo] [-json]

translators:
  faceidmsg check [-locales DIR] [-complete] [-json]
  faceidmsg status [-locales DIR] [-json]
  faceidmsg translate [-locales DIR] [-out FILE] TAG
  faceidmsg merge [-locales DIR] translate.TAG.toml...
  faceidmsg pseudo [-locales DIR]

apps:
  faceidmsg export -format FORMAT -out DIR [-lang TAGS] [-locales DIR]
  faceidmsg import [-locales DIR] FILE.xlf...
`

// errUsage marks errors that are the caller's wording, not a failure.
var errUsage = errors.New("usage")

// errReported marks a failure already explained on stderr.
var errReported = errors.New("reported")

// run is the whole program; only main decides to exit.
func run(args []string, stdout, stderr io.Writer) int {
	err := dispatch(args, stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "faceidmsg: %v\n%s", err, usage)
		return 2
	case errors.Is(err, errReported):
		return 1
	default:
		msg := err.Error()
		if !strings.HasPrefix(msg, "faceidmsg: ") {
			msg = "faceidmsg: " + msg
		}
		fmt.Fprintln(stderr, msg)
		return 1
	}
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no command", errUsage)
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "lookup":
		return lookup(args, stdout, stderr)
	case "list":
		return list(args, stdout)
	case "languages":
		return languages(args, stdout)
	case "check":
		return check(args, stdout, stderr)
	case "status":
		return status(args, stdout)
	case "translate":
		return translate(args, stdout)
	case "merge":
		return merge(args, stdout, stderr)
	case "pseudo":
		return pseudo(args, stdout)
	case "export":
		return exportCmd(args, stdout)
	case "import":
		return importCmd(args, stdout, stderr)
	case "help", "-h", "-help", "--help":
		return flag.ErrHelp
	}
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

// options are the flags the commands share.
type options struct {
	lang    string
	locales string
	json    bool
}

// flags returns the flag set of a command, with the shared flags.
func (o *options) flags(name string, withLang bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if withLang {
		fs.StringVar(&o.lang, "lang", "", "language tags or an Accept-Language header")
	}
	fs.StringVar(&o.locales, "locales", "", "directory of TOML locale files")
	fs.BoolVar(&o.json, "json", false, "print one JSON object per line")
	return fs
}

// parse reads flags and positional arguments in any order, so that
// "lookup 1201 -lang th" works as well as "lookup -lang th 1201".
func (o *options) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	// A negative code such as -999 is an argument, not a flag: no flag
	// takes a number. Mark such arguments so the flag package passes them.
	const mark = "\x00"
	args = slices.Clone(args)
	for i, a := range args {
		if len(a) > 1 && a[0] == '-' && strings.Trim(a[1:], "0123456789") == "" {
			args[i] = mark + a
		}
	}
	var rest []string
	unmark := func(s []string) []string {
		for i := range s {
			s[i] = strings.TrimPrefix(s[i], mark)
		}
		return s
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return unmark(rest), nil
		}
		if args[0] == "--" {
			return unmark(append(rest, args[1:]...)), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// parseNoArgs is parse for the commands that take flags only.
func (o *options) parseNoArgs(fs *flag.FlagSet, args []string) error {
	rest, err := o.parse(fs, args)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("%w: %s takes no arguments, got %q", errUsage, fs.Name(), rest[0])
	}
	return err
}

func (o *options) bundle() (*faceidmsg.Bundle, error) {
	if o.locales == "" {
		return faceidmsg.New()
	}
	st, err := os.Stat(o.locales)
	if err != nil {
		return nil, fmt.Errorf("%w: -locales: %v", errUsage, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%w: -locales: %s is not a directory", errUsage, o.locales)
	}
	return faceidmsg.New(faceidmsg.WithLocaleDir(o.locales))
}

// record is the -json shape of a message. Field names are stable.
type record struct {
	Namespace   string `json:"namespace"`
	Code        string `json:"code"`
	Key         string `json:"key"`
	MessageID   string `json:"message_id"`
	Lang        string `json:"lang"`
	Text        string `json:"text"`
	Hint        string `json:"hint"`
	Category    string `json:"category"`
	Retryable   bool   `json:"retryable"`
	Fallback    bool   `json:"fallback"`
	Description string `json:"description"`
}

// key is the name m's string has in exported files: the generic message's
// for a code the catalogue does not know.
func key(m faceidmsg.Message) string {
	if m.Category == faceidmsg.CategoryUnknown {
		return export.UnknownKey
	}
	return faceidmsg.Key(m.Namespace, m.Code)
}

func toRecord(m faceidmsg.Message) record {
	return record{
		Namespace: string(m.Namespace), Code: m.Code, Key: key(m), MessageID: m.MessageID,
		Lang: m.Lang.String(), Text: m.Text, Hint: m.Hint,
		Category: string(m.Category), Retryable: m.Retryable, Fallback: m.Fallback,
		Description: m.Description,
	}
}

func lookup(args []string, stdout, stderr io.Writer) error {
	var o options
	codes, err := o.parse(o.flags("lookup", true), args)
	if err != nil {
		return err
	}
	if len(codes) == 0 {
		return fmt.Errorf("%w: lookup: no code given", errUsage)
	}
	b, err := o.bundle()
	if err != nil {
		return err
	}
	loc := b.Localizer(o.lang)
	enc := json.NewEncoder(stdout)
	failed := false
	for _, c := range codes {
		m, err := loc.LookupCode(c)
		if err != nil {
			fmt.Fprintln(stderr, err)
			failed = true
		}
		if o.json {
			if err := enc.Encode(toRecord(m)); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintln(stdout, m.Text)
		if m.Hint != "" {
			fmt.Fprintln(stdout, m.Hint)
		}
	}
	if failed {
		return errReported
	}
	return nil
}

func list(args []string, stdout io.Writer) error {
	var o options
	if err := o.parseNoArgs(o.flags("list", true), args); err != nil {
		return err
	}
	b, err := o.bundle()
	if err != nil {
		return err
	}
	msgs := b.Localizer(o.lang).Messages()
	if o.json {
		enc := json.NewEncoder(stdout)
		for _, m := range msgs {
			if err := enc.Encode(toRecord(m)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAMESPACE\tCODE\tCATEGORY\tRETRY\tTEXT")
	for _, m := range msgs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%t\t%s\n", m.Namespace, m.Code, m.Category, m.Retryable, m.Text)
	}
	return tw.Flush()
}

func languages(args []string, stdout io.Writer) error {
	var o options
	fs := o.flags("languages", false)
	showPseudo := fs.Bool("pseudo", false, "also list the pseudo-locales")
	if err := o.parseNoArgs(fs, args); err != nil {
		return err
	}
	b, err := o.bundle()
	if err != nil {
		return err
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		for _, l := range b.Languages() {
			if l.Pseudo && !*showPseudo {
				continue
			}
			rec := struct {
				Tag    string `json:"tag"`
				Name   string `json:"name"`
				Native string `json:"native"`
			}{l.Tag.String(), l.Name, l.Native}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TAG\tNAME\tNATIVE")
	for _, l := range b.Languages() {
		if l.Pseudo && !*showPseudo {
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", l.Tag, l.Name, l.Native)
	}
	return tw.Flush()
}
