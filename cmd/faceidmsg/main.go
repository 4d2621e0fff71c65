// Command faceidmsg prints the localized message, hint and category of
// face-verification error codes.
//
// Usage:
//
//	faceidmsg lookup [-lang TAGS] [-locales DIR] [-json] CODE...
//	faceidmsg list [-lang TAGS] [-locales DIR] [-json]
//	faceidmsg languages [-locales DIR] [-pseudo] [-json]
//	faceidmsg resolve [-lang TAGS] [-locales DIR] [-json] [FILE|-]
//	faceidmsg serve [-addr HOST:PORT] [-max-body BYTES] [-max-conns N] [-support] [-cors-origins O,...] [-locales DIR]
//
// resolve reads a service response body and exits 0 only for a success
// code, 3 for a known code that is not success, 1 when no result could be
// read, 2 for bad usage.
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
// and faceidmsg version (or -version) prints the module version.
//
// Translator commands read locale files from one place: -locales DIR, an
// app's override directory layered over the embedded locales; else
// ./locales, but only at the root of this module (its go.mod names
// github.com/faceidmsg/faceidmsg). Anywhere else check and status read the
// embedded locales and say so, export exports them, and translate,
// merge, import and pseudo ask for -locales DIR. "--" ends the flags.
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
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/faceidmsg/faceidmsg"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  faceidmsg lookup [-lang TAGS] [-locales DIR] [-json] CODE...
  faceidmsg list [-lang TAGS] [-locales DIR] [-json]
  faceidmsg languages [-locales DIR] [-pseudo] [-json]
  faceidmsg resolve [-lang TAGS] [-locales DIR] [-json] [FILE|-]
  faceidmsg serve [-addr HOST:PORT] [-max-body BYTES] [-max-conns N] [-support] [-cors-origins O,...] [-locales DIR]

translators:
  faceidmsg check [-locales DIR] [-complete] [-json]
  faceidmsg status [-locales DIR] [-json]
  faceidmsg translate [-locales DIR] [-out FILE] TAG
  faceidmsg merge [-locales DIR] translate.TAG.toml...
  faceidmsg pseudo [-locales DIR]

apps:
  faceidmsg export -format FORMAT -out DIR [-lang TAGS] [-locales DIR]
  faceidmsg import [-locales DIR] FILE.xlf...

version:
  faceidmsg version

Without -locales, translator commands use ./locales only at the root of
the faceidmsg module; "--" ends the flags.
`

// usageError is an error in the caller's wording, not a failure of the
// work: run prints it with the usage and exits 2. It stays one when
// wrapped, so a command can name the file it was reading.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error {
	return &usageError{fmt.Sprintf(format, a...)}
}

func isUsage(err error) bool {
	var u *usageError
	return errors.As(err, &u)
}

// errReported marks a failure already explained on stderr.
var errReported = errors.New("reported")

// errNotPassed: resolve read a known code that is not success. Its message
// is on stdout; the program exits 3, so a script can tell "the person or
// the call failed" from "no answer could be read" (1).
var errNotPassed = errors.New("not passed")

// run is the whole program; only main decides to exit.
func run(args []string, stdout, stderr io.Writer) int {
	return runIn(args, os.Stdin, stdout, stderr)
}

// runIn is run with standard input given, for resolve.
func runIn(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := dispatch(args, stdin, stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case isUsage(err):
		fmt.Fprintf(stderr, "faceidmsg: %v\n%s", err, usage)
		return 2
	case errors.Is(err, errReported):
		return 1
	case errors.Is(err, errNotPassed):
		return 3
	default:
		msg := err.Error()
		if !strings.HasPrefix(msg, "faceidmsg: ") {
			msg = "faceidmsg: " + msg
		}
		fmt.Fprintln(stderr, msg)
		return 1
	}
}

func dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("no command")
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "lookup":
		return lookup(args, stdout, stderr)
	case "resolve":
		return resolve(args, stdin, stdout, stderr)
	case "serve":
		return serveCmd(args, stdout, stderr)
	case "list":
		return list(args, stdout)
	case "languages":
		return languages(args, stdout)
	case "check":
		return check(args, stdout, stderr)
	case "status":
		return status(args, stdout, stderr)
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
	case "version", "-version", "--version":
		return version(args, stdout)
	case "help", "-h", "-help", "--help":
		return flag.ErrHelp
	}
	return usagef("unknown command %q", cmd)
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
// "lookup 1201 -lang th" works as well as "lookup -lang th 1201". An
// argument "--" ends the flags: everything after it is an argument. A
// negative number such as -999 is an argument, not a flag (no flag is
// named by digits), unless it is the value of a flag ("-out -1").
func (o *options) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return o.parsed(fs, flags, append(rest, args[i+1:]...))
		case len(a) < 2 || a[0] != '-' || strings.Trim(a[1:], "0123456789") == "":
			rest = append(rest, a)
		default:
			flags = append(flags, a)
			if takesValue(fs, a) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		}
	}
	return o.parsed(fs, flags, rest)
}

// parsed parses the flags parse set apart, and returns the arguments.
func (o *options) parsed(fs *flag.FlagSet, flags, rest []string) ([]string, error) {
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usagef("%s: %v", fs.Name(), err)
	}
	return append(rest, fs.Args()...), nil
}

// takesValue reports whether the flag a ("-out", "--out") takes the next
// argument as its value: a known flag that is not boolean and has no
// "=value" of its own.
func takesValue(fs *flag.FlagSet, a string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// parseNoArgs is parse for the commands that take flags only.
func (o *options) parseNoArgs(fs *flag.FlagSet, args []string) error {
	rest, err := o.parse(fs, args)
	if err == nil && len(rest) > 0 {
		err = usagef("%s takes no arguments, got %q", fs.Name(), rest[0])
	}
	return err
}

// bundle is the library's bundle for lookup, list and languages: the
// embedded locales, with -locales DIR layered over them.
func (o *options) bundle() (*faceidmsg.Bundle, error) {
	if o.locales == "" {
		return faceidmsg.New()
	}
	src, err := openSource("", o.locales, false)
	if err != nil {
		return nil, err
	}
	return src.bundle()
}

func lookup(args []string, stdout, stderr io.Writer) error {
	var o options
	codes, err := o.parse(o.flags("lookup", true), args)
	if err != nil {
		return err
	}
	if len(codes) == 0 {
		return usagef("lookup: no code given")
	}
	for _, c := range codes {
		if _, code := faceidmsg.ParseCode(c); code == "" {
			return usagef("lookup: %q has no code", c)
		}
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
			if err := enc.Encode(m.ForSupport()); err != nil {
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
			if err := enc.Encode(m.ForSupport()); err != nil {
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
				Pseudo bool   `json:"pseudo"`
			}{l.Tag.String(), l.Name, l.Native, l.Pseudo}
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

// version prints the module version the binary was built from, as the Go
// toolchain recorded it ("(devel)" when built in a checkout), and the Go
// version.
func version(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usagef("version takes no arguments, got %q", args[0])
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return errors.New("this binary carries no build information")
	}
	fmt.Fprintf(stdout, "faceidmsg %s %s\n", moduleVersion(bi), bi.GoVersion)
	return nil
}

func moduleVersion(bi *debug.BuildInfo) string {
	if bi.Main.Version == "" {
		return "(unknown)"
	}
	return bi.Main.Version
}
