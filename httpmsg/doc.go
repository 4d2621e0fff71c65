// Package httpmsg serves faceidmsg's messages over net/http, with the
// standard library only.
//
//   - [Middleware] negotiates each request's language once (a lang query
//     parameter, then a cookie the app names, then Accept-Language), puts
//     the Localizer in the request's context ([Localizer]), and adds
//     Vary: Accept-Language (and Cookie) to the response.
//   - [WriteJSON] and [WriteProblem] write a message as JSON or as an RFC
//     9457 application/problem+json document, each with Content-Language
//     set to the languages actually served; [NewProblem] builds the
//     problem of a message for a request.
//   - [NewHandler] serves a small API and a catalogue page: GET
//     /v1/codes/{code}, GET /v1/codes, GET /v1/languages, POST
//     /v1/resolve, GET /healthz and GET /. Mount it under any prefix with
//     http.StripPrefix.
//   - [NewServer] returns an http.Server with every timeout and the header
//     limit set, for the handler or any other.
package httpmsg
