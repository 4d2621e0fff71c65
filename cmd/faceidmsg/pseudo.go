package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/faceidmsg/faceidmsg/internal/translation"
)

// pseudo: the pseudo-locales, generated from English.

func pseudo(args []string, stdout io.Writer) error {
	var o options
	fs := o.flags("pseudo", false)
	if err := o.parseNoArgs(fs, args); err != nil {
		return err
	}
	src, l, unlock, err := openLocked("pseudo", o.locales)
	if err != nil {
		return err
	}
	defer unlock()
	for _, tag := range translation.PseudoTags {
		data, err := translation.Pseudo(l.set.English, tag)
		if err != nil {
			return err
		}
		path := filepath.Join(src.dir, tag.String()+".toml")
		if err := writeFile(path, data); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", path)
	}
	return nil
}
