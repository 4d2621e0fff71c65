package export

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/faceidmsg/faceidmsg"
	"golang.org/x/text/language"
)

// ---- Android accessor (with the Android export) ----

// javaPackage is a Java package name: dot-separated identifiers.
var javaPackage = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)

// javaAccessor writes FaceIdMsg.java in the app's package (whose R class
// holds the exported strings): lookup(ns, code) gives the string
// resources of a code's message and hint and its decision data, with the
// library's key rule and shown-code rule, so that an app needs neither
// getIdentifier nor a table of its own.
func javaAccessor(src Source, out *output) error {
	pkg := src.AndroidPackage
	if !javaPackage.MatchString(pkg) {
		return fmt.Errorf("%q is not a Java package name (the app's, whose R class holds the strings)", pkg)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "// %s\n", header)
	fmt.Fprintf(&b, "package %s;\n\n", pkg)
	b.WriteString(`/**
 * The exported messages of faceidmsg, by code: lookup("saas", "1201") gives
 * the string resources of its message and hint, its category and whether
 * the app may offer "try again". For a code the catalogue does not know, the
 * generic message: getString(e.text, e.code) when it shows the code.
 */
public final class FaceIdMsg {
    private FaceIdMsg() {}

    /** What the app does next; only SUCCESS means the verification passed. */
    public enum Category { ` + categoryList(strings.ToUpper, ", ") + ` }

    /** A code's resources and decision data. */
    public static final class Entry {
        /** The message's string resource. */
        public final int text;
        /** The hint's string resource, or 0 when there is none. */
        public final int hint;
        public final Category category;
        /** The app may offer "try again" in this verification. */
        public final boolean retryable;
        /** For an unknown code the text shows (its %1$s), the code; else "". */
        public final String code;

        Entry(int text, int hint, Category category, boolean retryable, String code) {
            this.text = text;
            this.hint = hint;
            this.category = category;
            this.retryable = retryable;
            this.code = code;
        }
    }

    /**
     * The key of a code, as every export names it: the namespace, "_", and
     * the code, each character other than an ASCII letter or digit
     * replaced by "_".
     */
    public static String keyOf(String ns, String code) {
        StringBuilder b = new StringBuilder();
        (ns + "_" + code).codePoints().forEach(c -> b.append(
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? (char) c : '_'));
        return b.toString();
    }

    /** An unknown code is shown only when it is 1 to 64 of the service's own characters. */
    private static boolean showable(String code) {
        return code.matches("[A-Za-z0-9._-]{1,64}");
    }

    public static Entry lookup(String ns, String code) {
        switch (keyOf(ns, code)) {
`)
	for _, m := range src.Bundle.Localizer(language.English.String()).Messages() {
		key := faceidmsg.Key(m.Namespace, m.Code)
		hint := "0"
		if m.Hint != "" {
			hint = "R.string." + HintKey(key)
		}
		fmt.Fprintf(&b, "            case %q: return new Entry(R.string.%s, %s, Category.%s, %t, \"\");\n",
			key, key, hint, strings.ToUpper(string(m.Category)), m.Retryable)
	}
	fmt.Fprintf(&b, `            default:
                if (showable(code)) {
                    return new Entry(R.string.%s, R.string.%s, Category.UNKNOWN, false, code);
                }
                return new Entry(R.string.%s, R.string.%s, Category.UNKNOWN, false, "");
        }
    }
}
`, UnknownKey, HintKey(UnknownKey), HiddenKey, HintKey(UnknownKey))
	return out.add("FaceIdMsg.java", language.English, []byte(b.String()))
}
