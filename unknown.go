package faceidmsg

import (
	"fmt"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// This file is the one message that is a template: the text for an
// unknown code, which places the code with {{.Code}}. It is split once per
// language around the code, so a lookup concatenates and never executes a
// template.

// splitUnknown reads the generic message, whose text places the code with
// {{.Code}}, and returns the text before and after the code. It parses the
// text with text/template, as go-i18n would, with the message's delimiters
// (trim markers such as {{- .Code -}} included), and takes the text around
// the one action, which must be .Code: no marker is substituted, so any
// text at all splits exactly.
func splitUnknown(m *i18n.Message) ([2]string, error) {
	left, right := m.LeftDelim, m.RightDelim
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	t, err := template.New(m.ID).Delims(left, right).Parse(m.Other)
	if err != nil {
		return [2]string{}, err
	}
	var out [2]strings.Builder
	actions := 0
	for _, n := range t.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			out[actions].Write(n.Text)
		case *parse.ActionNode:
			if actions++; actions > 1 || !isCodeField(n) {
				return [2]string{}, fmt.Errorf("%w: the text must place the code once, as %s.Code%s", ErrPlaceholders, left, right)
			}
		default:
			return [2]string{}, fmt.Errorf("%w: the text must place the code once, as %s.Code%s", ErrPlaceholders, left, right)
		}
	}
	if actions != 1 {
		return [2]string{}, fmt.Errorf("%w: the text must place the code once, as %s.Code%s", ErrPlaceholders, left, right)
	}
	return [2]string{out[0].String(), out[1].String()}, nil
}

// isCodeField reports whether an action is {{.Code}} and nothing else.
func isCodeField(n *parse.ActionNode) bool {
	if n.Pipe == nil || len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) != 1 || len(n.Pipe.Cmds[0].Args) != 1 {
		return false
	}
	f, ok := n.Pipe.Cmds[0].Args[0].(*parse.FieldNode)
	return ok && len(f.Ident) == 1 && f.Ident[0] == "Code"
}
