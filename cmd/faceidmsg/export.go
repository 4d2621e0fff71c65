package main

import (
	"bytes"
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
	rest, err := o.parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return fmt.Errorf("%w: export takes no arguments, got %q", errUsage, rest[0])
	case *format == "":
		return fmt.Errorf("%w: export needs -format (%s)", errUsage, strings.Join(export.Formats(), ", "))
	case !slices.Contains(export.Formats(), *format):
		return fmt.Errorf("%w: unknown format %q; formats are %s", errUsage, *format, strings.Join(export.Formats(), ", "))
	case *out == "":
		return fmt.Errorf("%w: export needs -out DIR", errUsage)
	}
	b, err := o.bundle()
	if err != nil {
		return err
	}
	set, findings, _, err := loadSet(o.locales)
	if err != nil {
		return err
	}
	if msgfile.HasError(findings) || set.English == nil {
		return errors.New("some locale files have errors; run faceidmsg check")
	}
	tags, err := exportTags(b, o.lang)
	if err != nil {
		return err
	}
	if !slices.Contains(tags, language.English) {
		tags = append([]language.Tag{language.English}, tags...) // every format needs its source
	}
	files, err := export.Export(*format, export.Source{Bundle: b, Tags: tags, Set: set})
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
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

// parseBase returns the base language of a tag as a client writes it.
func parseBase(s string) (language.Base, bool) {
	t, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return language.Base{}, false
	}
	b, _ := t.Base()
	return b, true
}

// exportTags reads -lang as a comma-separated list of the bundle's tags;
// without it, every locale but the pseudo-locales.
func exportTags(b *faceidmsg.Bundle, list string) ([]language.Tag, error) {
	have := map[language.Tag]bool{}
	var all []language.Tag
	for _, l := range b.Languages() {
		have[l.Tag] = true
		if !l.Pseudo {
			all = append(all, l.Tag)
		}
	}
	if list == "" {
		return all, nil
	}
	var tags []language.Tag
	for _, s := range strings.Split(list, ",") {
		// Each entry is negotiated as lookup's -lang is, so zh-TW or zh_TW
		// exports zh-Hant; an entry that only English would serve is an
		// error, not a silent English export.
		s = strings.TrimSpace(s)
		tag := b.Match(s)
		base, _ := tag.Base()
		if want, _ := parseBase(s); !have[tag] || (tag == language.English && want != base) {
			return nil, fmt.Errorf("%w: -lang: no locale of the bundle serves %q (see faceidmsg languages -pseudo)", errUsage, s)
		}
		if !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
	}
	return tags, nil
}

func importCmd(args []string, stdout, stderr io.Writer) error {
	return mergeFiles("import", "XLIFF files", args, stdout, stderr, importOne)
}

func importOne(set *msgfile.Set, dir, p string, stdout, stderr io.Writer) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	tag, units, err := export.ReadXLIFF(bytes.NewReader(data))
	if err != nil {
		return err
	}
	// A target still in state "initial" is a draft or a translation of
	// older English waiting for review: it is not taken.
	var drafts []string
	units = slices.DeleteFunc(units, func(u export.Unit) bool {
		if u.State == "initial" {
			drafts = append(drafts, u.ID)
			return true
		}
		return false
	})
	if len(drafts) > 0 {
		fmt.Fprintf(stderr, "faceidmsg: %s: %d units left out because their state is still \"initial\" (set it to \"translated\" when done): %s\n", p, len(drafts), strings.Join(drafts, ", "))
	}
	if err := translatable(tag); err != nil {
		return err
	}
	src, err := export.WorkFile(units)
	if err != nil {
		return err
	}
	work, findings := msgfile.Parse(p, src)
	if work == nil {
		printFindings(stderr, findings, false)
		return errors.New("the translations do not make a valid locale file; nothing was imported")
	}
	return mergeWork(set, dir, tag, work, p, stdout, stderr, true)
}
