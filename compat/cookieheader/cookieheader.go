// Package cookieheader is Go's side of the session cookie headers, for the commands that
// describe them to the tests (cmd/vectors, cmd/gocodec): gorilla/sessions v1.2.2
// sessions.NewCookie(name, value, options).String() at a given clock, and net/http
// (*Request).Cookie(name) for Cookie header lines.
package cookieheader

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/gorilla/sessions"
)

// Options are sessions.Options with SameSite as a number (http.SameSite).
type Options struct {
	Path     string
	Domain   string
	MaxAge   int
	Secure   bool
	HttpOnly bool
	SameSite int
}

// NewCookieAt is sessions.NewCookie(name, value, o).String() with the clock at now, and what
// net/http logged while writing the header (dropped bytes, domain). NewCookie reads
// time.Now() for Expires, so the header is built the same way with the given clock:
// NewCookie, then Expires = now.Add(time.Duration(MaxAge) * time.Second) when MaxAge > 0
// (what NewCookie does with time.Now()), after checking that NewCookie's own Expires is that
// construction against the real clock.
func NewCookieAt(name, value string, o Options, now time.Time) (string, []string, error) {
	opts := &sessions.Options{
		Path: o.Path, Domain: o.Domain, MaxAge: o.MaxAge,
		Secure: o.Secure, HttpOnly: o.HttpOnly, SameSite: http.SameSite(o.SameSite),
	}
	before := time.Now()
	c := sessions.NewCookie(name, value, opts)
	after := time.Now()
	if o.MaxAge > 0 {
		d := time.Duration(o.MaxAge) * time.Second
		if c.Expires.Before(before.Add(d)) || c.Expires.After(after.Add(d)) {
			return "", nil, fmt.Errorf("NewCookie's Expires %v is not time.Now()+%v", c.Expires, d)
		}
		c.Expires = now.Add(d)
	}
	var logged strings.Builder
	log.SetOutput(&logged)
	log.SetFlags(0)
	header := c.String()
	log.SetOutput(os.Stderr)
	log.SetFlags(log.LstdFlags)
	lines := []string{}
	if logged.Len() > 0 {
		lines = strings.Split(strings.TrimSuffix(logged.String(), "\n"), "\n")
	}
	return header, lines, nil
}

// RequestCookie is r.Cookie(name) of a request whose Cookie header has these lines (nil:
// none): the value, and whether Go found it.
func RequestCookie(lines []string, name string) (string, bool) {
	r := &http.Request{Header: http.Header{}}
	if lines != nil {
		r.Header["Cookie"] = lines
	}
	c, err := r.Cookie(name)
	if err != nil {
		return "", false
	}
	return c.Value, true
}
