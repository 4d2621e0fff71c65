package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// The translator's commands: check, status, translate, merge, pseudo.

// repoLocales is the folder the translator commands work on by default:
// the repository's locales, when the command runs at its root.
const repoLocales = "locales"

// loadSet reads the locale set a command works on, and says whether it is
// an app's override directory:
//   - with no DIR: ./locales when it holds en.toml (the repository's files,
//     as translators edit them), else the embedded locales; shipped rules.
//   - with -locales DIR: DIR's files, checked against the embedded English
//     with DIR's own en.toml layered over it; override rules, in which a
//     message a file lacks but the shipped locale has is not missing.
func loadSet(dir string) (set *msgfile.Set, findings []msgfile.Finding, opt msgfile.Options, err error) {
	if dir == "" {
		if st, err := os.Stat(filepath.Join(repoLocales, "en.toml")); err == nil && st.Mode().IsRegular() {
			set, findings = msgfile.LoadSet(os.DirFS(repoLocales), ".", repoLocales, nil)
			return set, findings, opt, nil
		}
		set, findings = msgfile.LoadSet(faceidmsg.Locales(), ".", "locales", nil)
		return set, findings, opt, nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil, opt, fmt.Errorf("%w: -locales: %s is not a directory", errUsage, dir)
	}
	shipped, _ := msgfile.LoadSet(faceidmsg.Locales(), ".", "locales", nil)
	if shipped.English == nil {
		return nil, nil, opt, errors.New("the embedded English does not parse")
	}
	set, findings = msgfile.LoadSet(os.DirFS(dir), ".", dir, shipped.English)
	return set, findings, msgfile.Options{Override: true, Shipped: shipped}, nil
}

type findingRecord struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	MessageID string `json:"message_id"`
	Severity  string `json:"severity"`
	Kind      string `json:"kind"`
	Message   string `json:"message"`
}

func printFindings(w io.Writer, findings []msgfile.Finding, asJSON bool) error {
	enc := json.NewEncoder(w)
	for _, f := range findings {
		if !asJSON {
			fmt.Fprintln(w, f)
			continue
		}
		if err := enc.Encode(findingRecord{f.File, f.Line, f.Column, f.MessageID, string(f.Severity), string(f.Kind), f.Err.Error()}); err != nil {
			return err
		}
	}
	return nil
}

func check(args []string, stdout, stderr io.Writer) error {
	var o options
	fs := o.flags("check", false)
	complete := fs.Bool("complete", false, "with -locales: a message a file lacks is an error, not a warning")
	if err := o.parseNoArgs(fs, args); err != nil {
		return err
	}
	set, findings, opt, err := loadSet(o.locales)
	if err != nil {
		return err
	}
	if set.English != nil {
		opt.RequireComplete = *complete
		findings = append(findings, set.Check(opt)...)
	}
	if err := printFindings(stdout, findings, o.json); err != nil {
		return err
	}
	var nerr, nwarn int
	for _, f := range findings {
		if f.Severity == msgfile.Error {
			nerr++
		} else {
			nwarn++
		}
	}
	if !o.json {
		fmt.Fprintf(stderr, "checked %d files: %d errors, %d warnings\n", len(set.Files), nerr, nwarn)
	}
	if nerr > 0 {
		return errReported
	}
	return nil
}

func status(args []string, stdout io.Writer) error {
	var o options
	fs := o.flags("status", false)
	if err := o.parseNoArgs(fs, args); err != nil {
		return err
	}
	set, findings, _, err := loadSet(o.locales)
	if err != nil {
		return err
	}
	if msgfile.HasError(findings) || set.English == nil {
		printFindings(os.Stderr, findings, false)
		return errors.New("some locale files do not parse; run faceidmsg check")
	}
	enc := json.NewEncoder(stdout)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	if !o.json {
		fmt.Fprintln(tw, "LANG\tTRANSLATED\tMISSING\tSTALE\tDONE\t")
	}
	for _, f := range set.Files {
		if f.Tag == language.English {
			continue
		}
		st := msgfile.Count(set.English, f)
		if o.json {
			rec := struct {
				Tag        string `json:"tag"`
				Total      int    `json:"total"`
				Translated int    `json:"translated"`
				Missing    int    `json:"missing"`
				Stale      int    `json:"stale"`
				Percent    int    `json:"percent"`
			}{f.Tag.String(), st.Total, st.Translated, st.Missing, st.Stale, st.Done()}
			if err := enc.Encode(rec); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(tw, "%s\t%d/%d\t%d\t%d\t%d%%\t\n", f.Tag, st.Translated, st.Total, st.Missing, st.Stale, st.Done())
	}
	if o.json {
		return nil
	}
	return tw.Flush()
}

// diskSet reads the folder the commands that write files write into:
// DIR, or ./locales.
func diskSet(dir string) (*msgfile.Set, string, error) {
	if dir == "" {
		if _, err := os.Stat(filepath.Join(repoLocales, "en.toml")); err != nil {
			return nil, "", fmt.Errorf("%w: no ./locales/en.toml here; run this at the repository's root or give -locales DIR", errUsage)
		}
	}
	set, findings, _, err := loadSet(dir)
	if err != nil {
		return nil, "", err
	}
	if dir == "" {
		dir = repoLocales
	}
	if msgfile.HasError(findings) {
		var msg string
		for _, f := range findings {
			if f.Severity == msgfile.Error {
				msg += "\n\t" + f.String()
			}
		}
		return nil, "", fmt.Errorf("locale files in %s have errors; fix them first:%s", dir, msg)
	}
	return set, dir, nil
}

func translate(args []string, stdout io.Writer) error {
	var o options
	fs := o.flags("translate", false)
	out := fs.String("out", "", "where to write the work file (default translate.<tag>.toml)")
	rest, err := o.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("%w: translate takes one language tag", errUsage)
	}
	tag, err := language.Parse(rest[0])
	if err != nil || tag == language.Und {
		return fmt.Errorf("%w: translate: %q is not a BCP 47 language tag", errUsage, rest[0])
	}
	if err := translatable(tag); err != nil {
		return err
	}
	set, _, err := diskSet(o.locales)
	if err != nil {
		return err
	}
	name := display.English.Tags().Name(tag)
	src, st, err := msgfile.WorkFile(set.English, set.File(tag), tag, name)
	if err != nil {
		return err
	}
	if st.Missing+st.Stale == 0 {
		fmt.Fprintf(stdout, "%s is complete and current; nothing to translate\n", tag)
		return nil
	}
	path := *out
	if path == "" {
		path = msgfile.WorkFileName(tag)
	}
	if err := writeFile(path, src); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d missing, %d stale\n", path, st.Missing, st.Stale)
	return nil
}

