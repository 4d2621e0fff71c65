package httpmsg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/faceidmsg/faceidmsg"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// This file holds every response the handler tests receive against the
// OpenAPI description (openapi.json): do validates each one, so every
// handler test checks the contract too.

var openAPIDoc = sync.OnceValues(func() (map[string]any, error) {
	var doc map[string]any
	err := json.Unmarshal(OpenAPI, &doc)
	return doc, err
})

// openAPIPath is the document's path template for a request path, also
// when the handler is mounted under a prefix ("/faceid/v1/codes/1201").
func openAPIPath(path string) string {
	for p := path; p != ""; {
		if t := documentPath(p); t != "" {
			return t
		}
		i := strings.IndexByte(p[1:], '/')
		if i < 0 {
			break
		}
		p = p[i+1:]
	}
	return ""
}

func documentPath(path string) string {
	switch {
	case strings.HasPrefix(path, "/v1/codes/"):
		return "/v1/codes/{code}"
	case path == "/v1/codes", path == "/v1/languages", path == "/v1/resolve", path == "/healthz", path == "/readyz", path == "/openapi.json", path == "/":
		return path
	}
	return ""
}

var (
	schemaMu    sync.Mutex
	schemaCache = map[string]*jsonschema.Schema{}
)

// compiledSchema compiles the schema at a JSON pointer of the document.
func compiledSchema(pointer string) (*jsonschema.Schema, error) {
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s, ok := schemaCache[pointer]; ok {
		return s, nil
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(OpenAPI))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("openapi.json", doc); err != nil {
		return nil, err
	}
	s, err := c.Compile("openapi.json#" + pointer)
	if err != nil {
		return nil, err
	}
	schemaCache[pointer] = s
	return s, nil
}

var pointerEscape = strings.NewReplacer("~", "~0", "/", "~1")

// checkOpenAPI reports how a response differs from the document: an
// undocumented path, method or status, or a body that its schema refuses.
func checkOpenAPI(method, path string, status int, header http.Header, body []byte) error {
	doc, err := openAPIDoc()
	if err != nil {
		return err
	}
	tmpl := openAPIPath(path)
	if tmpl == "" {
		if status == http.StatusNotFound {
			return nil // an unknown path: a plain problem, checked below by shape
		}
		return fmt.Errorf("%s is not in the OpenAPI document", path)
	}
	op, _ := doc["paths"].(map[string]any)[tmpl].(map[string]any)
	if method == http.MethodHead {
		method = http.MethodGet
	}
	ops, _ := op[strings.ToLower(method)].(map[string]any)
	if ops == nil {
		if status == http.StatusMethodNotAllowed || method == http.MethodOptions {
			return nil
		}
		return fmt.Errorf("%s %s is not in the OpenAPI document", method, tmpl)
	}
	resp, _ := ops["responses"].(map[string]any)[strconv.Itoa(status)].(map[string]any)
	if resp == nil {
		return fmt.Errorf("%s %s answered %d, which the OpenAPI document does not list", method, tmpl, status)
	}
	pointer := "/paths/" + pointerEscape.Replace(tmpl) + "/" + strings.ToLower(method) + "/responses/" + strconv.Itoa(status)
	if ref, ok := resp["$ref"].(string); ok {
		pointer = strings.TrimPrefix(ref, "#")
		resp = doc["components"].(map[string]any)["responses"].(map[string]any)[pointer[len("/components/responses/"):]].(map[string]any)
	}
	content, _ := resp["content"].(map[string]any)
	if content == nil || len(body) == 0 {
		return nil // 304, or a HEAD
	}
	mediaType, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	if _, ok := content[mediaType]; !ok {
		return fmt.Errorf("%s %s answered %d as %s, which the OpenAPI document does not list", method, tmpl, status, mediaType)
	}
	if !strings.Contains(mediaType, "json") {
		return nil
	}
	s, err := compiledSchema(pointer + "/content/" + pointerEscape.Replace(mediaType) + "/schema")
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return err
	}
	if err := s.Validate(v); err != nil {
		return fmt.Errorf("%s %s answered %d: %v", method, tmpl, status, err)
	}
	return nil
}

