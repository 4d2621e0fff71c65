package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/faceidmsg/faceidmsg"
	"golang.org/x/text/language"
)

// ---- TypeScript accessor (with the i18next export) ----

// categoryList is the library's categories as an accessor's enum lists
// them: each written by name, joined by sep.
func categoryList(name func(category string) string, sep string) string {
	var names []string
	for _, c := range faceidmsg.Categories() {
		names = append(names, name(string(c)))
	}
	return strings.Join(names, sep)
}

// camelCase is a category as a Swift or Dart enum case: user_action is
// userAction.
func camelCase(category string) string {
	before, after, ok := strings.Cut(category, "_")
	if !ok || after == "" {
		return category
	}
	return before + strings.ToUpper(after[:1]) + after[1:]
}

// namespaceList is the library's namespaces as the accessors list them:
// each between quote marks, separated by ", ". The names are ASCII
// letters, so no language needs them escaped.
func namespaceList(quote string) string {
	var b strings.Builder
	for i, ns := range faceidmsg.Namespaces() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote + string(ns) + quote)
	}
	return b.String()
}

// typescriptAccessor writes faceidmsg.ts: for a web app, the function from
// a (namespace, code) pair to its i18next keys and the decision data
// (category, retryable), with the library's own key rule and its rule
// for which unknown codes may be shown, so that no app writes either
// again. It carries no text: the texts are the i18next resources.
func typescriptAccessor(src Source, out *output) error {
	var b strings.Builder
	fmt.Fprintf(&b, "// %s\n", header)
	b.WriteString(`// Look a code up: lookup("saas", "1201") gives its i18next keys, category
// and retry flag; t(entry.key, { ns: "faceidmsg", code: entry.code }).

export type Category = ` + categoryList(func(c string) string { return strconv.Quote(c) }, " | ") + `;

export interface Entry {
  /** The i18next key of the message. */
  key: string;
  /** The key of its hint, or null when it has none. */
  hintKey: string | null;
  category: Category;
  /** The app may offer "try again" in this verification. */
  retryable: boolean;
  /** For an unknown code shown in the text ({{code}}), the code; else "". */
  code: string;
}

/** The namespaces, as the library names them. */
export const namespaces = [`)
	b.WriteString(namespaceList(`"`))
	b.WriteString("] as const;\n\n")
	b.WriteString("const table: Record<string, [Category, boolean, boolean]> = {\n")
	for _, m := range src.Bundle.Localizer(language.English.String()).Messages() {
		fmt.Fprintf(&b, "  %q: [%q, %t, %t],\n", m.Key(), m.Category, m.Retryable, m.Hint != "")
	}
	b.WriteString(`};

/** keyOf is the key of a code, as every export names it: the namespace,
 * "_", and the code, each character other than an ASCII letter or digit
 * replaced by "_". */
export function keyOf(ns: string, code: string): string {
  let out = "";
  for (const c of ns + "_" + code) {
    out += /^[A-Za-z0-9]$/.test(c) ? c : "_";
  }
  return out;
}

/** showable: an unknown code is shown only when it is 1 to 64 of the
 * service's own characters; anything else may not come from it. */
function showable(code: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}$/.test(code);
}

/** lookup returns a code's keys and decision data. A code the catalogue
 * does not know gets the generic message: with the code in its text when
 * it may be shown, else without it. */
export function lookup(ns: string, code: string): Entry {
  const key = keyOf(ns, code);
  const row = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (row !== undefined) {
    return { key, hintKey: row[2] ? key + "_hint" : null, category: row[0], retryable: row[1], code: "" };
  }
  if (showable(code)) {
    return { key: "unknown", hintKey: "unknown_hint", category: "unknown", retryable: false, code };
  }
  return { key: "unknown_hidden", hintKey: "unknown_hint", category: "unknown", retryable: false, code: "" };
}
`)
	return out.add("faceidmsg.ts", language.English, []byte(b.String()))
}
