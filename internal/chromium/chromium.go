// Package chromium finds the Chromium that the browser tests drive: they
// skip without it on a developer's machine and fail without it in CI,
// where .ci/run installs Debian's chromium.
package chromium

import (
	"os"
	"os/exec"
	"testing"
)

// Path returns Chromium's path. Without one it skips t, unless CI is set:
// there it fails t.
func Path(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed; CI must install Debian's chromium (see .ci/run)")
	}
	t.Skip("Chromium is not installed; install Debian's chromium to run the browser tests")
	return ""
}
