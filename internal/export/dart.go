package export

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// ---- Dart accessor (with the Flutter ARB export) ----

// dartAccessor writes faceidmsg.dart: for a Flutter app, the function from
// a (namespace, code) pair to the ARB keys of its message and hint (the
// names of gen-l10n's getters) and its decision data (category,
// retryable), with the library's key rule and shown-code rule, so that an
// app writes neither. It carries no text: the texts are the ARB files.
func dartAccessor(src Source, out *output) error {
	var b strings.Builder
	fmt.Fprintf(&b, "// %s\n", header)
	b.WriteString(`// lookup('saas', '1201') gives a code's ARB keys (gen-l10n's getter names),
// its category and retry flag.

/// What the app does next; only [Category.success] means the verification passed.
enum Category { ` + categoryList(camelCase, ", ") + ` }

/// A code's keys and decision data.
class Entry {
  /// The ARB key of the message.
  final String key;

  /// The ARB key of its hint, or null when it has none.
  final String? hintKey;
  final Category category;

  /// The app may offer "try again" in this verification.
  final bool retryable;

  /// For an unknown code the text shows (its {code}), the code; else ''.
  final String code;

  const Entry(this.key, this.hintKey, this.category, this.retryable, this.code);
}

class _Row {
  final Category category;
  final bool retryable;
  final bool hasHint;
  const _Row(this.category, this.retryable, this.hasHint);
}

/// The namespaces, as the library names them.
const List<String> namespaces = [`)
	b.WriteString(namespaceList("'"))
	b.WriteString("];\n\nconst Map<String, _Row> _table = {\n")
	for _, m := range src.Bundle.Localizer(language.English.String()).Messages() {
		// Keys are ASCII letters, digits and _: safe in a single-quoted literal.
		fmt.Fprintf(&b, "  '%s': _Row(Category.%s, %t, %t),\n", m.Key(), camelCase(string(m.Category)), m.Retryable, m.Hint != "")
	}
	fmt.Fprintf(&b, `};

bool _isASCIIAlphanumeric(int c) =>
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);

/// The key of a code, as every export names it: the namespace, '_', and
/// the code, each character other than an ASCII letter or digit replaced
/// by '_'.
String keyOf(String ns, String code) {
  final out = StringBuffer();
  for (final c in (ns + '_' + code).runes) {
    out.write(_isASCIIAlphanumeric(c) ? String.fromCharCode(c) : '_');
  }
  return out.toString();
}

/// An unknown code is shown only when it is 1 to 64 of the service's own
/// characters; anything else may not come from it.
bool _showable(String code) => RegExp(r'^[A-Za-z0-9._-]{1,64}$').hasMatch(code);

/// The keys and decision data of a code. A code the catalogue does not
/// know gets the generic message: with the code in its text when it may be
/// shown, else without it.
Entry lookup(String ns, String code) {
  final key = keyOf(ns, code);
  final row = _table[key];
  if (row != null) {
    return Entry(key, row.hasHint ? key + '_hint' : null, row.category, row.retryable, '');
  }
  if (_showable(code)) {
    return Entry('%s', '%s', Category.unknown, false, code);
  }
  return const Entry('%s', '%s', Category.unknown, false, '');
}
`, UnknownKey, HintKey(UnknownKey), HiddenKey, HintKey(UnknownKey))
	return out.add("faceidmsg.dart", language.English, []byte(b.String()))
}
