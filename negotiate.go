package faceidmsg

import (
	"hash/maphash"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// This file is negotiation: from language preferences (tags, lists of
// them, Accept-Language headers) to one locale of the bundle.

// Limits on what negotiation reads. Input comes from anyone on the internet,
// so work is bounded by these numbers whatever the input's size: the rest is
// ignored. Real browsers send a handful of entries in well under 200 bytes.
const (
	maxNegotiateBytes   = 4096 // bytes of input read, over all preferences; each counts at least 1
	maxNegotiateEntries = 32   // entries considered
	maxTagLen           = 64   // longer entries are skipped as malformed
)

// preference is one Accept-Language entry: its tag (a language range) as
// written, and its quality. The tag is parsed later, through the cache.
type preference struct {
	tag string // "*" for the wildcard
	q   int    // quality in thousandths, 0..1000
}

// parsePreferences reads language preferences: each string is a single tag
// or a comma-separated Accept-Language list. Malformed entries are
// skipped; the rest are returned in order of preference (highest q first,
// ties in input order), including q=0 entries, which the caller uses as
// exclusions. An entry cut by the byte budget is dropped whole, never read
// as a shorter tag. It does not allocate when dst has room.
func parsePreferences(dst []preference, prefs []string) []preference {
	budget := maxNegotiateBytes
	for _, s := range prefs {
		if budget <= 0 || len(dst) >= maxNegotiateEntries {
			break
		}
		if len(s) > budget {
			// Keep only whole entries: up to the last comma before the cut,
			// or all of it when the cut falls on a comma.
			if s[budget] != ',' {
				if i := strings.LastIndexByte(s[:budget], ','); i >= 0 {
					budget = i
				} else {
					budget = 0
				}
			}
			s = s[:budget]
		}
		budget -= max(len(s), 1) // an empty argument still costs
		for s != "" && len(dst) < maxNegotiateEntries {
			var entry string
			entry, s, _ = strings.Cut(s, ",")
			if p, ok := parseEntry(entry); ok {
				dst = append(dst, p)
			}
		}
	}
	// Insertion sort: stable, and no allocation for a handful of entries.
	for i := 1; i < len(dst); i++ {
		for j := i; j > 0 && dst[j].q > dst[j-1].q; j-- {
			dst[j], dst[j-1] = dst[j-1], dst[j]
		}
	}
	return dst
}

// parseEntry splits one entry such as "zh-TW;q=0.8" into tag and quality.
// As RFC 9110 writes it, a weight is ";", optional white space, "q=" and a
// qvalue: a parameter named q in any other form ("q =0.5", "q=", "q")
// makes the entry malformed. Other parameters are ignored.
func parseEntry(entry string) (preference, bool) {
	tag, params, _ := strings.Cut(entry, ";")
	tag = strings.Trim(tag, " \t")
	if tag == "" || len(tag) > maxTagLen {
		return preference{}, false
	}
	p := preference{tag: tag, q: 1000}
	for params != "" {
		var param string
		param, params, _ = strings.Cut(params, ";")
		param = strings.Trim(param, " \t")
		if param == "" || (param[0] != 'q' && param[0] != 'Q') {
			continue
		}
		if len(param) > 1 && param[1] != '=' && param[1] != ' ' && param[1] != '\t' {
			continue // another parameter whose name starts with q
		}
		if len(param) < 3 || param[1] != '=' {
			return preference{}, false
		}
		q, ok := parseQ(param[2:])
		if !ok {
			return preference{}, false
		}
		p.q = q
	}
	return p, true
}

// parseQ parses an HTTP qvalue ("0", "0.5", "1.000") into thousandths.
func parseQ(s string) (int, bool) {
	if s == "" || len(s) > 5 || (s[0] != '0' && s[0] != '1') {
		return 0, false
	}
	q := int(s[0]-'0') * 1000
	if len(s) > 1 {
		if s[1] != '.' {
			return 0, false
		}
		scale := 100
		for _, c := range []byte(s[2:]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			q += int(c-'0') * scale
			scale /= 10
		}
	}
	if q > 1000 {
		return 0, false
	}
	return q, true
}

// aliases maps language values that are not BCP 47, but that clients send,
// to the tag they mean. Keys are lower case with hyphens.
var aliases = map[string]string{
	"zh-tc":  "zh-Hant", // the service's own Language value for Traditional Chinese
	"zh-chs": "zh-Hans", // legacy Windows and .NET names
	"zh-cht": "zh-Hant",
}

// parseTag parses a tag as clients write it: BCP 47, with underscores as
// mobile systems write them ("zh_TW"), with a POSIX codeset or modifier
// ("en_US.UTF-8"), or one of the aliases above. Extensions and private-use
// subtags ("-u-nu-thai", "-x-foo") choose no locale, so they are dropped
// before parsing. Legacy tags are canonicalized ("in" is id); see match
// for macrolanguages. Text that cannot be a tag is rejected
// before x/text sees it, which keeps junk cheap.
func parseTag(s string) (language.Tag, bool) {
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	if !plausibleTag(s) {
		return language.Und, false
	}
	s = strings.ReplaceAll(s, "_", "-")
	s = withoutExtensions(s)
	if a, ok := aliases[strings.ToLower(s)]; ok {
		s = a
	}
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return language.Und, false
	}
	return tag, true
}

