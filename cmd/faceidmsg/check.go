package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"github.com/faceidmsg/faceidmsg/internal/translation"
	"golang.org/x/text/language"
)

// check and status: what is wrong in the locale files, and how much of
// each language is translated and current.

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
		if f.Tag == language.English || slices.Contains(translation.PseudoTags, f.Tag) {
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
