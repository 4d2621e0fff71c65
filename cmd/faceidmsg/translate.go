package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"

	"github.com/faceidmsg/faceidmsg/internal/export"
	"github.com/faceidmsg/faceidmsg/internal/langname"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// The translator's commands: check, status, translate, merge, pseudo.

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
	src, err := openSource("check", o.locales, false)
	if err != nil {
		return err
	}
	l, err := src.load()
	if err != nil {
		return err
	}
	findings := l.findings
	if l.set.English != nil {
		opt := l.opt
		opt.RequireComplete = *complete
		findings = append(findings, l.set.Check(opt)...)
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
		fmt.Fprintf(stderr, "checked %d files in %s: %d errors, %d warnings\n", len(l.set.Files), src.describe(), nerr, nwarn)
	} else if src.kind == embeddedSource {
		fmt.Fprintf(stderr, "checked %s\n", src.describe())
	}
	if nerr > 0 {
		return errReported
	}
	return nil
}

func status(args []string, stdout, stderr io.Writer) error {
	var o options
	fs := o.flags("status", false)
	if err := o.parseNoArgs(fs, args); err != nil {
		return err
	}
	src, err := openSource("status", o.locales, false)
	if err != nil {
		return err
	}
	l, err := src.load()
	if err != nil {
		return err
	}
	if msgfile.HasError(l.findings) || l.set.English == nil {
		printFindings(stderr, l.findings, false)
		return errors.New("some locale files do not parse; run faceidmsg check")
	}
	if src.kind == embeddedSource {
		fmt.Fprintf(stderr, "status of %s\n", src.describe())
	}
	set := l.served()
	enc := json.NewEncoder(stdout)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	if !o.json {
		fmt.Fprintln(tw, "LANG\tTRANSLATED\tMISSING\tSTALE\tDONE\t")
	}
	for _, f := range set.Files {
		if f.Tag == language.English || slices.Contains(msgfile.PseudoTags, f.Tag) {
			continue // the source, and files generated from it
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

func translate(args []string, stdout io.Writer) error {
	var o options
	fs := o.flags("translate", false)
	out := fs.String("out", "", "where to write the work file (default translate.<tag>.toml)")
	rest, err := o.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("translate takes one language tag")
	}
	tag, err := o.readTag(rest[0])
	if err != nil {
		return err
	}
	if err := translatable(tag); err != nil {
		return err
	}
	src, err := openSource("translate", o.locales, true)
	if err != nil {
		return err
	}
	l, err := src.writable()
	if err != nil {
		return err
	}
	// What needs translating is what the library would not serve in the
	// language: in override mode, a message the shipped locale has is done.
	set := l.served()
	name := langname.English(tag)
	wf, st, err := msgfile.WorkFile(set.English, set.File(tag), tag, name)
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
	if err := writeFile(path, wf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d missing, %d stale\n", path, st.Missing, st.Stale)
	return nil
}

// translatable refuses English, the source, and the generated
// pseudo-locales.
// readTag reads a language the user names on the command line, the one
// way every command that takes one does: a locale the bundle has that
// serves it, as -lang reads it (aliases such as zh-tc, legacy codes such
// as iw, a region read as a script such as zh-TW), else a new locale's
// canonical name, with the script rule (msgfile.LocaleTag).
func (o *options) readTag(arg string) (language.Tag, error) {
	b, err := o.bundle()
	if err != nil {
		return language.Und, err
	}
	if loc, matched := b.Negotiate(arg); matched {
		return loc.Tag(), nil
	}
	tag, err := msgfile.LocaleTag(arg)
	if err != nil {
		return language.Und, usagef("%v", err)
	}
	return tag, nil
}

func translatable(tag language.Tag) error {
	if tag == language.English {
		return usagef("English is the source; edit its en.toml itself")
	}
	if slices.Contains(msgfile.PseudoTags, tag) {
		return usagef("%s is generated; run faceidmsg pseudo", tag)
	}
	return nil
}

func merge(args []string, stdout, stderr io.Writer) error {
	return mergeFiles("merge", "work files (translate.<tag>.toml)", args, stdout, stderr, mergeInput)
}

// input is one file given to merge or import: the language it is for,
// and how to merge it once every input is known to be one the command
// can take.
type input struct {
	path  string
	tag   language.Tag
	merge func(stdout, stderr io.Writer) error
}

// mergeFiles is the body of merge and import. It first reads which
// language each named file is for, and refuses the command, before
// writing anything, when a file is not for a language it can merge or
// when two files are for the same language: each merge starts from the
// locale file as it was, so the second would silently drop the first's
// work. Then it merges each file, reporting each failure on stderr.
func mergeFiles(name, what string, args []string, stdout, stderr io.Writer, open func(l *loaded, dir, path string) (*input, error)) error {
	var o options
	rest, err := o.parse(o.flags(name, false), args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("%s takes one or more %s", name, what)
	}
	src, err := openSource(name, o.locales, true)
	if err != nil {
		return err
	}
	unlock, err := lockDir(src.dir)
	if err != nil {
		return err
	}
	defer unlock()
	l, err := src.writable()
	if err != nil {
		return err
	}
	failed := false
	var inputs []*input
	byTag := map[language.Tag]string{}
	for _, p := range rest {
		in, err := open(l, src.dir, p)
		if isUsage(err) {
			return fmt.Errorf("%s: %w", p, err)
		}
		if err != nil {
			var pe *export.PosError
			if errors.As(err, &pe) && pe.Line > 0 {
				fmt.Fprintf(stderr, "faceidmsg: %s:%d: %v\n", msgfile.DisplayName(p), pe.Line, pe.Err)
			} else {
				fmt.Fprintf(stderr, "faceidmsg: %s: %v\n", msgfile.DisplayName(p), err)
			}
			failed = true
			continue
		}
		if prev, ok := byTag[in.tag]; ok {
			return usagef("%s and %s are both for %s; one %s would overwrite the other's work, so nothing was written: run %s once for each", prev, p, in.tag, name, name)
		}
		byTag[in.tag] = p
		inputs = append(inputs, in)
	}
	for _, in := range inputs {
		if err := in.merge(stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "faceidmsg: %s: %v\n", in.path, err)
			failed = true
		}
	}
	if failed {
		return errReported
	}
	return nil
}

func mergeInput(l *loaded, dir, workPath string) (*input, error) {
	tag, err := msgfile.TagFromWorkFileName(workPath)
	if err != nil {
		return nil, usagef("%v", err)
	}
	if err := translatable(tag); err != nil {
		return nil, err
	}
	return &input{path: workPath, tag: tag, merge: func(stdout, stderr io.Writer) error {
		// Through msgfile.ReadFile: a regular file only (a FIFO would
		// block, a device never end), read through the size cap.
		work, findings := msgfile.ReadFile(os.DirFS(filepath.Dir(workPath)), filepath.Base(workPath), workPath)
		if work == nil {
			printFindings(stderr, findings, false)
			return errors.New("the work file does not parse; nothing was merged")
		}
		return mergeWork(l.set, dir, tag, work, workPath, stdout, stderr, nil)
	}}, nil
}

// mergeWork merges a parsed work file into DIR/<tag>.toml. When the work
// file was made from another file (XLIFF), its line numbers mean nothing
// to the user: lines gives, by message ID, the line of that file where the
// message is, and findings are placed there instead.
func mergeWork(set *msgfile.Set, dir string, tag language.Tag, work *msgfile.File, workPath string, stdout, stderr io.Writer, lines map[string]int) error {
	target := set.File(tag)
	targetPath := filepath.Join(dir, tag.String()+".toml")
	if target != nil {
		targetPath = target.Name
	}
	res, err := msgfile.Merge(set.English, target, work, tag, targetPath)
	if lines != nil {
		relocate(res.Findings, work.Name, lines)
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

// relocate places the findings in file, a file the command built itself
// from another, at the line of that other file where their message is
// (none when unknown), since the user has never seen the built file.
func relocate(findings []msgfile.Finding, file string, lines map[string]int) {
	for i := range findings {
		if findings[i].File == file {
			findings[i].Line, findings[i].Column = lines[findings[i].MessageID], 0
		}
	}
}

func pseudo(args []string, stdout io.Writer) error {
	var o options
	fs := o.flags("pseudo", false)
	if err := o.parseNoArgs(fs, args); err != nil {
		return err
	}
	src, err := openSource("pseudo", o.locales, true)
	if err != nil {
		return err
	}
	unlock, err := lockDir(src.dir)
	if err != nil {
		return err
	}
	defer unlock()
	l, err := src.writable()
	if err != nil {
		return err
	}
	for _, tag := range msgfile.PseudoTags {
		data, err := msgfile.Pseudo(l.set.English, tag)
		if err != nil {
			return err
		}
		path := filepath.Join(src.dir, tag.String()+".toml")
		if err := writeFile(path, data); err != nil {
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
	// Sync before the rename: without it a power loss can leave the new
	// name pointing at an empty file on some file systems.
	if err := tmp.Sync(); err != nil {
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