// TestOpenAPIDocument: the document is served at /openapi.json, and its
// schemas compile; a body with a support field fails the public schema.
func TestOpenAPIDocument(t *testing.T) {
	r := do(t, NewHandler(newBundle(t)), "GET", "/openapi.json", nil)
	if got := readAll(t, r); r.StatusCode != 200 || got != string(OpenAPI) {
		t.Fatalf("/openapi.json = %d", r.StatusCode)
	}
	s, err := compiledSchema("/components/schemas/Message")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	b := newBundle(t)
	msg, _ := b.Localizer("en").LookupNumber(2016)
	data, _ := json.Marshal(msg.ForSupport())
	json.Unmarshal(data, &m)
	if s.Validate(m) == nil {
		t.Error("the public Message schema accepts a body with a description")
	}
	data, _ = json.Marshal(msg)
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err := s.Validate(v); err != nil {
		t.Errorf("the public Message schema refuses a message: %v", err)
	}
	var doc struct {
		Components struct {
			Schemas struct {
				Category struct {
					Enum []faceidmsg.Category `json:"enum"`
				}
			}
		}
	}
	if err := json.Unmarshal(OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Components.Schemas.Category.Enum; !slices.Equal(got, faceidmsg.Categories()) {
		t.Errorf("the Category schema's enum is %v; the library's categories are %v", got, faceidmsg.Categories())
	}
}

// TestGeneratedClient: openapi-typescript generates types from the
// document, tsc type-checks a client written against them, and the client
// runs under Node against a real handler, reading what the library says.
func TestGeneratedClient(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		needTool(t, "node", "Node.js")
	}
	modules, _ := filepath.Abs("testdata/client/node_modules")
	if _, err := os.Stat(filepath.Join(modules, "openapi-typescript")); err != nil {
		needTool(t, "testdata/client/node_modules", "npm ci in httpmsg/testdata/client")
	}
	dir := t.TempDir()
	for _, f := range []string{"client.ts", "tsconfig.json"} {
		data, err := os.ReadFile(filepath.Join("testdata/client", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"type": "module"}`), 0o644)
	run := func(args ...string) string {
		out, err := exec.Command(node, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("node %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	spec, _ := filepath.Abs("openapi.json")
	run(filepath.Join(modules, "openapi-typescript/bin/cli.js"), spec, "-o", filepath.Join(dir, "schema.d.ts"))
	run(filepath.Join(modules, "typescript/bin/tsc"), "-p", dir)
	b := newBundle(t)
	base := startServer(t, NewHandler(b), nil)
	var got struct {
		Text      string
		Category  string
		Retryable bool
		Languages int
		Resolved  string
		Source    string
		Cause     *string
	}
	out := run(filepath.Join(dir, "out", "client.js"), base)
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("client printed %s: %v", out, err)
	}
	m, _ := b.Localizer("th").LookupNumber(1201)
	res, _ := b.Localizer("en").Response([]byte(`{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":2016}]}}`))
	if got.Text != m.Text || got.Category != string(m.Category) || got.Retryable != m.Retryable || got.Languages != len(b.Languages()) ||
		got.Resolved != string(res.Message.Category) || got.Source != string(res.Source) || got.Cause == nil || *got.Cause != res.Cause.Code {
		t.Errorf("the generated client read %+v; the library says %s %s, %s %s cause %s", got, m.Text, m.Category, res.Message.Category, res.Source, res.Cause.Code)
	}
}

// needTool skips a test that needs an external tool, or fails it under CI,
// where .ci/run installs it.
func needTool(t *testing.T, tool, install string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing; CI must install it (%s, see .ci/run)", tool, install)
	}
	t.Skipf("%s is missing; install it (%s) to run this test", tool, install)
}
