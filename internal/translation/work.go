// Package translation is the translator's workflow over the message
// files that package msgfile reads, checks and edits: the work file that
// translate writes (what needs translating, with the English beside it),
// merge (the filled-in work file back into the locale file, checked, with
// the translator's comments and order kept) and the pseudo-locales.
package translation

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/faceidmsg/faceidmsg/internal/langname"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// The translator's round trip, named after goi18n's habits: WorkFile
// writes translate.<tag>.toml with what needs translating; Merge takes the
// filled-in file back into <tag>.toml.

// WorkFileName is the name of the work file for tag.
func WorkFileName(tag language.Tag) string { return "translate." + tag.String() + ".toml" }

// TagFromWorkFileName reads the tag from "translate.<tag>.toml".
func TagFromWorkFileName(name string) (language.Tag, error) {
	base := path.Base(name)
	stem, ok := strings.CutPrefix(base, "translate.")
	if !ok {
		return language.Und, fmt.Errorf("%s: a work file is named translate.<tag>.toml", base)
	}
	tag, bad := msgfile.TagFromName(stem)
	if bad != nil && bad.Severity == msgfile.Error {
		return language.Und, fmt.Errorf("%s: a work file is named translate.<tag>.toml, with a BCP 47 tag", base)
	}
	return tag, nil
}

// WorkFile returns a work file for the translation target (nil when the
// language has no file yet): every message of en that target lacks, leaves
// empty or translated from an older English, in English's order, each with
// its description, the hash of the current English, the English text (and
// the old translation, if stale) in comments, and an empty "other" to fill
// in. It also returns the counts.
func WorkFile(en, target *msgfile.File, tag language.Tag, name string) ([]byte, msgfile.Stats, error) {
	var st msgfile.Stats
	if target != nil {
		st = msgfile.Count(en, target)
	} else {
		st = msgfile.Stats{Total: len(en.Messages), Missing: len(en.Messages)}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Translation work file for %s (%s): %d missing, %d stale.\n", tag, name, st.Missing, st.Stale)
	b.WriteString(`#
# For each message, read its description and the English, and write the
# translation in "other". Leave "hash" as it is: it records which English
# you translated. Messages left empty are skipped. Then merge it back:
#
#   faceidmsg merge ` + WorkFileName(tag) + "\n")
	for _, src := range en.Messages {
		var old *msgfile.Message
		if target != nil {
			old = target.Get(src.ID)
		}
		stale := old != nil && !msgfile.Blank(old.Other) && old.Hash != "" && old.Hash != msgfile.Hash(src.Message)
		if old != nil && !msgfile.Blank(old.Other) && !stale {
			continue
		}
		lines := []string{"", msgfile.TableHeader(src.ID)}
		for _, kv := range [][2]string{{"description", src.Description}, {"hash", msgfile.Hash(src.Message)}} {
			if kv[1] == "" {
				continue
			}
			l, err := msgfile.KeyValue(kv[0], kv[1])
			if err != nil {
				return nil, st, err
			}
			lines = append(lines, l)
		}
		lines = append(lines, "# English: "+oneLine(src.Other))
		if stale {
			lines = append(lines, "# Was (for older English): "+oneLine(old.Other))
		}
		lines = append(lines, `other = ""`)
		b.WriteString(strings.Join(lines, "\n") + "\n")
	}
	return []byte(b.String()), st, nil
}

func oneLine(s string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}

// MergeResult says what Merge did.
type MergeResult struct {
	Src       []byte            // the new contents of the target file
	Merged    []string          // IDs written
	Unchanged []string          // IDs whose text and hash the target already had
	Skipped   []string          // IDs left empty in the work file
	Findings  []msgfile.Finding // problems in the work file and warnings on the result
}

// Merge merges work, a filled-in work file, into target (nil when the
// language has no file yet; targetName names the file to create). It
// refuses, with the findings, a work file with any error: unknown IDs,
// templates that do not parse, placeholders that differ from English. Each
// merged message records the hash the work file carries, that of the
// English the translator saw, so a change to English in the meantime still
// shows as stale.
func Merge(en, target, work *msgfile.File, tag language.Tag, targetName string) (*MergeResult, error) {
	res := &MergeResult{}
	var edits []msgfile.Edit
	for _, m := range work.Messages {
		if msgfile.Blank(m.Other) {
			res.Skipped = append(res.Skipped, m.ID)
			continue
		}
		src := en.Get(m.ID)
		if src == nil {
			res.Findings = append(res.Findings, msgfile.Finding{File: work.Name, Line: m.Line, MessageID: m.ID, Severity: msgfile.Error, Kind: msgfile.KindUnknownID,
				Err: fmt.Errorf("the English source has no message %q", m.ID)})
			continue
		}
		checked := msgfile.Check(msgfile.FileOf("", language.Und, src), msgfile.FileOf(work.Name, tag, m), msgfile.Options{Override: true})
		for _, f := range checked {
			if f.Kind == msgfile.KindStale {
				// The translator worked from older English: merge, and say so.
				f.Severity = msgfile.Warning
				f.Err = fmt.Errorf("the English changed after this work file was made; merged, but stale: it now reads %q", src.Other)
			}
			res.Findings = append(res.Findings, f)
		}
		hash := m.Hash
		if target != nil {
			// A text given back unchanged without a hash (an XLIFF unit
			// with no hash note) leaves the file as it is: it says nothing
			// about which English the text was translated from.
			if old := target.Get(m.ID); old != nil && old.Other == m.Other && (old.Hash == hash || hash == "") && (old.SameAsEnglish || !m.SameAsEnglish) {
				res.Unchanged = append(res.Unchanged, m.ID)
				continue
			}
		}
		if hash == "" {
			// A new text with no hash was written for the English the
			// translator has in front of them: today's.
			hash = msgfile.Hash(src.Message)
		}
		edits = append(edits, msgfile.Edit{ID: m.ID, Other: m.Other, Hash: hash, SameAsEnglish: m.SameAsEnglish})
	}
	if msgfile.HasError(res.Findings) {
		return res, errors.New("the translations have errors; nothing was merged")
	}
	order := en.IDs()
	slices.SortStableFunc(edits, func(a, b msgfile.Edit) int { return slices.Index(order, a.ID) - slices.Index(order, b.ID) })
	if target == nil {
		target, _ = msgfile.Parse(targetName, []byte(fmt.Sprintf("# %s (%s). Translated from en.toml with faceidmsg translate and merge; see TRANSLATING.md.\n", langname.English(tag), tag)))
	}
	src, err := msgfile.Apply(target, edits, order)
	if err != nil {
		return res, err
	}
	res.Src = src
	for _, e := range edits {
		res.Merged = append(res.Merged, e.ID)
	}
	return res, nil
}
