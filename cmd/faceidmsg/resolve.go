package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/faceidmsg/faceidmsg"
)

// resolve reads one service response body from FILE or standard input and
// prints its message and hint, then the cause's. It exits 0 only for a
// success code, 3 for a known code that is not success, and 1 when it
// could read no known code (no code, an unknown code, an API it does not
// read, a malformed or too large body).
func resolve(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o options
	rest, err := o.parse(o.flags("resolve", true), args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return usagef("resolve takes one response body: a FILE, or - (or nothing) for standard input")
	}
	in := stdin
	name := "standard input"
	if len(rest) == 1 && rest[0] != "-" {
		name = rest[0]
		f, err := openRegular(name) // ReadResponse caps what it reads
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		defer f.Close()
		in = f
	}
	b, err := o.bundle()
	if err != nil {
		return err
	}
	loc := b.Localizer(o.lang)
	var res faceidmsg.Resolution
	body, rerr := faceidmsg.ReadResponse(in)
	if rerr != nil && !errors.Is(rerr, faceidmsg.ErrResponseTooLarge) {
		return fmt.Errorf("%s: %w", name, rerr)
	}
	if rerr != nil {
		res.Message = loc.Generic() // no body to read
	} else {
		res, rerr = loc.Response(body)
	}
	if o.json {
		if err := json.NewEncoder(stdout).Encode(res.ForSupport()); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(stdout, res.Message.Text)
		if res.Message.Hint != "" {
			fmt.Fprintln(stdout, res.Message.Hint)
		}
		if res.Cause != nil {
			fmt.Fprintln(stdout, res.Cause.Text)
			if res.Cause.Hint != "" {
				fmt.Fprintln(stdout, res.Cause.Hint)
			}
		}
	}
	switch {
	case rerr != nil:
		fmt.Fprintf(stderr, "faceidmsg: %s: %s\n", name, strings.TrimPrefix(rerr.Error(), "faceidmsg: "))
		return errReported
	case res.Message.Category != faceidmsg.CategorySuccess:
		return errNotPassed
	}
	return nil
}
