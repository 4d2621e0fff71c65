package msgfile

import (
	"bytes"
	"strings"
	"testing"
)

// TestMarkerBelongsToItsTable: a same-as-english comment on the last line
// of a table is that table's, whatever follows it; a comment block
// directly above a header, after a blank line, is that header's; a '#'
// inside a string is not a comment. (B4)
func TestMarkerBelongsToItsTable(t *testing.T) {
	tests := []struct {
		name, src string
		hello     bool // Hello is marked
		bye       bool // Bye is marked
	}{
		{"last line, blank line follows", "[Hello]\nother = \"Hello.\"\n# same-as-english: brand\n\n[Bye]\nother = \"x\"\n", true, false},
		{"last line, header follows", "[Hello]\nother = \"Hello.\"\n# same-as-english: brand\n[Bye]\nother = \"x\"\n", true, false},
		{"last line of the file", "[Bye]\nother = \"x\"\n\n[Hello]\nother = \"Hello.\"\n# same-as-english: brand\n", true, false},
		{"last line, blank lines and the end follow", "[Hello]\nother = \"Hello.\"\n# same-as-english: brand\n\n\n", true, false},
		{"comment block, then a blank line", "[Hello]\nother = \"Hello.\"\n\n# same-as-english: brand\n\n[Bye]\nother = \"x\"\n", true, false},
		{"lead comment of the next header", "[Hello]\nother = \"Hello.\"\n\n# same-as-english: brand\n[Bye]\nother = \"x\"\n", false, true},
		{"lead comment of the first header", "# same-as-english: brand\n[Bye]\nother = \"x\"\n", false, true},
		{"on the header line", "[Bye] # same-as-english\nother = \"x\"\n", false, true},
		{"after the value", "[Bye]\nother = \"x\" # same-as-english\n", false, true},
		{"'#' in a string", "[Bye]\nother = \"Use # same-as-english\"\n", false, false},
		{"'#' in a literal string", "[Bye]\nother = 'Use # same-as-english'\n", false, false},
		{"'#' in a multi-line string", "[Bye]\nother = \"\"\"\n# same-as-english\n\"\"\"\n", false, false},
		{"after a multi-line string", "[Bye]\nother = \"\"\"\nx\"\"\" # same-as-english\n", false, true},
		{"a string holding the marker, then a comment", "[Bye]\nother = \"a \\\" # same-as-english\" # fine\n", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Must(Parse("th.toml", []byte(tt.src)))
			for id, want := range map[string]bool{"Hello": tt.hello, "Bye": tt.bye} {
				if m := f.Get(id); m != nil && m.SameAsEnglish != want {
					t.Errorf("%s.SameAsEnglish = %v; want %v", id, m.SameAsEnglish, want)
				}
			}
		})
	}
}

// TestApplyAfterTrailingComment: a new table goes after the comments that
// end the table before it, and before the next header's lead comment.
func TestApplyAfterTrailingComment(t *testing.T) {
	src := "[A]\nother = \"a\"\n# about A\n\n# about C\n[C]\nother = \"c\"\n"
	f := Must(Parse("th.toml", []byte(src)))
	out, err := Apply(f, []Edit{{ID: "B", Other: "b", Hash: "h"}}, []string{"A", "B", "C"})
	if err != nil {
		t.Fatal(err)
	}
	want := "[A]\nother = \"a\"\n# about A\n\n[B]\nhash = \"h\"\nother = \"b\"\n\n# about C\n[C]\nother = \"c\"\n"
	if string(out) != want {
		t.Errorf("Apply =\n%s\nwant\n%s", out, want)
	}
}

