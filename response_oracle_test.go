package faceidmsg

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// This file is an oracle for Response, written from the rules in its
// documentation and not from its code: it reads a body into a plain tree
// and applies the rules in the order the documentation states them. The
// differential tests compare the two on generated bodies and on the fuzz
// corpus; the property tests check the promise "never success unless the
// service said so" over the whole catalogue.

// node is a JSON value: nil, bool, string, num (a number as written),
// []node, or obj.
type node any

type num string

type member struct {
	name string
	val  node
}

// obj is an object with its members in order, repeats included.
type obj []member

// get returns the value of name and how many times it appears.
func (o obj) get(name string) (node, int) {
	var v node
	n := 0
	for _, m := range o {
		if m.name == name {
			v, n = m.val, n+1
		}
	}
	return v, n
}

func (o obj) has(name string) bool { _, n := o.get(name); return n > 0 }

// parseTree reads a whole body as strict JSON: one value, valid UTF-8.
func parseTree(body []byte) (node, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(body), jsontext.AllowDuplicateNames(true))
	v, err := readNode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

func readNode(dec *jsontext.Decoder) (node, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case 'n':
		return nil, nil
	case 't', 'f':
		return tok.Bool(), nil
	case '"':
		return tok.String(), nil
	case '0':
		return num(tok.String()), nil
	case '[':
		a := []node{}
		for dec.PeekKind() != ']' {
			v, err := readNode(dec)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := dec.ReadToken()
		return a, err
	case '{':
		o := obj{}
		for dec.PeekKind() != '}' {
			k, err := dec.ReadToken()
			if err != nil {
				return nil, err
			}
			name := k.String()
			v, err := readNode(dec)
			if err != nil {
				return nil, err
			}
			o = append(o, member{name, v})
		}
		_, err := dec.ReadToken()
		return o, err
	}
	return nil, fmt.Errorf("token %v", tok)
}

// encodeTree writes a tree back as JSON.
func encodeTree(v node) []byte {
	var b bytes.Buffer
	var enc func(node)
	enc = func(v node) {
		switch v := v.(type) {
		case nil:
			b.WriteString("null")
		case bool:
			b.WriteString(strconv.FormatBool(v))
		case string:
			q, _ := jsontext.AppendQuote(nil, v)
			b.Write(q)
		case num:
			b.WriteString(string(v))
		case []node:
			b.WriteByte('[')
			for i, e := range v {
				if i > 0 {
					b.WriteByte(',')
				}
				enc(e)
			}
			b.WriteByte(']')
		case obj:
			b.WriteByte('{')
			for i, m := range v {
				if i > 0 {
					b.WriteByte(',')
				}
				enc(m.name)
				b.WriteByte(':')
				enc(m.val)
			}
			b.WriteByte('}')
		}
	}
	enc(v)
	return b.Bytes()
}

// verdict is what the oracle decides.
type verdict struct {
	err  error // nil, ErrNoCode, ErrUnsupportedShape or ErrMalformedResponse
	src  Source
	ns   Namespace
	code string
}

func (v verdict) String() string {
	if v.err != nil {
		return fmt.Sprintf("%v", v.err)
	}
	return fmt.Sprintf("%s %s:%s", v.src, v.ns, v.code)
}

// The names of the fields that Response documents, at each level.
var (
	oracleBody = []string{"Error", "Result", "ErrorCode", "RequestId", "ErrorMsg", "Description",
		"VerificationDetailList", "CompareResults", "CardVerifyResults", "OCRResult", "Warnings",
		"LivenessInfoTag", "DeviceInfoLevel", "Sim", "Similarity", "ChargeCount", "BestFrame", "Video",
		"ActionVideo", "Text", "AttackRiskLevel", "AttackRiskDetailList"}
	oracleLegacy     = []string{"code", "codeDesc", "message"}
	oracleAppSDKOnly = []string{"CompareResults", "CardVerifyResults", "LivenessInfoTag", "DeviceInfoLevel",
		"Similarity", "ChargeCount", "BestFrame", "Video", "ActionVideo"}
	oracleH5Attempt  = []string{"ErrorCode", "LivenessErrorCode", "CompareErrorCode"}
	oracleSDKAttempt = []string{"ErrorCode", "LiveErrorCode", "CompareErrorCode"}
	oracleH5Support  = []string{"LivenessInfoTag", "Similarity"}
	oracleSDKSupport = []string{"LivenessInfoTag", "Sim"}
)

