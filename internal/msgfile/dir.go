package msgfile

import (
	"io/fs"
	"os"
	"path"
	"strings"
)

// OpenDir returns the files below dir as an fs.FS confined to dir: a name
// with "..", or a symbolic link that leads outside dir, fails to open
// instead of reaching the rest of the file system. It is how every
// locale folder given on the command line or to the library is read.
func OpenDir(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return root.FS(), nil
}

// IsWorkFile reports whether name is a translator's work file
// (translate.*.toml), which loaders skip so that one can sit beside the
// locale files.
func IsWorkFile(name string) bool {
	base := path.Base(name)
	return strings.HasPrefix(base, "translate.") && strings.HasSuffix(base, ".toml")
}
