// The special files are made with syscall.Mkfifo, which is Unix-only.

//go:build unix

package faceidmsg

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// hostileFiles are locale files that would exhaust the TOML parser. The
// parser's limits are tested once, on every shape, in internal/msgfile;
// here one shape of each kind shows that New propagates the refusal with
// the file named, in bounded memory.
func hostileFiles() map[string]string {
	big := 1<<20 - 64
	return map[string]string{
		"nested inline tables": "x = " + strings.Repeat("{a=", 10000) + "1" + strings.Repeat("}", 10000) + "\n",
		"1 MiB of [":           strings.Repeat("[", big),
	}
}

// TestHostileLocaleFiles: the library refuses each hostile file, naming it,
// without exhausting memory. (Time is measured by the benchmarks, not
// here; this test bounds what each New allocates.)
func TestHostileLocaleFiles(t *testing.T) {
	for name, data := range hostileFiles() {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "th.toml"), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := New(WithLocaleDir(dir))
			runtime.ReadMemStats(&after)
			var le *LocaleError
			if !errors.As(err, &le) || le.File != filepath.Join(dir, "th.toml") {
				t.Fatalf("New() error = %v; want a *LocaleError naming th.toml", err)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 256<<20 {
				t.Errorf("New allocated %d MiB for a %d KiB file", got>>20, len(data)>>10)
			}
		})
	}
}

// TestSpecialLocaleFiles: only regular files inside the folder are read.
func TestSpecialLocaleFiles(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.toml")
	if err := os.WriteFile(outside, []byte("[LightTooDim]\nother = \"from outside the folder\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		make func(path string) error
	}{
		{"symlink out of the folder", func(p string) error { return os.Symlink(outside, p) }},
		{"symlink to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }},
		{"FIFO", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{"directory", func(p string) error { return os.Mkdir(p, 0o755) }},
		{"dangling symlink", func(p string) error { return os.Symlink(filepath.Join(filepath.Dir(p), "nowhere"), p) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := tt.make(filepath.Join(dir, "th.toml")); err != nil {
				t.Skipf("cannot make it here: %v", err)
			}
			b, err := New(WithLocaleDir(dir))
			if err == nil {
				m, _ := b.Localizer("th").LookupNumber(1201)
				t.Fatalf("New() loaded it; th 1201 = %q", m.Text)
			}
			if !strings.Contains(err.Error(), "th.toml") {
				t.Errorf("error %q does not name th.toml", err)
			}
		})
	}
	// A symbolic link inside the folder is an ordinary file.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "real.txt"), []byte("[LightTooDim]\nother = \"ok\"\n"), 0o644)
	if err := os.Symlink("real.txt", filepath.Join(dir, "th.toml")); err != nil {
		t.Skip(err)
	}
	b, err := New(WithLocaleDir(dir))
	if err != nil {
		t.Fatalf("a link inside the folder: %v", err)
	}
	if m, _ := b.Localizer("th").LookupNumber(1201); m.Text != "ok" {
		t.Errorf("th 1201 = %q; want the linked file's", m.Text)
	}
}
