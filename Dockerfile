# faceidmsg serve as a container: a static binary on an empty image, run as
# a non-root user, with no shell. Build and run:
#
#   docker build -t faceidmsg .
#   docker run --rm -p 8080:8080 faceidmsg
#
# Configure it with FACEIDMSG_* variables (see the README); PORT, as
# container platforms set it, is honoured too.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/faceidmsg ./cmd/faceidmsg

FROM scratch
COPY --from=build /out/faceidmsg /faceidmsg
USER 65532:65532
ENV FACEIDMSG_ADDR=:8080
EXPOSE 8080
ENTRYPOINT ["/faceidmsg", "serve"]
