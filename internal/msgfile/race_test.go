//go:build race

package msgfile

func init() { testScale = 16 }