// translatable refuses English, the source, and the generated
// pseudo-locales.
func translatable(tag language.Tag) error {
	if tag == language.English {
		return fmt.Errorf("%w: English is the source; edit locales/en.toml itself", errUsage)
	}
	for _, p := range msgfile.PseudoTags {
		if tag == p {
			return fmt.Errorf("%w: %s is generated; run faceidmsg pseudo", errUsage, tag)
		}
	}
	return nil
}

func merge(args []string, stdout, stderr io.Writer) error {
	return mergeFiles("merge", "work files (translate.<tag>.toml)", args, stdout, stderr, mergeOne)
}

// mergeFiles is the body of merge and import: it merges each named file
// into the locale files with do, reporting each failure on stderr.
func mergeFiles(name, what string, args []string, stdout, stderr io.Writer, do func(set *msgfile.Set, dir, path string, stdout, stderr io.Writer) error) error {
	var o options
	rest, err := o.parse(o.flags(name, false), args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return fmt.Errorf("%w: %s takes one or more %s", errUsage, name, what)
	}
	set, dir, err := diskSet(o.locales)
	if err != nil {
		return err
	}
	failed := false
	for _, p := range rest {
		if err := do(set, dir, p, stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "faceidmsg: %s: %v\n", p, err)
			failed = true
		}
	}
	if failed {
		return errReported
	}
	return nil
}

func mergeOne(set *msgfile.Set, dir, workPath string, stdout, stderr io.Writer) error {
	tag, err := msgfile.TagFromWorkFileName(workPath)
	if err != nil {
		return err
	}
	if err := translatable(tag); err != nil {
		return err
	}
	src, err := os.ReadFile(workPath)
	if err != nil {
		return err
	}
	work, findings := msgfile.Parse(workPath, src)
	if work == nil {
		printFindings(stderr, findings, false)
		return errors.New("the work file does not parse; nothing was merged")
	}
	return mergeWork(set, dir, tag, work, workPath, stdout, stderr, false)
}

// mergeWork merges a parsed work file into DIR/<tag>.toml. When the work
// file was made from another file (XLIFF), its line numbers mean nothing
// to the user, and findings name only the message.
func mergeWork(set *msgfile.Set, dir string, tag language.Tag, work *msgfile.File, workPath string, stdout, stderr io.Writer, synthetic bool) error {
	target := set.File(tag)
	targetPath := filepath.Join(dir, tag.String()+".toml")
	if target != nil {
		targetPath = target.Name
	}
	res, err := msgfile.Merge(set.English, target, work, tag, targetPath)
	if synthetic {
		for i := range res.Findings {
			res.Findings[i].Line, res.Findings[i].Column = 0, 0
		}
	}
	printFindings(stderr, res.Findings, false)
	if err != nil {
		return err
	}
	if len(res.Merged) == 0 {
		fmt.Fprintf(stdout, "%s: nothing to merge (%d unchanged, %d left empty)\n", workPath, len(res.Unchanged), len(res.Skipped))
		return nil
	}
	if err := writeFile(targetPath, res.Src); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "merged %d messages into %s (%d unchanged, %d left empty)\n", len(res.Merged), targetPath, len(res.Unchanged), len(res.Skipped))
	return nil
}

func pseudo(args []string, stdout io.Writer) error {
	var o options
	fs := o.flags("pseudo", false)
	if err := o.parseNoArgs(fs, args); err != nil {
		return err
	}
	set, dir, err := diskSet(o.locales)
	if err != nil {
		return err
	}
	for _, tag := range msgfile.PseudoTags {
		src, err := msgfile.Pseudo(set.English, tag)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, tag.String()+".toml")
		if err := writeFile(path, src); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", path)
	}
	return nil
}

// writeFile replaces path atomically, so a failed write never leaves half
// a locale file.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
