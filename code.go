package faceidmsg

import (
	"strings"
	"unicode/utf8"
)

// This file is about codes as they arrive: which namespace a raw code is
// in, how SaaS numbers are read, the key a code has in exported files, and
// which codes may be shown to the person.

// Namespace says which family of results a code belongs to. The same number
// can mean different things in different families, so a code is always
// looked up in its namespace.
type Namespace string

const (
	// PaaS codes are the string results of the compare APIs, such as
	// "FailedOperation.CompareLowSimilarity", found in Response.Result.
	PaaS Namespace = "paas"
	// SaaS codes are the numeric results of the hosted H5 verification flow,
	// such as 1201, found in Response.ErrorCode.
	SaaS Namespace = "saas"
	// AppSDK codes are the results of the Selfie Verification and eKYC App
	// SDKs as the server reads them (GetFaceIdResultIntl.Result,
	// GetSdkVerificationResult): numbers written as strings, "-999"
	// included. The same number can mean something else in SaaS: App SDK
	// 1201 is "too dark or too bright".
	AppSDK Namespace = "appsdk"
	// The native SDKs' callback codes, which an app receives on the phone
	// and may send to its server. Their numbers clash across SDKs and
	// platforms (212 is "cancelled" on Android and a configuration error
	// on iOS), so each has its own namespace.
	EKYCAndroid   Namespace = "ekyc-android"   // eKYC SDK, Android: 12000-12009
	EKYCiOS       Namespace = "ekyc-ios"       // eKYC SDK, iOS: 0, -1, -2, -4, 310-322
	SelfieAndroid Namespace = "selfie-android" // Selfie Verification SDK, Android: 210-224
	SelfieiOS     Namespace = "selfie-ios"     // Selfie Verification SDK, iOS: 0, 210-221
)

// Namespaces lists every namespace, in the catalogue's order.
func Namespaces() []Namespace {
	return []Namespace{PaaS, SaaS, AppSDK, EKYCAndroid, EKYCiOS, SelfieAndroid, SelfieiOS}
}

// maxCodeLen is the longest code shown to the person, and the most of an
// unknown code that is kept for logs.
const maxCodeLen = 64

// maxIndexedNumber bounds the SaaS codes indexed by number.
const maxIndexedNumber = 9999

// ParseCode splits a raw code into its namespace and code, as LookupCode
// reads it: a "ns:" prefix naming a namespace ("appsdk:-999",
// "selfie-android:212"; any case) names it outright, a number as the
// service writes numbers is SaaS, anything else PaaS.
func ParseCode(raw string) (Namespace, string) {
	s := strings.TrimSpace(raw)
	if p, rest, ok := strings.Cut(s, ":"); ok {
		for _, ns := range Namespaces() {
			if strings.EqualFold(p, string(ns)) {
				return ns, strings.TrimSpace(rest)
			}
		}
	}
	if _, ok := saasNumber(s); ok {
		return SaaS, s
	}
	return PaaS, s
}

// saasNumber reads a SaaS code written as the service writes numbers:
// decimal digits, an optional leading minus, no leading zeros, no "+", not
// "-0". Anything else is not a SaaS number, so that "000" or "-0" can
// never be read as 0, success.
func saasNumber(s string) (int, bool) {
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || len(digits) > 9 || (digits[0] == '0' && len(digits) > 1) || (digits == "0" && len(s) > 1) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if len(s) > len(digits) {
		n = -n
	}
	return n, true
}

// Key is the name a code's string has in every exported format (Android,
// Apple, i18next, ARB, flat JSON): the namespace, an underscore, and the
// code, with every character other than an ASCII letter or digit replaced
// by one underscore ("selfie-android", 212 gives "selfie_android_212"). "saas", 1201 gives "saas_1201";
// "paas", "FailedOperation.CompareFail" gives
// "paas_FailedOperation_CompareFail". The hint's key adds "_hint". An app
// that receives a code can build its key without a table.
func Key(ns Namespace, code string) string {
	var b strings.Builder
	b.Grow(len(ns) + 1 + len(code))
	for _, c := range string(ns) + "_" + code {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// showable reports whether an unknown code may be shown to the person: 1 to
// maxCodeLen characters of the service's own alphabet, ASCII letters and
// digits, '.', '_' and '-'. Anything else may not come from the service
// (a redirect URL or a webview message can carry any text), so it is not
// put in front of the person at all: no character is dropped to make it
// showable, since "12\u200b01" would then read as the real code 1201.
func showable(code string) bool {
	if code == "" || len(code) > maxCodeLen {
		return false
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// logCode is an unknown code as Message.Code and the error carry it: a
// showable code as it is; any other written in printable ASCII, each other
// character (and '"' and '\\') as a Go escape ("12\u200b01"), so that a log
// line shows exactly what arrived and cannot be read as another code. The
// result is at most maxCodeLen bytes: a code that does not fit is cut at a
// character and ends in "...".
func logCode(code string) string {
	if showable(code) {
		return code
	}
	var b strings.Builder
	var ends [maxCodeLen + 1]int // ends[k]: length of b after k characters
	k := 0
	for i := 0; i < len(code); {
		r, size := utf8.DecodeRuneInString(code[i:])
		n := b.Len()
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteByte(hexDigits[code[i]>>4])
			b.WriteByte(hexDigits[code[i]&0xf])
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r <= 0xffff:
			b.WriteString(`\u`)
			for s := 12; s >= 0; s -= 4 {
				b.WriteByte(hexDigits[r>>s&0xf])
			}
		default:
			b.WriteString(`\U`)
			for s := 28; s >= 0; s -= 4 {
				b.WriteByte(hexDigits[r>>s&0xf])
			}
		}
		if b.Len() > maxCodeLen {
			// Cut back to whole characters that leave room for "...".
			for n > maxCodeLen-3 {
				k--
				n = ends[k]
			}
			return b.String()[:n] + "..."
		}
		k++
		ends[k] = b.Len()
		i += size
	}
	return b.String()
}

const hexDigits = "0123456789abcdef"
