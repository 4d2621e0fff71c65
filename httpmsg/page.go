package httpmsg

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"net/http"
	"strings"

	"github.com/faceidmsg/faceidmsg"
	"golang.org/x/text/language"
)

// The catalogue page: every code with its message, hint, category and
// retry flag in the negotiated language, a language picker and a filter.
// It is one HTML document with no external assets, so it works offline.
// Its one script and its style are fixed, so the Content-Security-Policy
// names them by their SHA-256 and allows nothing else; with no per-response
// nonce, the page of each language is rendered once and served with an
// ETag, like the JSON answers.

// pageStyle and pageScript are the page's style and script, exactly as
// their hashes in pageCSP say. They hold no comments: html/template drops
// comments from a script, which would change its hash. The script applies
// the filter as the reader types, and at load from a link's ?q= (?q=1201);
// and it resolves a pasted service response through /v1/resolve, also at
// load from a link's #paste= (a fragment, so the body never reaches a URL
// the server or a proxy logs).
const pageStyle = `
body { font-family: system-ui, sans-serif; margin: 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: start; vertical-align: top; }
code { font-size: .9em; }
nav a { margin-inline-end: .6rem; white-space: nowrap; }
nav a[aria-current] { font-weight: bold; }
input { margin: .5rem 0; padding: .3rem; width: 20rem; max-width: 100%; }
.hint { color: #444; }
.fallback { background: #fff3cd; }
.en { color: #555; }
nav small { color: #a15c00; }
`

const pageScript = `
(function () {
  var input = document.getElementById("filter");
  var rows = document.querySelectorAll("#codes tbody tr");
  var count = document.getElementById("count");
  function apply() {
    var q = input.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (row) {
      var show = q === "" || row.getAttribute("data-search").indexOf(q) >= 0;
      row.hidden = !show;
      if (show) { n++; }
    });
    count.textContent = String(n);
  }
  input.addEventListener("input", apply);
  var q0 = new URLSearchParams(location.search).get("q");
  if (q0) {
    input.value = q0;
    apply();
  }
  var paste = document.getElementById("paste");
  var out = document.getElementById("resolved");
  function line(label, value) {
    var p = document.createElement("p");
    var b = document.createElement("b");
    b.textContent = label + ": ";
    p.appendChild(b);
    p.appendChild(document.createTextNode(value));
    out.appendChild(p);
  }
  function show(d, status) {
    out.textContent = "";
    out.setAttribute("data-status", String(status));
    if (d.text === undefined) {
      line("Problem", (d.title || "") + " " + (d.detail || ""));
      return;
    }
    line("Message", d.text);
    if (d.hint) { line("Hint", d.hint); }
    line("Category", d.category + (d.retryable ? ", may retry" : ", no retry"));
    line("Decided by", d.source || "nothing");
    if (d.cause) { line("Cause", d.cause.code + ": " + d.cause.text); }
    (d.details || []).forEach(function (x) { line("Detail", x.kind + " " + x.value + ": " + x.text); });
    if (d.service_text) { line("Service text", d.service_text); }
  }
  function resolve() {
    fetch("v1/resolve?lang=" + encodeURIComponent(document.documentElement.lang), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: paste.value
    }).then(function (r) {
      return r.json().then(function (d) { show(d, r.status); });
    }).catch(function (e) { out.textContent = String(e); });
  }
  document.getElementById("resolve").addEventListener("click", resolve);
  if (location.hash.indexOf("#paste=") === 0) {
    paste.value = decodeURIComponent(location.hash.slice(7));
    document.getElementById("paste-box").open = true;
    resolve();
  }
})();
`

// pageCSP allows the page's own style and script and nothing else. The
// hashes are of the style and script as the template writes them, which
// is what the browser hashes.
var pageCSP = func() string {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, pageData{}); err != nil {
		panic(err)
	}
	inner := func(el string) string {
		_, s, _ := strings.Cut(buf.String(), "<"+el+">")
		s, _, _ = strings.Cut(s, "</"+el+">")
		return s
	}
	return "default-src 'none'; script-src " + cspHash(inner("script")) + "; style-src " + cspHash(inner("style")) +
		"; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}()

