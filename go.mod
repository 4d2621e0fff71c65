module github.com/faceidmsg/faceidmsg

go 1.26.0

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/go-json-experiment/json v1.27.2
	github.com/nicksnyder/go-i18n/v2 v2.6.1
	golang.org/x/net v0.49.0
	golang.org/x/sys v0.40.0
	golang.org/x/text v0.44.0
)