// withoutExtensions cuts s, a plausible tag with hyphens, before its first
// singleton subtag ("u", "t", "x"...), keeping grandfathered tags such as
// "i-klingon" whole.
func withoutExtensions(s string) string {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '-' && (i+2 == len(s) || s[i+2] == '-') {
			return s[:i]
		}
	}
	return s
}

// plausibleTag reports whether s has the shape of a language tag: subtags
// of 1 to 8 ASCII letters or digits, separated by '-' or '_', the first of
// them letters.
func plausibleTag(s string) bool {
	n, first := 0, true
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '-' || s[i] == '_' {
			if n == 0 || n > 8 {
				return false
			}
			n, first = 0, false
			continue
		}
		c := s[i] | 0x20 // ASCII lower case
		switch {
		case c >= 'a' && c <= 'z':
		case s[i] >= '0' && s[i] <= '9' && !first:
		default:
			return false
		}
		n++
	}
	return true
}

// isPseudo reports whether tag is a pseudo-locale (regions XA and XB, as
// Android and CLDR use them). Pseudo-locales are served only when asked for
// by their exact tag, never as the closest match for a real language.
func isPseudo(tag language.Tag) bool {
	r, conf := tag.Region()
	if conf != language.Exact {
		return false
	}
	s := r.String()
	return s == "XA" || s == "XB"
}

// match returns the index in b.locales of the locale that serves tag, or
// -1. A locale serves a tag when the tag is the locale's own, or when
// x/text's matcher rates the pair High or better AND both are the same base
// language: a Ukrainian reader is not served Russian, nor a Persian reader
// Arabic, however close x/text rates the pair. A tag of a language no
// locale has, itself or as its macrolanguage, is turned away before the
// matcher runs.
func (b *Bundle) match(tag language.Tag) int {
	if i, ok := b.byTag[tag]; ok {
		return i
	}
	tag, ok := b.ourLanguage(tag)
	if !ok {
		return -1
	}
	want, _ := tag.Base()
	_, i, conf := b.matcher.Match(tag)
	if conf < language.High {
		return -1
	}
	if got, _ := b.natural[i].Base(); got != want {
		return -1
	}
	return b.naturalIndex[i]
}

// ourLanguage returns tag if some locale has its language, or tag read as
// its macrolanguage if a locale has that (Mandarin, cmn-Hant-TW, is
// Chinese), or a macrolanguage read as its member that a locale has
// (Norwegian, no, is Bokmål, nb); ok is false when none.
func (b *Bundle) ourLanguage(tag language.Tag) (language.Tag, bool) {
	if base, _ := tag.Base(); slices.Contains(b.bases, base) {
		return tag, true
	}
	macro, err := language.Macro.Canonicalize(tag)
	if err == nil {
		if base, _ := macro.Base(); slices.Contains(b.bases, base) {
			return macro, true
		}
	}
	// The other way round: a macrolanguage read as the member locales
	// use. Norwegian (no) is written in Bokmål (nb) by almost everyone.
	base, _ := tag.Base()
	if m, ok := macroMembers[base.String()]; ok && slices.Contains(b.bases, language.MustParseBase(m)) {
		if t, err := language.Compose(tag, language.MustParseBase(m)); err == nil {
			return t, true
		}
	}
	return tag, false
}

// macroMembers maps a macrolanguage to the member its locale is for.
var macroMembers = map[string]string{"no": "nb"}

