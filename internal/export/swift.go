package export

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// ---- Swift accessor (with the Apple export) ----

// swiftAccessor writes FaceIdMsg.swift: for an iOS app, the function from
// a (namespace, code) pair to the keys of its message and hint in the
// exported FaceIDMsg table and its decision data (category, retryable),
// with the library's key rule and shown-code rule, so that an app writes
// neither. It carries no text: the texts are the exported strings.
func swiftAccessor(src Source, out *output) error {
	var b strings.Builder
	fmt.Fprintf(&b, "// %s\n", header)
	fmt.Fprintf(&b, `// FaceIdMsg.lookup("saas", "1201") gives a code's keys in the %s table,
// its category and retry flag; entry.text() is its message, localised.

import Foundation

public enum FaceIdMsg {
    /// What the app does next; only .success means the verification passed.
    public enum Category: String {
        case `+categoryList(swiftCase, ", ")+`
    }

    /// A code's keys and decision data.
    public struct Entry: Equatable {
        /// The key of the message in the %[1]s table.
        public let key: String
        /// The key of its hint, or nil when it has none.
        public let hintKey: String?
        public let category: Category
        /// The app may offer "try again" in this verification.
        public let retryable: Bool
        /// For an unknown code the text shows (its %%@), the code; else "".
        public let code: String

        /// The message in the user's language, from the %[1]s table in bundle.
        public func text(bundle: Bundle = .main) -> String {
            let format = NSLocalizedString(key, tableName: "%[1]s", bundle: bundle, comment: "")
            return code.isEmpty ? format : String(format: format, code)
        }

        /// The hint in the user's language, or nil when there is none.
        public func hint(bundle: Bundle = .main) -> String? {
            guard let hintKey = hintKey else { return nil }
            return NSLocalizedString(hintKey, tableName: "%[1]s", bundle: bundle, comment: "")
        }
    }

    /// The namespaces, as the library names them.
    public static let namespaces = [`, AppleTable)
	b.WriteString(namespaceList(`"`))
	b.WriteString("]\n\n    private static let table: [String: (Category, Bool, Bool)] = [\n")
	for _, m := range src.Bundle.Localizer(language.English.String()).Messages() {
		fmt.Fprintf(&b, "        %q: (.%s, %t, %t),\n", m.Key(), camelCase(string(m.Category)), m.Retryable, m.Hint != "")
	}
	fmt.Fprintf(&b, `    ]

    /// The key of a code, as every export names it: the namespace, "_", and
    /// the code, each character other than an ASCII letter or digit
    /// replaced by "_".
    public static func keyOf(_ ns: String, _ code: String) -> String {
        var out = ""
        for c in (ns + "_" + code).unicodeScalars {
            out.unicodeScalars.append(isASCIIAlphanumeric(c) ? c : "_")
        }
        return out
    }

    private static func isASCIIAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }

    /// An unknown code is shown only when it is 1 to 64 of the service's
    /// own characters; anything else may not come from it.
    private static func showable(_ code: String) -> Bool {
        let scalars = code.unicodeScalars
        return (1...64).contains(scalars.count) && scalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// The keys and decision data of a code. A code the catalogue does not
    /// know gets the generic message: with the code in its text when it may
    /// be shown, else without it.
    public static func lookup(_ ns: String, _ code: String) -> Entry {
        let key = keyOf(ns, code)
        if let row = table[key] {
            return Entry(key: key, hintKey: row.2 ? key + "_hint" : nil, category: row.0, retryable: row.1, code: "")
        }
        if showable(code) {
            return Entry(key: %q, hintKey: %q, category: .unknown, retryable: false, code: code)
        }
        return Entry(key: %q, hintKey: %q, category: .unknown, retryable: false, code: "")
    }
}
`, UnknownKey, HintKey(UnknownKey), HiddenKey, HintKey(UnknownKey))
	return out.add("FaceIdMsg.swift", language.English, []byte(b.String()))
}

// swiftCase is a category as a Swift enum case, with the library's name
// as its raw value where the two differ: userAction = "user_action".
func swiftCase(category string) string {
	if c := camelCase(category); c != category {
		return fmt.Sprintf("%s = %q", c, category)
	}
	return category
}
