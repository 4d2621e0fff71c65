package faceidmsg

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files from the code")

// TestCodesDoc keeps CODES.md, the code table people read, equal to what
// the catalogue and the English locale say. Refresh it with
// go test -run TestCodesDoc -update.
func TestCodesDoc(t *testing.T) {
	got := codesDoc(t)
	if *update {
		if err := os.WriteFile("CODES.md", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile("CODES.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("CODES.md is out of date with the catalogue; run go test -run TestCodesDoc -update")
	}
}

// TestReadmeCodeCount keeps the README's count of codes the catalogue's.
func TestReadmeCodeCount(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf("lists all %d codes", len(catalog)), fmt.Sprintf("every code the service returns (%d of them)", len(catalog))} {
		if !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README.md lacks %q", want)
		}
	}
}

func codesDoc(t *testing.T) []byte {
	b := newBundle(t)
	loc := b.Localizer("en")
	var w bytes.Buffer
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	fmt.Fprint(&w, `# Codes

Every code the catalogue knows, with its English message and hint. This file is generated from
`+"`catalog.go`"+` and `+"`locales/en.toml`"+` by `+"`go test -run TestCodesDoc -update`"+`; do not edit it by hand.
`+"`faceidmsg list`"+` prints the same table in any language.

Categories:

| Category | Meaning | Retry in the same session |
| --- | --- | --- |
| `+"`success`"+` | the verification passed: a result API's success code | no |
| `+"`pending`"+` | a native SDK finished the capture; the result is on the server. Fetch it (GetFaceIdResultIntl, GetSdkVerificationResult) and act on that: a client callback code is never the verification's result | no |
| `+"`user_action`"+` | the person can fix the capture (light, distance, face, voice, video length) or a detail | yes |
| `+"`rejected`"+` | the check ran and did not pass | mostly yes: the service caps attempts |
| `+"`temporary`"+` | a service, network or storage problem | yes, after a while |
| `+"`ended`"+` | the session is over; a new one is needed | no |
| `+"`integration`"+` | the app's request, account or setup could not be used; the person cannot fix it | no |
| `+"`unknown`"+` | a code the catalogue does not know | no |

Look a code up in its namespace: `+"`faceidmsg lookup appsdk:-999`"+`, `+"`selfie-android:212`"+`. The same number means
different things in different namespaces.

The service's fifth PaaS row is labelled `+"`FailedOperation.LifePhotoDetectFaces`"+` but describes "no full face";
it is listed here under its real name, `+"`FailedOperation.LifePhotoDetectNoFaces`"+`.

`)
	titles := map[Namespace]string{
		PaaS:          "PaaS (string codes: the compare APIs' Result and every API's Response.Error.Code)",
		SaaS:          "SaaS (numeric results of the H5 flow)",
		AppSDK:        "App SDK (GetFaceIdResultIntl.Result, GetSdkVerificationResult)",
		EKYCAndroid:   "eKYC SDK, Android (callback codes)",
		EKYCiOS:       "eKYC SDK, iOS (callback codes)",
		SelfieAndroid: "Selfie Verification SDK, Android (callback codes)",
		SelfieiOS:     "Selfie Verification SDK, iOS (callback codes)",
	}
	for _, ns := range Namespaces() {
		title := titles[ns]
		if title == "" {
			t.Fatalf("no CODES.md title for namespace %s", ns)
		}
		fmt.Fprintf(&w, "## %s\n\n", title)
		fmt.Fprintln(&w, "| Code | Message ID | Category | Retry | Text | Hint | Service's description |")
		fmt.Fprintln(&w, "| --- | --- | --- | --- | --- | --- | --- |")
		for _, m := range loc.Messages() {
			if m.Namespace != ns {
				continue
			}
			fmt.Fprintf(&w, "| `%s` | %s | %s | %s | %s | %s | %s |\n", m.Code, m.MessageID, m.Category,
				map[bool]string{true: "yes", false: "no"}[m.Retryable], cell(m.Text), cell(m.Hint), cell(m.Description))
		}
		fmt.Fprintln(&w)
	}
	fmt.Fprint(&w, "## Why, where a code could go two ways\n\n")
	for _, e := range catalog {
		if e.note != "" {
			fmt.Fprintf(&w, "- `%s %s` (%s): %s\n", e.ns, e.code, e.cat, e.note)
		}
	}
	return w.Bytes()
}

// TestCatalogCoversExtended holds the catalogue to the service's extended
// code list (testdata/extended-codes.csv, from the reference): every code
// with an end-user meaning is a row of its namespace, with the service's
// English, and every support detail is a Detail.
func TestCatalogCoversExtended(t *testing.T) {
	f, err := os.Open("testdata/extended-codes.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]codeEntry{}
	for _, e := range catalog {
		rows[string(e.ns)+" "+e.code] = e
	}
	namespaces := map[string]Namespace{
		"saas": SaaS, "appsdk": AppSDK, "api": PaaS, "api_common": PaaS,
		"client_ekyc_android": EKYCAndroid, "client_ekyc_ios": EKYCiOS,
		"client_selfie_android": SelfieAndroid, "client_selfie_ios": SelfieiOS,
	}
	kinds := map[string]DetailKind{
		"livetag_h5": DetailH5LivenessTag, "livetag_sdk": DetailSDKLivenessTag, "ocrwarn": DetailOCRWarning,
		"devicerisk": DetailDeviceRisk, "attackrisk": DetailAttackRisk,
	}
	n := 0
	for _, r := range recs[1:] {
		group, code, en := r[0], r[1], r[3]
		if ns, ok := namespaces[group]; ok {
			n++
			e, ok := rows[string(ns)+" "+code]
			if !ok {
				t.Errorf("%s %s (%s) is not in the catalogue as %s", group, code, en, ns)
				continue
			}
			// Seed rows keep the seed's wording; the others carry the list's.
			if i := slices.IndexFunc(catalog, func(c codeEntry) bool { return c.ns == ns && c.code == code }); i >= 59 && en != "" && e.desc != en {
				t.Errorf("%s %s: description %q; the list says %q", ns, code, e.desc, en)
			}
			continue
		}
		kind, ok := kinds[group]
		if !ok {
			t.Errorf("unknown group %q in the list", group)
			continue
		}
		if got, ok := Detail(kind, code); !ok || got != en {
			t.Errorf("Detail(%s, %q) = %q, %t; want %q", kind, code, got, ok, en)
		}
	}
	if n < 180 {
		t.Errorf("only %d codes read from the list; want the whole list", n)
	}
}