var errOracleMalformed = errors.New("malformed")

// oracleCode reads a code field: a string, an integer that fits 64 bits,
// or null. ok is false for null and "".
func oracleCode(v node) (s string, isNum, ok bool, err error) {
	switch v := v.(type) {
	case nil:
		return "", false, false, nil
	case string:
		return v, false, v != "", nil
	case num:
		if strings.ContainsAny(string(v), ".eE") {
			return "", false, false, errOracleMalformed
		}
		if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
			return "", false, false, errOracleMalformed
		}
		return string(v), true, true, nil
	}
	return "", false, false, errOracleMalformed
}

// oracleStrict checks what a strict reader refuses: a repeated field name
// that Response reads, a code of another type, a list of attempts that is
// not a list of objects.
func oracleStrict(o obj, names []string) error {
	for _, n := range names {
		if _, c := o.get(n); c > 1 {
			return errOracleMalformed
		}
	}
	return nil
}

func oracleBodyStrict(b obj) error {
	if err := oracleStrict(b, oracleBody); err != nil {
		return err
	}
	for _, n := range []string{"Result", "ErrorCode"} {
		v, _ := b.get(n)
		if _, _, _, err := oracleCode(v); err != nil {
			return err
		}
	}
	if e, _ := b.get("Error"); e != nil {
		eo, isObj := e.(obj)
		if !isObj || oracleStrict(eo, []string{"Code", "Message"}) != nil {
			return errOracleMalformed
		}
		c, _ := eo.get("Code")
		if _, _, _, err := oracleCode(c); err != nil {
			return err
		}
	}
	for _, l := range []struct{ list, codes, support []string }{
		{[]string{"VerificationDetailList"}, oracleH5Attempt, oracleH5Support},
		{[]string{"CompareResults"}, oracleSDKAttempt, oracleSDKSupport},
	} {
		codes := l.codes
		v, _ := b.get(l.list[0])
		if v == nil {
			continue
		}
		a, isList := v.([]node)
		if !isList {
			return errOracleMalformed
		}
		for _, e := range a {
			if e == nil {
				continue
			}
			eo, isObj := e.(obj)
			if !isObj || oracleStrict(eo, append(append([]string{}, codes...), l.support...)) != nil {
				return errOracleMalformed
			}
			for _, c := range codes {
				v, _ := eo.get(c)
				if _, _, _, err := oracleCode(v); err != nil {
					return err
				}
			}
		}
	}
	for list, field := range map[string]string{"OCRResult": "WarnCardInfos", "CardVerifyResults": "WarnCardInfos", "AttackRiskDetailList": "Type"} {
		v, _ := b.get(list)
		a, _ := v.([]node)
		for _, e := range a {
			if eo, isObj := e.(obj); isObj && oracleStrict(eo, []string{field}) != nil {
				return errOracleMalformed
			}
		}
	}
	return nil
}

