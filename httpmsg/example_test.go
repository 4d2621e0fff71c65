package httpmsg_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/faceidmsg/faceidmsg"
	"github.com/faceidmsg/faceidmsg/httpmsg"
)

// A Go server's handler reads the service's response body it got for a
// verification and answers the app with the localized message.
func ExampleMiddleware() {
	b, err := faceidmsg.New()
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /verification/result", func(w http.ResponseWriter, r *http.Request) {
		body, _ := faceidmsg.ReadResponse(r.Body) // in a real server, the body from the service
		res, _ := httpmsg.Localizer(r.Context()).Response(body)
		httpmsg.WriteJSON(w, http.StatusOK, res.Message)
	})
	h := httpmsg.Middleware(b)(mux) // serve h: http.ListenAndServe(addr, h)

	req := httptest.NewRequest("POST", "/verification/result", strings.NewReader(`{"Response":{"ErrorCode":1203}}`))
	req.Header.Set("Accept-Language", "de-AT,de;q=0.9")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	out, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.Header.Get("Content-Language"), resp.Header.Get("Vary"))
	fmt.Print(string(out)[:60], "...\n")
	// Output:
	// de Accept-Language
	// {"namespace":"saas","code":"1203","key":"saas_1203","message...
}