// TestApplyKeepsCommentAfterTripleQuotes: the comment after a multi-line
// string survives an edit even when it holds """ itself. (M2)
func TestApplyKeepsCommentAfterTripleQuotes(t *testing.T) {
	src := "[Hello]\nother = \"\"\"\nold\"\"\" # keep: \"\"\"this comment\"\"\"\n"
	f := Must(Parse("th.toml", []byte(src)))
	out, err := Apply(f, []Edit{{ID: "Hello", Other: "new", Hash: "h"}}, []string{"Hello"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "[Hello]\nhash = \"h\"\nother = \"new\" # keep: \"\"\"this comment\"\"\"\n"; string(out) != want {
		t.Errorf("Apply = %q; want %q", out, want)
	}
}

// TestApplyKeepsCRLF: every line of an edited CRLF file ends in CRLF,
// the replaced and added ones too. (B8, M3)
func TestApplyKeepsCRLF(t *testing.T) {
	for _, src := range []string{
		"[Hello]\r\nother = \"x\"\r\n",
		"# top\r\n\r\n[Hello]\r\nhash = \"old\"\r\nother = \"\"\"\r\nx\"\"\" # note\r\n",
		"[Hello]\r\nother = \"x\"", // no final line ending
	} {
		f := Must(Parse("th.toml", []byte(src)))
		out, err := Apply(f, []Edit{{ID: "Hello", Other: "y", Hash: "h"}, {ID: "Bye", Other: "b", Hash: "h"}, {ID: "A", Other: "a", Hash: "h"}}, []string{"A", "Hello", "Bye"})
		if err != nil {
			t.Fatalf("Apply(%q): %v", src, err)
		}
		if n, crlf := bytes.Count(out, []byte("\n")), bytes.Count(out, []byte("\r\n")); n != crlf || n < 8 {
			t.Errorf("Apply(%q) = %q: %d line endings, %d of them CRLF", src, out, n, crlf)
		}
		if strings.HasSuffix(src, "\n") != strings.HasSuffix(string(out), "\n") {
			t.Errorf("Apply(%q) = %q: final line ending changed", src, out)
		}
		if got := Must(Parse("th.toml", []byte(string(out)))); got.Get("Hello").Other != "y" || got.Get("A") == nil || got.Get("Bye") == nil {
			t.Errorf("Apply(%q) = %q", src, out)
		}
	}
}

// TestBOM: a file that starts with a byte-order mark loads with the right
// lines, keeps its mark, and takes edits, also before its first header.
// (B8, M4)
func TestBOM(t *testing.T) {
	src := "\uFEFF[Hello]\nother = \"x\"\n"
	g := Must(Parse("th.toml", []byte(src)))
	if g.Get("Hello").Line != 1 {
		t.Errorf("Hello at line %d; want 1", g.Get("Hello").Line)
	}
	out, err := Apply(g, []Edit{{ID: "Hello", Other: "y", Hash: "h"}, {ID: "A", Other: "a", Hash: "h"}}, []string{"A", "Hello"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "\uFEFF[A]\nhash = \"h\"\nother = \"a\"\n\n[Hello]\nhash = \"h\"\nother = \"y\"\n"; string(out) != want {
		t.Errorf("Apply = %q; want %q", out, want)
	}
	if _, got := Parse("th.toml", []byte("\uFEFF[Hello\n")); len(got) != 1 || got[0].Line != 1 || got[0].Column != 7 {
		t.Errorf("syntax error after a BOM: %v; want line 1, column 7", got)
	}
}

// TestUnplacedMessage: a message the scanner cannot place (here a quoted
// key with an escape it does not undo) has no block (-1, not line 0), so
// an edit of it is refused with a reason and a new message is not anchored
// to it.
func TestUnplacedMessage(t *testing.T) {
	f := Must(Parse("th.toml", []byte("# top\n\n[\"\\u0041\"]\nother = \"x\"\n")))
	m := f.Get("A")
	if m == nil || m.first != -1 || m.last != -1 || m.lead != -1 || m.Line != 0 {
		t.Fatalf("unplaced message: %+v", m)
	}
	if _, err := Apply(f, []Edit{{ID: "A", Other: "y", Hash: "h"}}, []string{"A"}); err == nil || !strings.Contains(err.Error(), "cannot be placed") {
		t.Errorf("Apply to an unplaced message: %v", err)
	}
	out, err := Apply(f, []Edit{{ID: "B", Other: "b", Hash: "h"}}, []string{"A", "B"})
	if err != nil || !strings.HasSuffix(string(out), "\n[B]\nhash = \"h\"\nother = \"b\"\n") {
		t.Errorf("Apply of a new message = %q, %v; want it at the end", out, err)
	}
}

// TestVerifyRefusesConfusedEdit: a multi-line string inside an inline
// table is beyond the scanner, which takes the [B] line inside it for a
// header. The new message would land inside the string; the check after
// editing sees that, and nothing is returned.
func TestVerifyRefusesConfusedEdit(t *testing.T) {
	src := "A = { other = \"\"\"\n[B]\nother = \"b\"\n\"\"\" }\n"
	f := Must(Parse("th.toml", []byte(src)))
	if len(f.Messages) != 1 || f.Get("A") == nil {
		t.Fatalf("messages %v", f.IDs())
	}
	out, err := Apply(f, []Edit{{ID: "Z", Other: "z", Hash: "h"}}, []string{"A", "Z"})
	if err == nil || out != nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("Apply = %q, %v; want the check after editing to refuse it", out, err)
	}
}
