package translation

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/faceidmsg/faceidmsg/internal/msgfile"
	"golang.org/x/text/language"
)

// Pseudo-locales let a tester see, in a real UI, text that is longer than
// English, uses letters outside ASCII, or runs right to left, without
// waiting for translations. They are generated from English, never edited.

// PseudoTags are the pseudo-locales the project generates.
var PseudoTags = []language.Tag{language.MustParse("en-XA"), language.MustParse("ar-XB")}

var accents = map[rune]rune{
	'a': 'å', 'b': 'ƀ', 'c': 'ç', 'd': 'ð', 'e': 'é', 'f': 'ƒ', 'g': 'ĝ', 'h': 'ĥ', 'i': 'î', 'j': 'ĵ', 'k': 'ķ', 'l': 'ļ', 'm': 'ɱ',
	'n': 'ñ', 'o': 'ö', 'p': 'þ', 'q': 'ǫ', 'r': 'ŕ', 's': 'š', 't': 'ţ', 'u': 'û', 'v': 'ṽ', 'w': 'ŵ', 'x': 'ẋ', 'y': 'ý', 'z': 'ž',
	'A': 'Å', 'B': 'Ɓ', 'C': 'Ç', 'D': 'Ð', 'E': 'É', 'F': 'Ƒ', 'G': 'Ĝ', 'H': 'Ĥ', 'I': 'Î', 'J': 'Ĵ', 'K': 'Ķ', 'L': 'Ļ', 'M': 'Ṁ',
	'N': 'Ñ', 'O': 'Ö', 'P': 'Þ', 'Q': 'Ǫ', 'R': 'Ŕ', 'S': 'Š', 'T': 'Ţ', 'U': 'Û', 'V': 'Ṽ', 'W': 'Ŵ', 'X': 'Ẋ', 'Y': 'Ý', 'Z': 'Ž',
}

var padding = strings.Fields("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen")

// Bidi controls for ar-XB, as Android's pseudo-bidi uses them.
const (
	rlm = "\u200f" // right-to-left mark
	rlo = "\u202e" // right-to-left override
	pdf = "\u202c" // pop directional formatting
)

// Accented returns en-XA text: letters accented, about 40% longer with
// padding words, in brackets so that cut-off text shows.
func Accented(s, left, right string) string {
	parts, action := msgfile.Segments(s, left, right)
	var b strings.Builder
	b.WriteString("[")
	for i, p := range parts {
		if action[i] {
			b.WriteString(p)
			continue
		}
		for _, r := range p {
			if a, ok := accents[r]; ok {
				r = a
			}
			b.WriteRune(r)
		}
	}
	want := (utf8.RuneCountInString(s)*4 + 9) / 10
	for i, n := 0, 0; n < want; i++ {
		w := padding[i%len(padding)]
		b.WriteString(" " + w)
		n += len(w) + 1
	}
	b.WriteString("]")
	return b.String()
}

// Bidi returns ar-XB text: English words forced right to left, so the
// layout of a right-to-left language shows with readable text.
func Bidi(s, left, right string) string {
	parts, action := msgfile.Segments(s, left, right)
	var b strings.Builder
	b.WriteString(rlm)
	for i, p := range parts {
		if action[i] {
			b.WriteString(p)
			continue
		}
		word := false
		for _, r := range p {
			space := r == ' ' || r == '\t' || r == '\n'
			switch {
			case !space && !word:
				b.WriteString(rlm + rlo)
				word = true
			case space && word:
				b.WriteString(pdf + rlm)
				word = false
			}
			b.WriteRune(r)
		}
		if word {
			b.WriteString(pdf + rlm)
		}
	}
	return b.String()
}

// Pseudo returns the file for pseudo-locale tag (en-XA or ar-XB), generated
// from en, with each message's hash recorded so that check can tell when
// the file is out of date.
func Pseudo(en *msgfile.File, tag language.Tag) ([]byte, error) {
	var transform func(s, l, r string) string
	switch tag.String() {
	case "en-XA":
		transform = Accented
	case "ar-XB":
		transform = Bidi
	default:
		return nil, fmt.Errorf("no pseudo-locale %s; there are en-XA and ar-XB", tag)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Pseudo-locale %s, generated from en.toml by \"faceidmsg pseudo\". Do not edit:\n# a test fails when it is out of date with English.\n", tag)
	for _, m := range en.Messages {
		b.WriteString("\n" + msgfile.TableHeader(m.ID) + "\n")
		for _, kv := range [][2]string{
			{"leftdelim", m.LeftDelim}, {"rightdelim", m.RightDelim},
			{"hash", msgfile.Hash(m.Message)},
			{"other", transform(m.Other, m.LeftDelim, m.RightDelim)},
		} {
			if kv[1] == "" {
				continue
			}
			l, err := msgfile.KeyValue(kv[0], kv[1])
			if err != nil {
				return nil, err
			}
			b.WriteString(l + "\n")
		}
	}
	return []byte(b.String()), nil
}