// oracle decides a body by the documented rules.
func oracle(body []byte) verdict {
	bad := verdict{err: ErrMalformedResponse}
	tree, err := parseTree(body)
	if err != nil {
		return bad
	}
	if tree == nil {
		return verdict{err: ErrNoCode}
	}
	top, isObj := tree.(obj)
	if !isObj {
		return bad
	}
	if oracleStrict(top, append(append([]string{"Response"}, oracleBody...), oracleLegacy...)) != nil || oracleBodyStrict(top) != nil {
		return bad
	}
	for _, n := range []string{"code", "codeDesc"} {
		v, _ := top.get(n)
		if _, _, _, err := oracleCode(v); err != nil {
			return bad
		}
	}
	b := top
	if top.has("Response") {
		w, _ := top.get("Response")
		wo, isObj := w.(obj)
		if w != nil && !isObj {
			return bad
		}
		if w != nil && oracleBodyStrict(wo) != nil {
			return bad
		}
		// Rule: nothing that Response reads stands beside the wrapper.
		for _, n := range append(append([]string{}, oracleBody...), oracleLegacy...) {
			if top.has(n) {
				return bad
			}
		}
		if w == nil {
			return verdict{err: ErrNoCode}
		}
		b = wo
	}
	// Rule: the legacy shape never mixes with API 3.0's deciding fields.
	legacy := top.has("code") || top.has("codeDesc")
	if legacy && (b.has("Error") || b.has("Result") || b.has("ErrorCode")) {
		return bad
	}
	// Rule: an Error object is a failed call; its Code is a non-empty
	// string, and never a success code.
	if e, _ := b.get("Error"); e != nil {
		c, _ := e.(obj).get("Code")
		s, isNum, ok, _ := oracleCode(c)
		if !ok || isNum || oracleIsSuccess(PaaS, s) {
			return bad
		}
		return verdict{nil, SourceAPIError, PaaS, s}
	}
	// Rule: a legacy code is an integer; 0 is a call without a result;
	// any other is a failed call named by codeDesc, never success.
	if legacy {
		c, _ := top.get("code")
		d, _ := top.get("codeDesc")
		s, _, ok, _ := oracleCode(c)
		if _, isString := c.(string); isString {
			return bad
		}
		if _, isNum, _, _ := oracleCode(d); isNum {
			return bad
		}
		if n, _ := strconv.ParseInt(s, 10, 64); !ok || n == 0 {
			return verdict{err: ErrNoCode}
		}
		if ds, _ := d.(string); ds != "" {
			s = ds
		}
		if oracleIsSuccess(PaaS, s) {
			return bad
		}
		return verdict{nil, SourceAPIError, PaaS, s}
	}
	rv, _ := b.get("Result")
	ev, _ := b.get("ErrorCode")
	if rv != nil && ev != nil {
		return bad
	}
	appSDK := false
	for _, n := range oracleAppSDKOnly {
		appSDK = appSDK || b.has(n)
	}
	if r, isNum, ok, _ := oracleCode(rv); ok {
		numeric := isNum || isServiceNumber(r)
		if numeric != appSDK {
			return verdict{err: ErrUnsupportedShape}
		}
		if numeric {
			return verdict{nil, SourceResult, AppSDK, r}
		}
		return verdict{nil, SourceResult, PaaS, r}
	}
	if e, _, ok, _ := oracleCode(ev); ok {
		return verdict{nil, SourceErrorCode, SaaS, e}
	}
	if b.has("Text") || b.has("AttackRiskLevel") || b.has("AttackRiskDetailList") {
		return verdict{err: ErrUnsupportedShape}
	}
	return verdict{err: ErrNoCode}
}

// isServiceNumber: an integer as the service writes it in a string: no
// sign but "-", no leading zero, not "-0".
func isServiceNumber(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || len(d) > 9 || d[0] == '0' && (len(d) > 1 || len(s) > 1) {
		return false
	}
	return strings.Trim(d, "0123456789") == ""
}

// oracleIsSuccess reads the catalogue's own rows.
func oracleIsSuccess(ns Namespace, code string) bool {
	for _, e := range catalog {
		if e.ns == ns && e.code == code {
			return e.cat == CategorySuccess
		}
	}
	return false
}

