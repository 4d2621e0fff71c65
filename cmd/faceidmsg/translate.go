package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/faceidmsg/faceidmsg/internal/export"
	"github.com/faceidmsg/faceidmsg/internal/langname"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/faceidmsg/faceidmsg/internal/translation"
	"golang.org/x/text/language"
)

// The translator's round trip: translate writes a work file, merge brings it
// back (import, in export.go, does the same for XLIFF).

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
	wf, st, err := translation.WorkFile(set.English, set.File(tag), tag, name)
	if err != nil {
		return err
	}
	if st.Missing+st.Stale == 0 {
		fmt.Fprintf(stdout, "%s is complete and current; nothing to translate\n", tag)
		return nil
	}
	path := *out
	if path == "" {
		path = translation.WorkFileName(tag)
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
	if slices.Contains(translation.PseudoTags, tag) {
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
	src, l, unlock, err := openLocked(name, o.locales)
	if err != nil {
		return err
	}
	defer unlock()
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
	tag, err := translation.TagFromWorkFileName(workPath)
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
	res, err := translation.Merge(set.English, target, work, tag, targetPath)
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
