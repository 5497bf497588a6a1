package main

// Ops of the session cookie headers, the reference for src/sessions (package cookieheader):
//
//	"newCookie"     {name, value, options, nowMs}  -> {header, log}
//	"requestCookie" {lines: [base64], name: base64} -> {found, value: base64}
//
// A request's header lines and cookie name travel as base64 of their bytes, as node:http
// gives them (one byte a character).

import (
	"encoding/base64"
	"time"

	"hertz-sessions/compat/cookieheader"
)

func init() {
	ops["newCookie"] = newCookieOp
	ops["requestCookie"] = requestCookieOp
}

func newCookieOp(r request) (any, error) {
	var name, value string
	var options cookieheader.Options
	var nowMs int64
	for field, dst := range map[string]any{"name": &name, "value": &value, "options": &options, "nowMs": &nowMs} {
		if err := r.field(field, dst); err != nil {
			return nil, err
		}
	}
	header, logged, err := cookieheader.NewCookieAt(name, value, options, time.UnixMilli(nowMs))
	if err != nil {
		return nil, err
	}
	return map[string]any{"header": header, "log": logged}, nil
}

func requestCookieOp(r request) (any, error) {
	var encodedLines []string
	var encodedName string
	if err := r.field("lines", &encodedLines); err != nil {
		return nil, err
	}
	if err := r.field("name", &encodedName); err != nil {
		return nil, err
	}
	name, err := base64.StdEncoding.DecodeString(encodedName)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, l := range encodedLines {
		line, err := base64.StdEncoding.DecodeString(l)
		if err != nil {
			return nil, err
		}
		lines = append(lines, string(line))
	}
	value, found := cookieheader.RequestCookie(lines, string(name))
	return map[string]any{"found": found, "value": base64.StdEncoding.EncodeToString([]byte(value))}, nil
}
