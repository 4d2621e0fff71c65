package httpmsg

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"html/template"
	"net/http"

	"golang.org/x/text/language"
)

// The catalogue page: every code with its message, hint, category and
// retry flag in the negotiated language, a language picker and a filter.
// It is one HTML document with no external assets, so it works offline;
// its one script and its style carry a per-response nonce, and the
// Content-Security-Policy allows nothing else.

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>faceidmsg: {{.Title}}</title>
<style nonce="{{.Nonce}}">
body { font-family: system-ui, sans-serif; margin: 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: start; vertical-align: top; }
code { font-size: .9em; }
nav a { margin-inline-end: .6rem; white-space: nowrap; }
nav a[aria-current] { font-weight: bold; }
input { margin: .5rem 0; padding: .3rem; width: 20rem; max-width: 100%; }
.hint { color: #444; }
</style>
</head>
<body>
<h1 lang="en" dir="ltr">faceidmsg</h1>
<nav aria-label="Languages">{{range .Languages}}<a href="?lang={{.Tag}}" hreflang="{{.Tag}}" lang="{{.Tag}}" dir="auto"{{if .Current}} aria-current="page"{{end}}>{{.Native}}</a> {{end}}</nav>
<p lang="en" dir="ltr"><label>Filter <input id="filter" type="search" placeholder="1201, text…" autocomplete="off"></label> <span id="count">{{len .Rows}}</span> codes</p>
<table id="codes">
<thead lang="en" dir="ltr"><tr><th>Code</th><th>Message</th><th>Hint</th><th>Category</th><th>Retry</th></tr></thead>
<tbody>
{{range .Rows}}<tr data-search="{{.Search}}"><td dir="ltr"><code>{{.Namespace}}:{{.Code}}</code></td><td lang="{{.Lang}}" dir="{{.Dir}}">{{.Text}}</td><td class="hint" lang="{{.HintLang}}" dir="{{.HintDir}}">{{.Hint}}</td><td>{{.Category}}</td><td>{{if .Retryable}}yes{{else}}no{{end}}</td></tr>
{{end}}</tbody>
</table>
<script nonce="{{.Nonce}}">
(function () {
  var input = document.getElementById("filter");
  var rows = document.querySelectorAll("#codes tbody tr");
  var count = document.getElementById("count");
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (row) {
      var show = q === "" || row.getAttribute("data-search").indexOf(q) >= 0;
      row.hidden = !show;
      if (show) { n++; }
    });
    count.textContent = String(n);
  });
})();
</script>
</body>
</html>
`))

type pageRow struct {
	Namespace, Code, Text, Hint, Category, Search string
	Lang, Dir, HintLang, HintDir                  string
	Retryable                                     bool
}

type pageLang struct {
	Tag, Native string
	Current     bool
}

type pageData struct {
	Lang, Dir, Title, Nonce string
	Languages               []pageLang
	Rows                    []pageRow
}

func (h *handler) page(w http.ResponseWriter, r *http.Request) {
	loc := Localizer(r.Context())
	var nb [16]byte
	if _, err := rand.Read(nb[:]); err != nil {
		h.httpProblem(w, http.StatusInternalServerError)
		return
	}
	d := pageData{Lang: loc.Tag().String(), Dir: direction(loc.Tag()), Nonce: base64.RawURLEncoding.EncodeToString(nb[:])}
	for _, l := range h.b.Languages() {
		d.Languages = append(d.Languages, pageLang{Tag: l.Tag.String(), Native: l.Native, Current: l.Tag == loc.Tag()})
		if l.Tag == loc.Tag() {
			d.Title = l.Native
		}
	}
	ms := loc.Messages()
	for _, m := range ms {
		d.Rows = append(d.Rows, pageRow{
			Namespace: string(m.Namespace), Code: m.Code, Text: m.Text, Hint: m.Hint,
			Category: string(m.Category), Retryable: m.Retryable,
			Lang: m.Lang.String(), Dir: direction(m.Lang),
			HintLang: m.HintLang.String(), HintDir: direction(m.HintLang),
			Search: lowerSearch(string(m.Namespace) + ":" + m.Code + " " + m.Text + " " + m.Hint),
		})
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		h.httpProblem(w, http.StatusInternalServerError)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-"+d.Nonce+"'; style-src 'nonce-"+d.Nonce+"'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Referrer-Policy", "no-referrer")
	writeBody(w, http.StatusOK, "text/html; charset=utf-8", contentLanguage(ms...), buf.Bytes())
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
