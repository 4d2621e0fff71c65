package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/internal/msgfile"
)

// Where the commands read locale files from. There is one answer per
// command run, and every command that reads files gets it from
// openSource, so that check, status, translate and export judge the same
// files the same way, and as the library serves them.

// modulePath is this module's path: ./locales is its locale folder only
// where go.mod says so.
const modulePath = "github.com/faceidmsg/faceidmsg"

// repoLocales is the module's locale folder, relative to its root.
const repoLocales = "locales"

type sourceKind int

const (
	// embeddedSource: the locales built into the binary.
	embeddedSource sourceKind = iota
	// repoSource: ./locales at the root of this module, the files
	// translators edit; shipped rules.
	repoSource
	// overrideSource: -locales DIR, an app's files layered over the
	// embedded locales; override rules.
	overrideSource
)

// source is the locale folder a command works on.
type source struct {
	kind sourceKind
	dir  string // the folder as the user names it; "" for the embedded locales
	fsys fs.FS  // the folder, confined to it (msgfile.OpenDir); nil when embedded
}

// openSource says which locale files command name reads. With -locales
// DIR, that folder; else ./locales when the command runs at the root of
// this module; else the embedded locales, unless needDir (the command
// writes files, or must not guess which files it should read), in which
// case it says what it needs.
func openSource(name, dir string, needDir bool) (*source, error) {
	if dir != "" {
		if st, err := os.Stat(dir); err != nil {
			return nil, usagef("-locales: %v", err)
		} else if !st.IsDir() {
			return nil, usagef("-locales: %s is not a directory", dir)
		}
		fsys, err := msgfile.OpenDir(dir)
		if err != nil {
			return nil, usagef("-locales: %v", err)
		}
		return &source{kind: overrideSource, dir: dir, fsys: fsys}, nil
	}
	if atModuleRoot() {
		fsys, err := msgfile.OpenDir(repoLocales)
		if err != nil {
			return nil, fmt.Errorf("the locale folder of %s: %w", modulePath, err)
		}
		return &source{kind: repoSource, dir: repoLocales, fsys: fsys}, nil
	}
	if needDir {
		return nil, usagef("%s needs -locales DIR, or to run at the root of %s (where go.mod names that module and ./locales holds its locale files)", name, modulePath)
	}
	return &source{kind: embeddedSource}, nil
}

// atModuleRoot reports whether the working directory is the root of this
// module: its go.mod names modulePath.
func atModuleRoot() bool {
	// Only its start: the directory may be anyone's.
	f, err := openRegular("go.mod")
	if err != nil {
		return false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		return false
	}
	return goModPath(data) == modulePath
}

// openRegular opens a file the user named, refusing anything but a
// regular file before opening it: a FIFO would block the open, a device
// would never end. The caller caps what it reads.
func openRegular(name string) (*os.File, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	return os.Open(name)
}

// goModPath returns the path of go.mod's module directive, or "" when
// there is none. It reads only that directive, as the go command writes
// it: "module PATH", the path bare or quoted, and an optional comment.
func goModPath(data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module")
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t' && rest[0] != '"' && rest[0] != '`') {
			continue
		}
		rest = strings.TrimSpace(rest)
		if rest != "" && (rest[0] == '"' || rest[0] == '`') {
			p, err := strconv.Unquote(rest)
			if err != nil {
				return ""
			}
			return p
		}
		if f := strings.Fields(rest); len(f) == 1 {
			return f[0]
		}
		return ""
	}
	return ""
}

// describe names the source in messages.
func (s *source) describe() string {
	switch s.kind {
	case embeddedSource:
		return "the locales embedded in faceidmsg (./locales is read only at the root of " + modulePath + "; give -locales DIR for an app's files)"
	case repoSource:
		return "./" + repoLocales
	}
	return s.dir
}

// loaded is a source's files, read and parsed.
type loaded struct {
	set      *msgfile.Set      // the folder's files; English layered in override mode
	findings []msgfile.Finding // the problems found reading them
	opt      msgfile.Options   // how check judges them
	shipped  *msgfile.Set      // in override mode, the embedded locales
}

// load reads the source's files.
func (s *source) load() (*loaded, error) {
	switch s.kind {
	case embeddedSource:
		set, findings := msgfile.LoadSet(faceidmsg.Locales(), ".", repoLocales, nil)
		return &loaded{set: set, findings: findings}, nil
	case repoSource:
		set, findings := msgfile.LoadSet(s.fsys, ".", repoLocales, nil)
		return &loaded{set: set, findings: findings}, nil
	}
	shipped, _ := msgfile.LoadSet(faceidmsg.Locales(), ".", repoLocales, nil)
	if shipped.English == nil {
		return nil, errors.New("the embedded English does not parse")
	}
	set, findings := msgfile.LoadSet(s.fsys, ".", s.dir, shipped.English)
	return &loaded{
		set: set, findings: findings, shipped: shipped,
		opt: msgfile.Options{Override: true, Shipped: shipped},
	}, nil
}

// served is the set as the library serves it (msgfile.Served).
func (l *loaded) served() *msgfile.Set { return msgfile.Served(l.set, l.shipped) }

// bundle is the library's bundle over the same files: the embedded
// locales, with the folder layered over them, read through the same
// confined fs.FS. Errors name files by their path, as check does.
func (s *source) bundle() (*faceidmsg.Bundle, error) {
	if s.kind == embeddedSource {
		return faceidmsg.New()
	}
	b, err := faceidmsg.New(faceidmsg.WithLocales(s.fsys))
	var le *faceidmsg.LocaleError
	if errors.As(err, &le) {
		le.File = filepath.Join(s.dir, le.File)
	}
	return b, err
}

// writable reads the source a command writes into, and refuses it when
// any file has an error: the commands that write must not build on a
// broken file.
func (s *source) writable() (*loaded, error) {
	l, err := s.load()
	if err != nil {
		return nil, err
	}
	if msgfile.HasError(l.findings) {
		var msg string
		for _, f := range l.findings {
			if f.Severity == msgfile.Error {
				msg += "\n\t" + f.String()
			}
		}
		return nil, fmt.Errorf("locale files in %s have errors; fix them first:%s", s.describe(), msg)
	}
	return l, nil
}

// openLocked opens the locale folder a command rewrites (merge, import,
// pseudo), takes its lock (see lockDir) and loads it. The caller releases
// the lock with unlock once it has written.
func openLocked(name, dir string) (src *source, l *loaded, unlock func(), err error) {
	src, err = openSource(name, dir, true)
	if err != nil {
		return nil, nil, nil, err
	}
	unlock, err = lockDir(src.dir)
	if err != nil {
		return nil, nil, nil, err
	}
	l, err = src.writable()
	if err != nil {
		unlock()
		return nil, nil, nil, err
	}
	return src, l, unlock, nil
}