// libraryVerdict is Response's answer in the oracle's terms.
func libraryVerdict(loc *Localizer, body []byte) (verdict, Resolution) {
	res, err := loc.Response(body)
	v := verdict{src: res.Source}
	for _, e := range []error{ErrNoCode, ErrUnsupportedShape, ErrMalformedResponse} {
		if errors.Is(err, e) {
			v.err = e
		}
	}
	if res.Source != SourceNone {
		v.ns, v.code = res.Message.Namespace, res.Message.Code
	}
	return v, res
}

// checkAgainstOracle fails when Response and the oracle disagree, or when
// Response says success with an error or without the oracle's consent.
func checkAgainstOracle(t testing.TB, loc *Localizer, body []byte) {
	got, res := libraryVerdict(loc, body)
	want := oracle(body)
	if want.err == nil {
		want.code = logCode(want.code)
	}
	if got != want {
		t.Fatalf("Response(%q) = %v; the oracle says %v", body, got, want)
	}
	if res.Message.Category == CategorySuccess && (want.err != nil || !oracleIsSuccess(want.ns, want.code)) {
		t.Fatalf("Response(%q) = success; the oracle says %v", body, want)
	}
}

// TestResponseOracle compares Response with the oracle on bodies drawn
// from a grammar of the service's shapes, with the mixtures, repeats,
// case variants and types that a relay or a mock could produce.
func TestResponseOracle(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	n := 20000
	if testing.Short() {
		n = 2000
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range n {
		checkAgainstOracle(t, loc, genBody(r))
	}
}

// oracleCodes are code values that matter: every success code of the
// catalogue, failures, unknown codes, and values near them.
var oracleCodes = []string{`"Success"`, `"0"`, `0`, `-0`, `"-0"`, `"00"`, `"1201"`, `1201`, `16`, `"-999"`, `"2016"`,
	`"FailedOperation.CompareLowSimilarity"`, `"InternalError"`, `""`, `null`, `"success"`, `1.5`, `1e3`, `true`,
	`{}`, `[]`, `"\u0053uccess"`, `"x\u0000"`, `99999999999999999999`, `4000`, `"-1"`}

var oracleValues = []string{`null`, `""`, `"x"`, `3`, `true`, `{}`, `[]`, `[1,"01",null]`, `{"a":[{}]}`}

// genBody draws one body.
func genBody(r *rand.Rand) []byte {
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	name := func(n string) string {
		switch r.IntN(12) {
		case 0:
			return strings.ToLower(n)
		case 1:
			return strings.ToUpper(n[:1]) + n[1:] + "x"
		case 2:
			return `\u00` + strconv.FormatInt(int64(n[0]), 16) + n[1:]
		}
		return n
	}
	attempt := func(codes []string) string {
		var f []string
		for range r.IntN(4) {
			f = append(f, `"`+name(pick(append(codes, "LivenessInfoTag", "Similarity", "Sim")))+`":`+pick(append(oracleCodes, oracleValues...)))
		}
		return "{" + strings.Join(f, ",") + "}"
	}
	list := func(codes []string) string {
		if r.IntN(8) == 0 {
			return pick(oracleValues)
		}
		var a []string
		for range r.IntN(3) {
			if r.IntN(10) == 0 {
				a = append(a, pick(oracleValues))
			} else {
				a = append(a, attempt(codes))
			}
		}
		return "[" + strings.Join(a, ",") + "]"
	}
	body := func() string {
		var f []string
		for range 1 + r.IntN(4) {
			n := pick(oracleBody)
			var v string
			switch n {
			case "Result", "ErrorCode":
				v = pick(oracleCodes)
			case "Error":
				v = pick([]string{`{}`, `null`, `{"Code":` + pick(oracleCodes) + `}`, `{"Code":` + pick(oracleCodes) + `,"Message":"m"}`, `"x"`})
			case "VerificationDetailList":
				v = list(oracleH5Attempt)
			case "CompareResults":
				v = list(oracleSDKAttempt)
			case "OCRResult", "CardVerifyResults":
				v = pick([]string{`[{"WarnCardInfos":[9102]}]`, `[{"WarnCardInfos":1,"WarnCardInfos":2}]`, pick(oracleValues)})
			default:
				v = pick(oracleValues)
			}
			f = append(f, `"`+name(n)+`":`+v)
		}
		return "{" + strings.Join(f, ",") + "}"
	}
	var top []string
	switch r.IntN(4) {
	case 0, 1:
		top = append(top, `"`+name("Response")+`":`+pick([]string{body(), body(), `null`, `"x"`}))
	case 2:
		b := body()
		top = append(top, b[1:len(b)-1])
	}
	if r.IntN(4) == 0 {
		top = append(top, `"`+name(pick(oracleLegacy))+`":`+pick(oracleCodes))
		if r.IntN(2) == 0 {
			top = append(top, `"codeDesc":`+pick(oracleCodes))
		}
	}
	if r.IntN(10) == 0 && len(top) > 0 {
		top = append(top, top[r.IntN(len(top))]) // a repeat
	}
	s := "{" + strings.Join(top, ",") + "}"
	if r.IntN(50) == 0 {
		s = s[:r.IntN(len(s)+1)]
	}
	return []byte(s)
}

// TestResponseNeverFalseSuccess: every success code of every namespace,
// in every slot that cannot hold a success, in every locale, is never
// success and always an error.
func TestResponseNeverFalseSuccess(t *testing.T) {
	b := newBundle(t)
	var successes []codeEntry
	for _, e := range catalog {
		if e.cat == CategorySuccess {
			successes = append(successes, e)
		}
	}
	if len(successes) < 2 {
		t.Fatalf("the catalogue has %d success codes", len(successes))
	}
	// Each slot is a place where a success code cannot mean success;
	// numeric marks the slots that are so only for a numeric code (a
	// compare API's own Result "Success" is its success).
	slots := []struct {
		format  string
		numeric bool
	}{
		{`{"Response":{"Error":{"Code":%[1]q}}}`, false},                                            // a failed call
		{`{"Error":{"Code":%[1]q,"Message":"x"},"Result":%[1]q}`, false},                            // unwrapped, beside a Result
		{`{"code":%[1]q}`, false},                                                                   // legacy code as a string
		{`{"code":4000,"codeDesc":%[1]q}`, false},                                                   // legacy codeDesc
		{`{"Response":{"ErrorCode":1201},"code":%[1]q}`, false},                                     // legacy beside a wrapper
		{`{"Response":{"Result":%[1]q,"ErrorCode":1201}}`, false},                                   // Result contradicting ErrorCode
		{`{"Response":{"ErrorCode":%[1]q,"Result":"FailedOperation.CompareLowSimilarity"}}`, false}, // and the other way
		{`{"Response":{"Error":{},"ErrorCode":%[1]q}}`, false},                                      // an empty Error beside it
		{`{"Response":{"Error":{"Code":""},"Result":%[1]q}}`, false},                                // an Error without a code
		{`{"Response":{"Result":%[1]q},"RequestId":"r"}`, false},                                    // a field beside the wrapper
		{`{"Response":null,"Result":%[1]q}`, false},                                                 // beside a null wrapper
		{`{"Response":{"Text":{"ErrCode":%[1]q}}}`, false},                                          // a mainland result
		{`{"Response":{"Result":%[1]q,"Description":"成功","Range":"(0,3]"}}`, true},                  // another API's Result
		{`{"Response":{"Result":%[1]s,"Isp":"x"}}`, true},                                           // the same, as a number
		{`{"Response":{"Result":"%[1]s","Sim":100}}`, true},                                         // a compare API's shape
		{`{"code":%[1]s,"codeDesc":"Success"}`, true},                                               // legacy, as the SDK reads it
	}
	checked := 0
	for _, lang := range b.Languages() {
		tag := lang.Tag
		loc := b.LocalizerFor(tag)
		for _, e := range successes {
			_, numeric := saasNumber(e.code)
			for _, slot := range slots {
				if slot.numeric && !numeric {
					continue
				}
				body := fmt.Sprintf(slot.format, e.code)
				res, err := loc.Response([]byte(body))
				if res.Message.Category == CategorySuccess || err == nil {
					t.Errorf("%s: %s (%s:%s) = %s, err %v; want a failure", tag, body, e.ns, e.code, res.Message.Category, err)
				}
				if res.Cause != nil && res.Cause.Category == CategorySuccess {
					t.Errorf("%s: %s has a success cause", tag, body)
				}
				checked++
			}
		}
	}
	t.Logf("%d bodies in %d locales", checked, len(b.Languages()))
}

// TestResponseSupportFieldsNeverDecide: adding unknown fields, or giving
// any support field another type, never changes the decision of a real
// body.
func TestResponseSupportFieldsNeverDecide(t *testing.T) {
	loc := newBundle(t).Localizer("en")
	bodies := readResponseBodies(t)
	support := map[string]bool{"RequestId": true, "ErrorMsg": true, "Description": true, "Warnings": true,
		"DeviceInfoLevel": true, "LivenessInfoTag": true, "Sim": true, "Similarity": true, "OCRResult": true,
		"CardVerifyResults": true, "AttackRiskLevel": true, "Message": true, "message": true}
	unknown := []member{{"errorcode", num("0")}, {"result", "Success"}, {"RESPONSE", obj{{"ErrorCode", num("0")}}},
		{"Extra", obj{{"Result", "Success"}}}, {"Code", "Success"}, {"error", obj{}}, {"Resultx", "0"}}
	decision := func(body []byte) string {
		res, err := loc.Response(body)
		var cause string
		if res.Cause != nil {
			cause = string(res.Cause.Namespace) + ":" + res.Cause.Code
		}
		class := "nil"
		for _, e := range []error{ErrNoCode, ErrUnsupportedShape, ErrMalformedResponse, ErrUnknownCode} {
			if errors.Is(err, e) {
				class = e.Error()
			}
		}
		return fmt.Sprintf("%s %s:%s %s cause %s, %s", res.Source, res.Message.Namespace, res.Message.Code, res.Message.Category, cause, class)
	}
	checked := 0
	for name, body := range bodies {
		want := decision(body)
		tree, err := parseTree(body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Every object Response reads a body, error or attempt from,
		// by the place that holds it.
		var objects []*node
		var collect func(v *node)
		collect = func(v *node) {
			switch o := (*v).(type) {
			case obj:
				objects = append(objects, v)
				for i := range o {
					if o[i].name != "Text" && o[i].name != "ExtraInfo" {
						collect(&o[i].val)
					}
				}
			case []node:
				for i := range o {
					collect(&o[i])
				}
			}
		}
		collect(&tree)
		for _, p := range objects {
			o := (*p).(obj)
			for i := range o {
				m := &o[i]
				if !support[m.name] {
					continue
				}
				old := m.val
				for _, v := range oracleValues {
					m.val, _ = parseTree([]byte(v))
					if got := decision(encodeTree(tree)); got != want {
						t.Errorf("%s: %s as %s: %s; want %s", name, m.name, v, got, want)
					}
					checked++
				}
				m.val = old
			}
			for _, u := range unknown {
				if o.has(u.name) {
					continue
				}
				*p = append(o[:len(o):len(o)], u)
				if got := decision(encodeTree(tree)); got != want {
					t.Errorf("%s: with %s added: %s; want %s", name, u.name, got, want)
				}
				*p = o
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d variants checked", checked)
	}
}

// readResponseBodies returns the bodies under testdata/responses and the
// fuzz seeds' realistic bodies, by name.
func readResponseBodies(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	files, _ := filepath.Glob("testdata/responses/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = b
	}
	if len(out) == 0 {
		t.Fatal("no bodies under testdata/responses")
	}
	return out
}
