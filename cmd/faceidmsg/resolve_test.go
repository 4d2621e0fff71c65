package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faceidmsg/faceidmsg"
)

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "body.json")
	h5 := `{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":2016,"LivenessErrorCode":0,"CompareErrorCode":2016}],"RequestId":"r-1"}}`
	if err := os.WriteFile(file, []byte(h5), 0o644); err != nil {
		t.Fatal(err)
	}
	m16, m2016 := library(t, "th", "16"), library(t, "th", "2016")
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   string // exact, or "" to skip
		stderrIn string
	}{
		// Under a final result the cause is a reason, without its hint.
		{"file, text", []string{"resolve", "-lang", "th", file}, "", 3, m16.Text + "\n" + m16.Hint + "\n" + m2016.Text + "\n", ""},
		{"stdin with -", []string{"resolve", "-lang", "th", "-"}, h5, 3, m16.Text + "\n" + m16.Hint + "\n" + m2016.Text + "\n", ""},
		{"success", []string{"resolve"}, `{"Response":{"Result":"Success"}}`, 0, "", ""},
		{"success", []string{"resolve"}, `{"Response":{"ErrorCode":0}}`, 0, "", ""},
		{"a failed verification", []string{"resolve"}, `{"Response":{"Result":"FailedOperation.CompareLowSimilarity"}}`, 3, "", ""},
		{"a failed call", []string{"resolve"}, `{"Response":{"Error":{"Code":"InternalError"}}}`, 3, "", ""},
		{"null is no code", []string{"resolve"}, `{"Response":{"ErrorCode":null}}`, 1, "", "no result code"},
		{"unknown code", []string{"resolve"}, `{"Response":{"ErrorCode":1999}}`, 1, "", "unknown code"},
		{"another API", []string{"resolve"}, `{"Response":{"Result":"0","Range":"(0,3]"}}`, 1, "", "not read"},
		{"a success code where only a failure can stand", []string{"resolve"}, `{"code":"Success"}`, 1, "", "malformed"},
		{"malformed", []string{"resolve"}, `{"Response":`, 1, "", "malformed"},
		{"too large", []string{"resolve"}, `{"x":"` + strings.Repeat("x", faceidmsg.MaxResponseSize) + `"}`, 1, "", "too large"},
		{"two files", []string{"resolve", file, file}, "", 2, "", "one response body"},
		{"a directory", []string{"resolve", dir}, "", 1, "", "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runIn(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.code || tt.stdout != "" && stdout.String() != tt.stdout || !strings.Contains(stderr.String(), tt.stderrIn) {
				t.Errorf("%q = %d, %q, %q; want %d, %q, stderr with %q", tt.args, code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderrIn)
			}
			if tt.code != 2 && tt.name != "a directory" && stdout.Len() == 0 {
				t.Errorf("no generic text on stdout")
			}
		})
	}
}

func TestResolveJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	body := `{"Response":{"Result":"-999","CompareResults":[{"ErrorCode":"1201","LiveErrorCode":"1201","CompareErrorCode":""}],"RequestId":"r-2"}}`
	if code := runIn([]string{"resolve", "-json"}, strings.NewReader(body), &stdout, &stderr); code != 3 {
		t.Fatalf("resolve -json = %d, %q", code, stderr.String())
	}
	var got map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	cause, _ := got["cause"].(map[string]any)
	if got["namespace"] != "appsdk" || got["code"] != "-999" || got["key"] != "appsdk__999" || got["request_id"] != "r-2" ||
		got["source"] != "result" || cause == nil || cause["code"] != "1201" || cause["namespace"] != "appsdk" {
		t.Errorf("resolve -json = %s", stdout.String())
	}
	// Support details are objects; a similarity is a number.
	stdout.Reset()
	body = `{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":1002,"LivenessInfoTag":["03"],"Similarity":41.5}]}}`
	runIn([]string{"resolve", "-json"}, strings.NewReader(body), &stdout, &stderr)
	for _, want := range []string{`"details":[{"kind":"h5-liveness-tag","value":"03","text":"Suspected rephotography attack"}]`, `"similarity":41.5`, `"source":"error_code"`} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("resolve -json = %s; want %s", stdout.String(), want)
		}
	}
	// No cause is null, not missing.
	stdout.Reset()
	runIn([]string{"resolve", "-json"}, strings.NewReader(`{"ErrorCode":0}`), &stdout, &stderr)
	for _, want := range []string{`"cause":null`, `"similarity":null`, `"details":[]`} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("resolve -json with no cause = %s; want %s", stdout.String(), want)
		}
	}
}

// TestListExtended: list -json lists every code of the catalogue, the
// extended ones included, each once.
func TestListExtended(t *testing.T) {
	code, out, _ := runCLI(t, "list", "-json")
	if code != 0 {
		t.Fatalf("list -json = %d", code)
	}
	b, _ := faceidmsg.New()
	want := len(b.Localizer("en").Messages())
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ Namespace, Code string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		seen[r.Namespace+" "+r.Code] = true
	}
	if len(seen) != want {
		t.Errorf("list -json has %d distinct codes; the catalogue %d", len(seen), want)
	}
	for _, c := range []string{"saas 1409", "paas InvalidParameterValue.BizTokenExpired", "appsdk -999", "selfie-android 212", "ekyc-ios 318"} {
		if !seen[c] {
			t.Errorf("list -json lacks %s", c)
		}
	}
}
