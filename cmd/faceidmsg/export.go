package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/export"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// The app-format commands: export and import.

func exportCmd(args []string, stdout io.Writer) error {
	var o options
	fs := o.flags("export", true)
	format := fs.String("format", "", "one of "+strings.Join(export.Formats(), ", "))
	out := fs.String("out", "", "the folder to write into")
	androidPackage := fs.String("android-package", "", "with -format android: the app's Java package, for the FaceIdMsg.java accessor")
	rest, err := o.parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return usagef("export takes no arguments, got %q", rest[0])
	case *format == "":
		return usagef("export needs -format (%s)", strings.Join(export.Formats(), ", "))
	case !slices.Contains(export.Formats(), *format):
		return usagef("unknown format %q; formats are %s", *format, strings.Join(export.Formats(), ", "))
	case *out == "":
		return usagef("export needs -out DIR")
	}
	// Texts come from the library's bundle, descriptions and XLIFF units
	// from the files; both are read from the one source, and the files as
	// the library serves them.
	// Outside the module and without -locales, the locales built into
	// the binary, as lookup and serve read them.
	src, err := openSource("export", o.locales, false)
	if err != nil {
		return err
	}
	l, err := src.writable()
	if err != nil {
		return err
	}
	b, err := src.bundle()
	if err != nil {
		return err
	}
	tags, err := exportTags(b, o.lang)
	if err != nil {
		return err
	}
	if !slices.Contains(tags, language.English) {
		tags = append([]language.Tag{language.English}, tags...) // every format needs its source
	}
	if *androidPackage != "" && *format != "android" {
		return usagef("-android-package goes with -format android")
	}
	files, err := export.Export(*format, export.Source{Bundle: b, Tags: tags, Set: l.served(), AndroidPackage: *androidPackage})
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	// Refuse, before writing anything, to replace a file that an export
	// did not write: an app's own resources may sit in the same folder.
	for _, name := range names {
		path := filepath.Join(*out, filepath.FromSlash(name))
		if old, err := os.ReadFile(path); err == nil && !export.Wrote(old) {
			return fmt.Errorf("%s exists and was not written by faceidmsg export; nothing was written (move it, or export into another folder)", path)
		}
	}
	for _, name := range names {
		path := filepath.Join(*out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := writeFile(path, files[name]); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "wrote %d files for %d locales to %s\n", len(files), len(tags), *out)
	return nil
}

// exportTags reads -lang as a comma-separated list of tags, each
// negotiated by the library as lookup's -lang is, so zh-TW or zh_TW
// exports zh-Hant; without it, every locale but the pseudo-locales.
func exportTags(b *faceidmsg.Bundle, list string) ([]language.Tag, error) {
	if list == "" {
		var all []language.Tag
		for _, l := range b.Languages() {
			if !l.Pseudo {
				all = append(all, l.Tag)
			}
		}
		return all, nil
	}
	var tags []language.Tag
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		l, matched := b.Negotiate(s)
		tag := l.Tag()
		if !matched {
			// Only the fallback would serve it: an error, not a silent
			// English export.
			return nil, usagef("-lang: no locale of the bundle serves %q (see faceidmsg languages -pseudo)", s)
		}
		if !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
	}
	return tags, nil
}

func importCmd(args []string, stdout, stderr io.Writer) error {
	return mergeFiles("import", "XLIFF files", args, stdout, stderr, importInput)
}

func importInput(l *loaded, dir, p string) (*input, error) {
	f, err := openRegular(p) // ReadXLIFF caps what it reads
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tag, units, err := export.ReadXLIFF(f)
	if err != nil {
		return nil, err
	}
	if err := translatable(tag); err != nil {
		return nil, err
	}
	return &input{path: p, tag: tag, merge: func(stdout, stderr io.Writer) error {
		return importUnits(l, dir, p, tag, units, stdout, stderr)
	}}, nil
}

func importUnits(l *loaded, dir, p string, tag language.Tag, units []export.Unit, stdout, stderr io.Writer) error {
	var own, shipped *msgfile.File
	if l.shipped != nil {
		own, shipped = l.set.File(tag), l.shipped.File(tag)
	}
	units, drafts, unchanged, err := export.Importable(units, own, shipped)
	if len(unchanged) > 0 {
		fmt.Fprintf(stderr, "faceidmsg: %s: %d units are the shipped translation unchanged, which the library serves already; not copied\n", p, len(unchanged))
	}
	if len(drafts) > 0 {
		fmt.Fprintf(stderr, "faceidmsg: %s: %d units left out because their state is still \"initial\" (set it to \"translated\" when done): %s\n", p, len(drafts), strings.Join(drafts, ", "))
	}
	if err != nil {
		return err
	}
	src, err := export.WorkFile(units)
	if err != nil {
		return err
	}
	lines := map[string]int{}
	for _, u := range units {
		lines[u.ID] = u.Line
	}
	work, findings := msgfile.Parse(p, src)
	if work == nil {
		// The positions are those of the TOML built from the XLIFF, which
		// the user never sees: give the units' lines instead.
		relocate(findings, p, lines)
		printFindings(stderr, findings, false)
		return errors.New("the translations do not make a valid locale file; nothing was imported")
	}
	return mergeWork(l.set, dir, tag, work, p, stdout, stderr, lines)
}
