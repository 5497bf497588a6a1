package main

// Vectors of the session cookie headers (test/vectors/setcookie.json):
//
//   - "newCookie": gorilla/sessions v1.2.2 sessions.NewCookie(name, value, options).String()
//     for many Options, with a fixed clock (cookieheader.NewCookieAt).
//   - "requestCookie": net/http (*Request).Cookie(name) for Cookie header lines.
//
// Regenerate: (cd compat && go run ./cmd/vectors -out ../test/vectors)

import (
	"log"
	"strings"
	"time"

	"hertz-sessions/compat/cookieheader"
)

func init() { generators["setcookie"] = setCookieVectors }

// setCookieNow is the fixed clock of the vectors (whole milliseconds, as JavaScript's).
var setCookieNow = time.Date(2025, time.March, 14, 15, 9, 26, 535_000_000, time.UTC)

type newCookieCase struct {
	Name    string               `json:"name"`
	Value   string               `json:"value"`
	Options cookieheader.Options `json:"options"`
	NowMs   int64                `json:"nowMs"`
	Header  string               `json:"header"`
	// Log holds what net/http logged while writing the header (dropped bytes, domain).
	Log []string `json:"log"`
}

type requestCookieCase struct {
	Lines []string `json:"lines"`
	Name  string   `json:"name"`
	Found bool     `json:"found"`
	Value string   `json:"value"`
}

func setCookieVectors() any {
	var cases []newCookieCase
	add := func(name, value string, o cookieheader.Options) {
		header, logged, err := cookieheader.NewCookieAt(name, value, o, setCookieNow)
		if err != nil {
			log.Fatalf("setcookie: %v", err)
		}
		cases = append(cases, newCookieCase{
			Name: name, Value: value, Options: o, NowMs: setCookieNow.UnixMilli(),
			Header: header, Log: logged,
		})
	}
	// Flags: every SameSite (zero value included) with Secure and HttpOnly.
	for sameSite := 0; sameSite <= 4; sameSite++ {
		for _, secure := range []bool{false, true} {
			for _, httpOnly := range []bool{false, true} {
				add("mysession", "MTcwMDAwMDAwMHxEdi1CQkFFQ180SUFBUkFCRUFBQUJQX0NBQUVHYzNSeWFXNW5EQVVBQTJ0bGVRWnpkSEpwYm1jTUJBQUNiMnM9fA==",
					cookieheader.Options{Path: "/", MaxAge: 86400 * 30, Secure: secure, HttpOnly: httpOnly, SameSite: sameSite})
			}
		}
	}
	// MaxAge: session cookie, future, delete now, and durations whose nanoseconds wrap int64.
	for _, maxAge := range []int{0, 1, 59, 3600, 86400 * 30, 315360000, -1, -100,
		9_223_372_036, 9_223_372_037, 20_000_000_000, 9_007_199_254_740_991} {
		add("mysession", "v", cookieheader.Options{Path: "/", MaxAge: maxAge})
	}
	// Paths, sanitized byte by byte.
	for _, path := range []string{"", "/", "/foo/bar/bat", "/a;b", "/ü", "/with space", "/tab\there", "/\"q\"", "/del\x7f"} {
		add("mysession", "v", cookieheader.Options{Path: path, MaxAge: 60})
	}
	// Domains: names, IPv4, and invalid ones Go drops.
	for _, domain := range []string{"", "localhost", "example.com", ".example.com", "1.2.3.4", "01.2.3.4",
		"256.1.1.1", "1.2.3", "::1", "[::1]", "bad_domain", "-a.com", "a-.com", "a..com", "example.com.",
		"123.com", "123", "..com", ".", "münchen.de", "a.b-c.d", strings.Repeat("a", 63) + ".com",
		strings.Repeat("a", 64) + ".com", strings.Repeat("a.", 127) + "a", strings.Repeat("a.", 128) + "a"} {
		add("mysession", "v", cookieheader.Options{Path: "/", Domain: domain})
	}
	// Values: quoting (space, comma) and dropped bytes.
	for _, value := range []string{"", "abc", "with space", "a,b", " lead", "trail ", "quote\"d", "semi;colon",
		"back\\slash", "ü", "tab\there", "=eq=", "\"already\"", "a, b;c\\d\"e f", "\x7f", "MTcw-_=="} {
		add("mysession", value, cookieheader.Options{Path: "/", MaxAge: 60})
	}
	// Names: Go writes no header for a name that is no token.
	for _, name := range []string{"mysession", "a", "ok-name_1.x!#$%&'*+^`|~", "", "bad name", "a;b", "a=b", "ü", "a\"b"} {
		add(name, "v", cookieheader.Options{Path: "/", MaxAge: 60, HttpOnly: true, SameSite: 2})
	}
	// Everything at once.
	add("mysession", "x y", cookieheader.Options{Path: "/p", Domain: ".example.org", MaxAge: -1, Secure: true, HttpOnly: true, SameSite: 4})
	add("mysession", "x", cookieheader.Options{Path: "/p", Domain: "example.org", MaxAge: 7200, Secure: true, HttpOnly: true, SameSite: 3})

	return map[string]any{"newCookie": cases, "requestCookie": requestCookieVectors()}
}

func requestCookieVectors() []requestCookieCase {
	var cases []requestCookieCase
	add := func(name string, lines ...string) {
		value, found := cookieheader.RequestCookie(lines, name)
		cases = append(cases, requestCookieCase{Lines: lines, Name: name, Found: found, Value: value})
	}
	add("mysession")
	add("mysession", "mysession=abc")
	add("mysession", "a=1; mysession=2; mysession=3")
	add("mysession", "mysession=\"quoted\"")
	add("mysession", "mysession=\"\"")
	add("mysession", "mysession=\"")
	add("mysession", "mysession=\"a")
	add("mysession", "mysession=a\"")
	add("mysession", "mysession=bad\\val; mysession=good")
	add("mysession", "mysession=bad;val")
	add("mysession", "  mysession = sp  ")
	add("mysession", "mysession")
	add("mysession", "mysession=")
	add("mysession", "x=1;;mysession=v;")
	add("mysession", "\tmysession=tab\t")
	add("mysession", "mysession=a b")
	add("mysession", "mysession=a,b")
	add("mysession", "mysession=ü; mysession=ok")
	add("mysession", "mysession=a=b=c")
	add("mysession", "mysessionx=1; xmysession=2")
	add("mysession", "MySession=case")
	add("mysession", "a=1", "mysession=2")
	add("mysession", "mysession=1", "mysession=2")
	add("mysession", "", "mysession=2")
	add("", "=empty")
	add("bad name", "bad name=1")
	add("a;b", "a;b=1")
	add("a", "a=1")
	add("mysession", strings.Repeat("a=1;", 2999)+"mysession=x")
	add("mysession", strings.Repeat("a=1;", 3000)+"mysession=x")
	add("mysession", strings.Repeat("a=1;", 1500), strings.Repeat("a=1;", 1499)+"mysession=x")
	add("mysession", strings.Repeat("a=1;", 1500), strings.Repeat("a=1;", 1500)+"mysession=x")
	return cases
}
