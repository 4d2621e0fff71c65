package export

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/faceidmsg/faceidmsg"
	"golang.org/x/text/language"
)

// comingLocales layers languages the project is about to ship, and tags
// that differ only in a variant, each with its own Success text, so that
// a folder rule that mixes two of them shows in the consumer.
func comingLocales() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, tag := range []string{"sr-Latn", "sr-Cyrl", "he", "nb", "de-1996", "qaa"} {
		fsys[tag+".toml"] = &fstest.MapFile{Data: []byte("[Success]\nother = \"OK " + tag + "\"\n")}
	}
	return fsys
}

var comingTags = []string{"sr-Latn", "sr-Cyrl", "he", "nb", "de", "de-1996", "qaa"}

// TestAndroidLocaleFolders: aapt2 takes every folder, and each
// configuration has its own locale's text (the audit's X6).
func TestAndroidLocaleFolders(t *testing.T) {
	aapt2 := need(t, "aapt2", "aapt")
	aapt := need(t, "aapt", "aapt")
	src := layered(t, comingLocales(), comingTags...)
	values := aaptValues(t, aapt2, aapt, write(t, mustExport(t, "android", src)))
	key := faceidmsg.Key(faceidmsg.PaaS, "Success")
	for config, tag := range map[string]string{
		"b+sr+Latn": "sr-Latn", "b+sr+Cyrl": "sr-Cyrl", "iw": "he", "he": "he", "nb": "nb",
		"de": "de", "b+de+1996": "de-1996", "qaa": "qaa",
	} {
		m, _ := src.Bundle.Localizer(tag).Lookup(faceidmsg.PaaS, "Success")
		if got := values[config][key]; got != m.Text {
			t.Errorf("aapt %s %s = %q; library (%s) %q", config, key, got, tag, m.Text)
		}
	}
}

func TestAppleLocaleFolders(t *testing.T) {
	need(t, "plget", "gnustep-base-runtime")
	src := layered(t, comingLocales(), comingTags...)
	dir := write(t, mustExport(t, "apple", src))
	key := faceidmsg.Key(faceidmsg.PaaS, "Success")
	for folder, tag := range map[string]string{"sr-Latn": "sr-Latn", "sr-Cyrl": "sr-Cyrl", "he": "he", "nb": "nb", "de-1996": "de-1996"} {
		m, _ := src.Bundle.Localizer(tag).Lookup(faceidmsg.PaaS, "Success")
		got, err := plget(filepath.Join(dir, folder+".lproj", "FaceIDMsg.strings"), key)
		if err != nil || got != m.Text {
			t.Errorf("plget %s.lproj %s = %q, %v; library %q", folder, key, got, err, m.Text)
		}
	}
}

func TestAndroidDirsVariants(t *testing.T) {
	for tag, want := range map[string]string{
		"de-1996": "values-b+de+1996", "ca-ES-valencia": "values-b+ca+ES+valencia", "sr-Latn": "values-b+sr+Latn",
		"sr-Latn-RS": "values-b+sr+Latn+RS", "he": "values-iw values-he", "he-IL": "values-iw-rIL", "nb": "values-nb",
	} {
		dirs, err := androidDirs(language.MustParse(tag))
		if got := strings.Join(dirs, " "); err != nil || got != want {
			t.Errorf("androidDirs(%s) = %s, %v; want %s", tag, got, err, want)
		}
	}
	for _, tag := range []string{"th-u-nu-thai", "sr-Latn-x-foo", "en-US-u-ca-buddhist"} {
		if dirs, err := androidDirs(language.MustParse(tag)); err == nil || !strings.Contains(err.Error(), tag) {
			t.Errorf("androidDirs(%s) = %v, %v; want an error naming it", tag, dirs, err)
		}
	}
}

// TestCollisions: two locales that would write one path are an error
// naming both, in every format that could.
func TestCollisions(t *testing.T) {
	out := &output{files: Files{}, owner: map[string]language.Tag{}}
	if err := out.add("a", language.Thai, nil); err != nil {
		t.Fatal(err)
	}
	if err := out.add("a", language.Thai, nil); err != nil {
		t.Errorf("the same locale writing a file again: %v", err)
	}
	if err := out.add("a", language.MustParse("th-u-nu-thai"), nil); err == nil || !strings.Contains(err.Error(), "th and th-u-nu-thai") {
		t.Errorf("a second locale writing a file: %v; want an error naming th and th-u-nu-thai", err)
	}
	// Tags that differ only by variant or extension never share a file.
	for _, format := range Formats() {
		files, err := Export(format, source(t, "th", "th-u-nu-thai", "de", "de-1996"))
		if err != nil {
			continue // refused, which is fine (android, arb)
		}
		for _, tag := range []string{"th-u-nu-thai", "de-1996"} {
			found := false
			for name := range files {
				found = found || strings.Contains(name, tag)
			}
			if !found {
				t.Errorf("%s: no file of its own for %s: %d files", format, tag, len(files))
			}
		}
	}
	for _, format := range []string{"android", "arb"} {
		if _, err := Export(format, source(t, "th", "th-u-nu-thai")); err == nil || !strings.Contains(err.Error(), "th-u-nu-thai") {
			t.Errorf("Export(%s, th-u-nu-thai) = %v; want an error naming it", format, err)
		}
	}
}

// TestARBTraditionalRegions: a Taiwanese or Hong Kong device (zh_TW,
// zh_HK, no script) finds Traditional Chinese, not faceidmsg_zh.arb's
// Simplified (the December review, B13).
func TestARBTraditionalRegions(t *testing.T) {
	src := source(t, "zh-Hans", "zh-Hant")
	files := mustExport(t, "arb", src)
	key := faceidmsg.Key(faceidmsg.SaaS, "1201")
	want, _ := src.Bundle.Localizer("zh-Hant").Lookup(faceidmsg.SaaS, "1201")
	for _, r := range []string{"TW", "HK", "MO"} {
		var obj map[string]any
		if err := json.Unmarshal(files["faceidmsg_zh_"+r+".arb"], &obj); err != nil {
			t.Fatalf("faceidmsg_zh_%s.arb: %v", r, err)
		}
		if obj["@@locale"] != "zh_"+r || obj[key] != want.Text {
			t.Errorf("faceidmsg_zh_%s.arb: %v, %s = %v; want %q", r, obj["@@locale"], key, obj[key], want.Text)
		}
	}
	// An exported zh-TW keeps its own file.
	files = mustExport(t, "arb", source(t, "zh-Hant", "zh-TW"))
	if !strings.Contains(string(files["faceidmsg_zh_TW.arb"]), `"@@locale": "zh_TW"`) {
		t.Error("faceidmsg_zh_TW.arb missing")
	}
}
