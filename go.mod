module github.com/faceidmsg/faceidmsg

go 1.24.0

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/nicksnyder/go-i18n/v2 v2.6.1
	golang.org/x/text v0.34.0
)
