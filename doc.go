// Package faceidmsg turns the error codes of a face-verification (eKYC)
// service into clear, localized messages for the person holding the phone,
// with what an app needs to act on them: a hint, a category, and whether a
// retry makes sense.
//
// # Codes
//
// An app's server receives response bodies; [Localizer.Response] reads a
// whole body of the service's result APIs (the compare APIs, the H5 flow's
// GetWebVerificationResultIntl, the App SDKs' GetFaceIdResultIntl and
// GetSdkVerificationResult) or any API's failed call, decides by rules it
// states once which field holds the outcome ([Source]), and fails closed:
// never success unless the service said so, and [ErrUnsupportedShape] for
// another API's body. The codes live in namespaces ([Namespace]), because the
// same number means different things in different places: strings such
// as "FailedOperation.CompareLowSimilarity" or
// "InvalidParameterValue.BizTokenExpired", in the compare APIs' Result and
// in every API's Response.Error.Code ([PaaS]); numbers such as 1201 from
// the hosted H5 flow ([SaaS], in ErrorCode); numbers written as strings
// from the App SDKs ([AppSDK], "-999" included); and the native SDKs'
// callback codes, one namespace per SDK and platform ([EKYCAndroid],
// [EKYCiOS], [SelfieAndroid], [SelfieiOS]). The catalogue holds every code
// the service documents; run "faceidmsg list" or see CODES.md for the
// whole table. Support details beside a result (liveness tags, OCR
// warnings, device risk) are English text for logs ([SupportDetail],
// [Detail]), never for the person.
//
// One row of the service's English table is mislabelled: its fifth PaaS row
// says FailedOperation.LifePhotoDetectFaces but means "no full face was
// detected". The real code, as the service's Chinese table and SDKs name it,
// is FailedOperation.LifePhotoDetectNoFaces, and that is where the catalogue
// puts it; FailedOperation.LifePhotoDetectFaces means "several faces".
//
// Codes that mean the same thing to the person share one message, so a
// translator translates each meaning once. A code the catalogue does not
// know gets a generic localized text, with the error [ErrUnknownCode]; a
// lookup never returns an empty text. The text names the code only when
// the code is made of the service's own characters (ASCII letters, digits,
// '.', '_', '-'; at most 64 bytes): a code can reach an app through a
// channel anyone controls, and the screen the person trusts must not
// repeat what an attacker wrote.
//
// # Messages and locales
//
// Texts live in TOML files in go-i18n's format, one per language, named by
// BCP 47 tag (locales/en.toml, locales/zh-Hant.toml). English is the source.
// [New] loads the files embedded in the package; [WithLocales] and
// [WithLocaleDir] layer an app's own files over them, to change a message's
// wording or to add a language, complete or not.
//
// # Negotiation
//
// [Bundle.Localizer] takes language tags, lists of them, or raw
// Accept-Language headers, and picks one locale:
//
//   - Entries are read in order of q-value; equal q-values keep their order.
//     An entry with q=0 is a language range that is not acceptable (RFC
//     4647, RFC 9110): it excludes the locales whose tag it equals or
//     prefixes ("pt;q=0" excludes pt-BR), not the locale it would fall back
//     to ("pt-BR, pt-PT;q=0" selects pt-BR).
//   - A malformed entry (bad tag, a q-parameter not written "q=VALUE") is
//     skipped, not fatal: "xx-invalid;q=abc, th" selects Thai.
//   - Tags are read as clients write them: "zh_TW" and "en_US" as mobile
//     systems send them, "en_US.UTF-8" as POSIX does, the legacy "in" for
//     Indonesian, and the service's own Language values "zh-cn" and "zh-tc"
//     (Traditional Chinese). Macrolanguage members are canonicalized, so
//     Mandarin ("cmn-Hant-TW") is Chinese; extensions and private-use
//     subtags ("th-u-nu-thai") choose nothing and are ignored.
//   - Scripts and regions resolve as readers expect: zh-TW, zh-HK, zh-MO and
//     zh-Hant-* select zh-Hant; zh, zh-CN, zh-SG and zh-Hans-* select
//     zh-Hans; en-GB selects en. The matching is x/text's.
//   - A locale is chosen only for a reader of the same language. x/text
//     rates some pairs of different languages as close (Ukrainian and
//     Russian, Belarusian and Russian, Persian and Arabic): faceidmsg does not
//     serve those, and falls back to English instead.
//   - Pseudo-locales (en-XA, ar-XB) are chosen only by their exact tag.
//   - When nothing is acceptable, the answer is English.
//
// Work is bounded whatever the input: only the first 4096 bytes and 32
// entries are read (an entry cut by that limit is dropped, never read as a
// shorter tag, and each argument counts at least one byte), an entry longer
// than 64 bytes is skipped, text that cannot be a tag is dropped before
// x/text parses it, and a tag of a language no locale has is turned away
// before x/text's matcher runs. What each tag selects
// is remembered in a fixed-size cache (512 slots of at most 64 bytes each),
// so a typical header is negotiated without parsing or allocating, and no
// stream of distinct headers can grow the cache.
//
// # Fallback
//
// Fallback is per message. When the chosen locale lacks a message, the text
// comes from the locale's parent (zh-Hant for zh-Hant-HK), if loaded, else
// from the closest locale of the same language (pt-BR for a partial pt-PT),
// and then from English. [Message.Lang] always says which language the text is
// in, so a server can set Content-Language, and [Message.Fallback] says
// whether the text or the hint came from another language.
//
// # Cost
//
// Each language is parsed the first time it, or a language falling back to
// it, is used, and each Localizer resolves all its messages then; from that
// point a lookup reads precomputed values and does not allocate. An unknown
// code costs a string concatenation. BENCHMARKS.md has the numbers.
//
// # Concurrency
//
// A Bundle and its Localizers are immutable and safe for concurrent use,
// first uses included. Build one Bundle when the program starts and share
// it.
package faceidmsg
