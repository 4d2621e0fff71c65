//go:build unix

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive advisory lock on dir, waiting for any other
// faceidmsg command that holds it, and returns the function that
// releases it. Commands that rewrite locale files (merge, import, pseudo)
// hold it from reading the files to writing them, so two of them for one
// language cannot both start from the old file and lose one's work.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil // closing releases the lock
}