// cspHash is the Content-Security-Policy source of an inline element's
// text.
func cspHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>faceidmsg: {{.Title}}</title>
<style>` + pageStyle + `</style>
</head>
<body>
<h1 lang="en" dir="ltr">faceidmsg</h1>
<nav aria-label="Languages">{{range .Languages}}<a href="?lang={{.Tag}}" hreflang="{{.Tag}}" lang="{{.Tag}}" dir="auto"{{if .Current}} aria-current="page"{{end}} title="{{.Status}}% in this language">{{.Native}}{{if lt .Status 100}} <small>{{.Status}}%</small>{{end}}</a> {{end}}</nav>
<p lang="en" dir="ltr"><label>Search <input id="filter" type="search" placeholder="1201, saas_1201, text in any language…" autocomplete="off"></label> <span id="count">{{len .Rows}}</span> codes{{if .Fallbacks}}; <span class="fallback">{{.Fallbacks}} texts shown in English</span>, not yet translated{{end}}</p>
<details id="paste-box" lang="en" dir="ltr"><summary>What the person saw: paste a service response</summary>
<p><textarea id="paste" rows="6" cols="80" spellcheck="false" placeholder='{"Response":{"ErrorCode":16,"VerificationDetailList":[...],"RequestId":"..."}}'></textarea></p>
<p><button id="resolve" type="button">Resolve</button> in the page's language. Support details show only where the server runs with -support.</p>
<div id="resolved" aria-live="polite"></div>
</details>
<table id="codes">
<thead lang="en" dir="ltr"><tr><th>Code</th><th>Key</th><th>Message</th><th>Hint</th>{{if .SideBySide}}<th>English</th>{{end}}<th>Category</th><th>Retry</th></tr></thead>
<tbody>
{{range .Rows}}<tr data-search="{{.Search}}"><td dir="ltr"><code>{{.Namespace}}:{{.Code}}</code></td><td dir="ltr"><code>{{.Key}}</code></td><td lang="{{.Lang}}" dir="{{.Dir}}"{{if .TextFallback}} class="fallback" title="English: not translated yet"{{end}}>{{.Text}}</td><td lang="{{.HintLang}}" dir="{{.HintDir}}" class="hint{{if .HintFallback}} fallback{{end}}"{{if .HintFallback}} title="English: not translated yet"{{end}}>{{.Hint}}</td>{{if $.SideBySide}}<td lang="en" dir="ltr" class="en">{{.EnText}}<br><span class="hint">{{.EnHint}}</span></td>{{end}}<td>{{.Category}}</td><td>{{if .Retryable}}yes{{else}}no{{end}}</td></tr>
{{end}}</tbody>
</table>
<script>` + pageScript + `</script>
</body>
</html>
`))

type pageRow struct {
	Namespace, Code, Key, Text, Hint, Category, Search string
	Lang, Dir, HintLang, HintDir                       string
	EnText, EnHint                                     string
	Retryable, TextFallback, HintFallback              bool
}

type pageLang struct {
	Tag, Native string
	Current     bool
	Status      int // percent of texts served in the language itself
}

type pageData struct {
	Lang, Dir, Title string
	Languages        []pageLang
	Rows             []pageRow
	SideBySide       bool // English beside the language's texts
	Fallbacks        int  // texts shown in English for want of a translation
}

func (h *handler) page(w http.ResponseWriter, r *http.Request) {
	loc := Localizer(r.Context())
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", pageCSP)
	hdr.Set("Referrer-Policy", "no-referrer")
	h.serveCachedBody(w, r, cacheKey{loc: loc, what: "page"}, "text/html; charset=utf-8", func() ([]byte, string, error) {
		return h.renderPage(loc)
	})
}

// renderPage renders the catalogue page in loc's language, and returns it
// with its Content-Language.
func (h *handler) renderPage(loc *faceidmsg.Localizer) ([]byte, string, error) {
	d := pageData{Lang: loc.Tag().String(), Dir: direction(loc.Tag()), SideBySide: loc.Tag() != language.English}
	for _, l := range h.b.Languages() {
		d.Languages = append(d.Languages, pageLang{Tag: l.Tag.String(), Native: l.Native, Current: l.Tag == loc.Tag(), Status: translatedShare(h.b.LocalizerFor(l.Tag))})
		if l.Tag == loc.Tag() {
			d.Title = l.Native
		}
	}
	ms := loc.Messages()
	en := h.b.LocalizerFor(language.English).Messages()
	for i, m := range ms {
		row := pageRow{
			Namespace: string(m.Namespace), Code: m.Code, Key: m.Key(), Text: m.Text, Hint: m.Hint,
			Category: string(m.Category), Retryable: m.Retryable,
			Lang: m.Lang.String(), Dir: direction(m.Lang),
			HintLang: m.HintLang.String(), HintDir: direction(m.HintLang),
			TextFallback: m.Lang != loc.Tag(), HintFallback: m.Hint != "" && m.HintLang != loc.Tag(),
		}
		search := string(m.Namespace) + ":" + m.Code + " " + row.Key + " " + m.Text + " " + m.Hint
		if i < len(en) && d.SideBySide {
			row.EnText, row.EnHint = en[i].Text, en[i].Hint
			search += " " + en[i].Text + " " + en[i].Hint
		}
		row.Search = lowerSearch(search)
		if row.TextFallback {
			d.Fallbacks++
		}
		if row.HintFallback {
			d.Fallbacks++
		}
		d.Rows = append(d.Rows, row)
	}
	var buf bytes.Buffer
	err := pageTemplate.Execute(&buf, d)
	return buf.Bytes(), contentLanguage(ms...), err
}

// translatedShare is the percent of a locale's texts (messages and
// hints) served in its own language rather than by fallback.
func translatedShare(loc *faceidmsg.Localizer) int {
	total, own := 0, 0
	for _, m := range loc.Messages() {
		total++
		if m.Lang == loc.Tag() {
			own++
		}
		if m.Hint != "" {
			total++
			if m.HintLang == loc.Tag() {
				own++
			}
		}
	}
	if total == 0 {
		return 100
	}
	return own * 100 / total
}

// lowerSearch is the text the filter matches, in lower case.
func lowerSearch(s string) string {
	return string(bytes.ToLower([]byte(s)))
}

// direction is "rtl" for languages written right to left (and the
// right-to-left pseudo-locale), else "ltr".
func direction(tag language.Tag) string {
	if r, conf := tag.Region(); conf == language.Exact && r.String() == "XB" {
		return "rtl"
	}
	script, _ := tag.Script()
	switch script.String() {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr":
		return "rtl"
	}
	return "ltr"
}