// negotiate picks the locale for prefs, returning its index in b.locales
// and whether a preference chose it. English is the answer when nothing
// is acceptable, and then matched is false.
//
// An entry with q=0 is a language range the reader does not accept (RFC
// 4647 section 3.3, RFC 9110 section 12.5.4): it excludes every locale
// whose tag the range matches, that is, equals or is a prefix of at a
// subtag boundary ("pt;q=0" excludes pt-BR, "pt-PT;q=0" does not), not
// the locale the range would fall back to.
func (b *Bundle) negotiate(prefs []string) (int, bool) {
	var buf [maxNegotiateEntries]preference
	ps := parsePreferences(buf[:0], prefs)
	// q=0 entries are sorted last: read each range once, through the
	// cache, so the loop below only compares strings.
	nx := len(ps)
	for nx > 0 && ps[nx-1].q == 0 {
		nx--
	}
	var rangeBuf [maxNegotiateEntries]string
	ranges := rangeBuf[:0]
	for _, p := range ps[nx:] {
		if p.tag == "*" {
			continue
		}
		if r := b.cached(p.tag).rng; r != "" {
			ranges = append(ranges, r)
		}
	}
	for _, p := range ps[:nx] {
		if p.tag == "*" {
			// Any locale the reader has not excluded, English first;
			// pseudo-locales are never chosen this way.
			for _, i := range b.naturalIndex {
				if !b.excludes(ranges, i) {
					return i, true
				}
			}
			continue
		}
		i := b.cached(p.tag).locale
		if i < 0 {
			continue
		}
		if !b.excludes(ranges, i) {
			return i, true
		}
		// The best locale is excluded: the best remaining one of the
		// same language still serves the reader better than English.
		if j := b.bestRemaining(p.tag, i, ranges); j >= 0 {
			return j, true
		}
	}
	return english, false
}

// bestRemaining returns the locale of locale i's language that best
// serves tag among those no q=0 range excludes, or -1 when none is left.
// It runs only when a reader excluded the best match, so it may allocate.
func (b *Bundle) bestRemaining(tag string, i int, ranges []string) int {
	want, _ := b.locales[i].tag.Base()
	var cands []language.Tag
	var idx []int
	for k, t := range b.natural {
		if base, _ := t.Base(); base == want && !b.excludes(ranges, b.naturalIndex[k]) {
			cands = append(cands, t)
			idx = append(idx, b.naturalIndex[k])
		}
	}
	if len(cands) == 0 {
		return -1
	}
	t, err := language.Parse(tag)
	if err != nil {
		t = b.locales[i].tag // an alias the cache reads, such as zh-tc
	}
	_, j, _ := language.NewMatcher(cands).Match(t)
	return idx[j]
}

// excludes reports whether one of the q=0 ranges (canonical tags) matches
// locale i: equals its tag or is a prefix of it at a subtag boundary.
func (b *Bundle) excludes(ranges []string, i int) bool {
	loc := b.names[i]
	for _, r := range ranges {
		if strings.EqualFold(loc, r) || len(loc) > len(r) && loc[len(r)] == '-' && strings.EqualFold(loc[:len(r)], r) {
			return true
		}
	}
	return false
}

// cachedMatch returns the locale that serves tag as written, or -1,
// through the cache.
func (b *Bundle) cachedMatch(tag string) int { return b.cached(tag).locale }

// cached returns what tag as written selects, and its canonical form as
// a range, from the cache, reading it on a miss.
func (b *Bundle) cached(tag string) *cacheEntry {
	slot := &b.cache[cacheSlot(tag)]
	if e := slot.Load(); e != nil && e.tag == tag {
		return e
	}
	// strings.Clone: never keep a slice of a caller's (perhaps huge) header.
	e := &cacheEntry{tag: strings.Clone(tag), locale: -1}
	if t, ok := parseTag(tag); ok {
		e.locale = b.match(t)
		t, _ = b.ourLanguage(t)
		e.rng = t.String()
	}
	slot.Store(e)
	return e
}

// The negotiation cache maps a tag as written ("zh-TW", "en_US") to the
// locale it selects. It has a fixed number of slots, each holding one entry
// of at most maxTagLen bytes, so no input can make it grow: a flood of
// distinct tags only replaces entries. Slots are atomic, so lookups take
// no lock. The cache never changes an answer, only how fast it comes.
const cacheSlots = 512

type cacheEntry struct {
	tag    string
	locale int    // the locale tag selects, or -1
	rng    string // tag as a q=0 range: canonical, "" when not a tag
}

func cacheSlot(tag string) uint32 {
	// Seeded per process, so that nobody can precompute tags that
	// collide with a common one and keep evicting it.
	return uint32(maphash.String(cacheSeed, tag) % cacheSlots)
}

// cacheSeed seeds cacheSlot's hash.
var cacheSeed = maphash.MakeSeed()
