package msgfile

import (
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// This file reads a text's template actions: the one reader that
// placeholders, checks, the pseudo-locales and the exports build on.

// Segments splits s into literal text and template actions, the one
// reader of actions that every other function here builds on. An action
// runs from left to the first right after it that is not inside a quoted
// string, raw string, character constant or comment of the action (as
// text/template reads it); empty delimiters mean "{{" and "}}". A left
// delimiter with no right one after it is literal text, as the rest of s.
func Segments(s, left, right string) (parts []string, isAction []bool) {
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	for s != "" {
		i := strings.Index(s, left)
		if i < 0 {
			break
		}
		j := actionEnd(s[i+len(left):], right)
		if j < 0 {
			break
		}
		if i > 0 {
			parts, isAction = append(parts, s[:i]), append(isAction, false)
		}
		end := i + len(left) + j + len(right)
		parts, isAction = append(parts, s[i:end]), append(isAction, true)
		s = s[end:]
	}
	if s != "" {
		parts, isAction = append(parts, s), append(isAction, false)
	}
	return parts, isAction
}

// actionEnd returns the offset in s (the text after a left delimiter) of
// the right delimiter that ends the action, or -1.
func actionEnd(s, right string) int {
	// A comment: {{/* ... */}}, with an optional trim marker before it.
	if t := strings.TrimPrefix(s, "- "); strings.HasPrefix(t, "/*") {
		if k := strings.Index(t[2:], "*/"); k >= 0 {
			skip := len(s) - len(t) + 2 + k + 2
			if j := strings.Index(s[skip:], right); j >= 0 {
				return skip + j
			}
		}
		return -1
	}
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], right) {
			return i
		}
		switch q := s[i]; q {
		case '"', '\'', '`':
			k := i + 1
			for k < len(s) && s[k] != q {
				if s[k] == '\\' && q != '`' {
					k++
				}
				k++
			}
			if k >= len(s) {
				return -1
			}
			i = k
		}
	}
	return -1
}

// MessageSegments splits m's "other" text into literal text and template
// actions, with m's own delimiters; see Segments.
func MessageSegments(m *i18n.Message) (parts []string, isAction []bool) {
	return Segments(m.Other, m.LeftDelim, m.RightDelim)
}

// HasActions reports whether m's "other" text holds template actions (as
// Segments reads them, with m's delimiters); a text without them is its
// own rendering.
func HasActions(m *i18n.Message) bool {
	_, isAction := MessageSegments(m)
	return slices.Contains(isAction, true)
}
