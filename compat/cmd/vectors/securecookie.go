package main

// Vectors of gorilla/securecookie v1.1.2 (test/vectors/securecookie.json):
//
//   - "cases": cookies made by real securecookie (hash-only, AES-128/192/256, several hash
//     functions, key rotation, the JSON, Nop and Gob encoders), each with the typed JSON
//     (package tjson) of the value Go decodes back from it. Cookies carry their creation
//     time: decode them with MaxAge(0).
//   - "errors": malformed or rejected cookies, each with the error Go's Decode returns
//     (text and kind). "exact" is false where the innermost text comes from a serializer's
//     parser (JSON syntax errors, gob errors) rather than from securecookie.
//   - "encodeErrors": values and codecs Go's Encode refuses, with Go's error.
//   - "multiErrors": MultiError values of 0 to 4 elements (nil ones too), with their text
//     and kinds.
//
// A cookie whose parts cannot come out of Encode (a non-numeric timestamp, a garbage
// payload) is built by signCookie, which signs like Encode; the generator checks that
// signCookie agrees with Encode.
//
// Regenerate: (cd compat && go run ./cmd/vectors -out ../test/vectors)

import (
	"crypto/hmac"
	"encoding/base64"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/securecookie"

	"hertz-sessions/compat/cookiecodecs"
	"hertz-sessions/compat/tjson"
)

func init() {
	// As gorilla/sessions does for flashes; time.Time so sessions may hold times.
	gob.Register([]interface{}{})
	gob.Register(time.Time{})
	generators["securecookie"] = secureCookieVectors
}

// scSpec is how a test builds the codecs: CodecsFromPairs(keyPairs...) (hex keys, null for
// nil), then on each codec the encoder, hash, and limits present.
type scSpec struct {
	Name      string    `json:"name"`
	KeyPairs  []*string `json:"keyPairs"`
	HashFunc  string    `json:"hashFunc,omitempty"`
	Encoder   string    `json:"encoder"`
	MaxAge    *int      `json:"maxAge,omitempty"`
	MinAge    *int      `json:"minAge,omitempty"`
	MaxLength *int      `json:"maxLength,omitempty"`
	// Multi: EncodeMulti/DecodeMulti over all codecs; else the first codec alone.
	Multi bool `json:"multi,omitempty"`
	// Dst: what Go decodes into: "session" (map[interface{}]interface{}), "any"
	// (interface{}), "bytes" ([]byte), "string".
	Dst string `json:"dst,omitempty"`
}

type scCase struct {
	Label string `json:"label"`
	scSpec
	Cookie string      `json:"cookie"`
	Value  tjson.Value `json:"value"`
	// JSON: the decoded value as JSON (json encoder cases).
	JSON json.RawMessage `json:"json,omitempty"`
}

type scErrCase struct {
	Label string `json:"label"`
	scSpec
	Cookie string             `json:"cookie"`
	Exact  bool               `json:"exact"`
	Error  cookiecodecs.Error `json:"error"`
}

type scEncodeErrCase struct {
	Label string `json:"label"`
	scSpec
	// Value is JSON turned into a Go value by As: "json" (interface{}), "bytes" (standard
	// base64 -> []byte), "session" (objects -> map[interface{}]interface{}).
	Value json.RawMessage    `json:"value"`
	As    string             `json:"as"`
	Error cookiecodecs.Error `json:"error"`
}

type scVectors struct {
	Regenerate   string            `json:"regenerate"`
	Cases        []scCase          `json:"cases"`
	Errors       []scErrCase       `json:"errors"`
	EncodeErrors []scEncodeErrCase `json:"encodeErrors"`
	MultiErrors  []scMultiErrCase  `json:"multiErrors"`
}

// scMultiErrCase is a securecookie.MultiError built directly: its elements by text (null
// for a nil error; "plain: ..." texts are errors.New values, the others securecookie's).
type scMultiErrCase struct {
	Errors []*string          `json:"errors"`
	Error  cookiecodecs.Error `json:"error"`
}

// Keys of the vectors (fixed, so the files only change by IVs and timestamps).
var (
	scHash    = []byte("hash-key-for-the-vectors-0123456") // 32 bytes
	scHash2   = []byte("another-hash-key-of-64-bytes-0123456789abcdef0123456789abcdef0123")
	scHashOld = []byte("old-hash-key")
	scAES128  = []byte("aes-128-key-0123")
	scAES192  = []byte("aes-192-key-0123456789ab")
	scAES256  = []byte("aes-256-key-0123456789abcdef0123")
	scAESOld  = []byte("old-aes-256-key-0123456789abcdef")
)

func hexKey(k []byte) *string {
	if k == nil {
		return nil
	}
	s := hex.EncodeToString(k)
	return &s
}

func pairs(keys ...[]byte) []*string {
	out := make([]*string, len(keys))
	for i, k := range keys {
		out[i] = hexKey(k)
	}
	return out
}

func intp(n int) *int { return &n }

// codecs builds the codecs of spec (the specs here are fixed: an error is a bug).
func (spec scSpec) codecs() []securecookie.Codec {
	codecs, err := cookiecodecs.Settings{
		KeyPairs:  spec.KeyPairs,
		HashFunc:  spec.HashFunc,
		Encoder:   spec.Encoder,
		MaxAge:    spec.MaxAge,
		MinAge:    spec.MinAge,
		MaxLength: spec.MaxLength,
	}.Codecs()
	if err != nil {
		log.Fatal(err)
	}
	return codecs
}

func (spec scSpec) encode(value any) (string, error) {
	codecs := spec.codecs()
	if spec.Multi {
		return securecookie.EncodeMulti(spec.Name, value, codecs...)
	}
	return codecs[0].Encode(spec.Name, value)
}

func (spec scSpec) dst() any {
	switch spec.Dst {
	case "session":
		return new(map[interface{}]interface{})
	case "bytes":
		return new([]byte)
	case "string":
		return new(string)
	}
	return new(any)
}

func (spec scSpec) decode(cookie string) (any, error) {
	dst := spec.dst()
	codecs := spec.codecs()
	var err error
	if spec.Multi {
		err = securecookie.DecodeMulti(spec.Name, cookie, dst, codecs...)
	} else {
		err = codecs[0].Decode(spec.Name, cookie, dst)
	}
	switch p := dst.(type) {
	case *map[interface{}]interface{}:
		return *p, err
	case *[]byte:
		return *p, err
	case *string:
		return *p, err
	case *any:
		return *p, err
	}
	return nil, err
}

// signCookie builds the cookie Encode would for the raw parts: base64url(date "|" value "|"
// HMAC(name "|" date "|" value)), value being the (already base64) payload part.
func signCookie(name string, hashKey []byte, hashFunc string, date string, value string) string {
	h := cookiecodecs.Hashes["sha256"]
	if hashFunc != "" {
		h = cookiecodecs.Hashes[hashFunc]
	}
	mac := hmac.New(h, hashKey)
	mac.Write([]byte(name + "|" + date + "|" + value))
	b := append([]byte(date+"|"+value+"|"), mac.Sum(nil)...)
	return base64.URLEncoding.EncodeToString(b)
}

func b64(b []byte) string { return base64.URLEncoding.EncodeToString(b) }

func scJSONValue() any {
	var v any
	src := `{"foo": "bar", "baz": 128, "html": "<a href=\"x\">&amp;</a>\u2028\u2029",
		"list": [1, "two", null, true, false, 2.5, -0.001], "nested": {"x": -1.5e-7, "y": 1e21, "z": {}},
		"unicode": "héllo wörld 世界 😀", "ctl": "tab\tnl\ncr\rnul\u0000del\u007f", "empty": ""}`
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		log.Fatal(err)
	}
	return v
}

func scSession() map[interface{}]interface{} {
	return map[interface{}]interface{}{
		"user":     "gopher",
		"count":    42,
		"negative": -7,
		"big":      9007199254740993,     // 2^53 + 1, an int beyond float64 precision
		"min64":    int64(-1 << 63),      // int64
		"maxU64":   uint64(1<<64 - 1),    // uint64
		"ratio":    1.5,                  // float64
		"whole":    2.0,                  // float64 with an integral value
		"yes":      true,                 //
		"bytes":    []byte{0, 1, 2, 255}, //
		"nothing":  nil,                  // nil interface
		"empty":    map[interface{}]interface{}{},
		"_flash":   []interface{}{"saved", "again", 3},
		"when":     time.Date(2024, time.March, 14, 15, 9, 26, 535897932, time.UTC),
		"zoned":    time.Date(2023, time.December, 31, 23, 59, 59, 1, time.FixedZone("", -5*3600)),
		7:          "int key",
	}
}

func secureCookieVectors() any {
	v := scVectors{Regenerate: "(cd compat && go run ./cmd/vectors -out ../test/vectors)"}

	addCase := func(label string, spec scSpec, value any, encodeWith func() (string, error)) {
		if encodeWith == nil {
			encodeWith = func() (string, error) { return spec.encode(value) }
		}
		cookie, err := encodeWith()
		if err != nil {
			log.Fatalf("securecookie %s: encode: %v", label, err)
		}
		spec.MaxAge = intp(0)
		got, err := spec.decode(cookie)
		if err != nil {
			log.Fatalf("securecookie %s: decode: %v", label, err)
		}
		c := scCase{Label: label, scSpec: spec, Cookie: cookie, Value: tjson.Of(got)}
		if spec.Encoder == "json" {
			c.JSON, _ = json.Marshal(got)
		}
		v.Cases = append(v.Cases, c)
	}

	jsonValue := scJSONValue()
	allBytes := make([]byte, 256)
	for i := range allBytes {
		allBytes[i] = byte(i)
	}

	// Key sizes and hash functions.
	addCase("json/hash-only", scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json"}, jsonValue, nil)
	addCase("json/aes-128", scSpec{Name: "session", KeyPairs: pairs(scHash, scAES128), Encoder: "json"}, jsonValue, nil)
	addCase("json/aes-192", scSpec{Name: "session", KeyPairs: pairs(scHash, scAES192), Encoder: "json"}, jsonValue, nil)
	addCase("json/aes-256", scSpec{Name: "session", KeyPairs: pairs(scHash, scAES256), Encoder: "json"}, jsonValue, nil)
	for _, h := range []string{"sha1", "sha512", "sha224", "sha384", "sha512-224", "sha512-256", "md5", "sha3-256"} {
		addCase("json/hash-"+h+"/aes-256", scSpec{Name: "session", KeyPairs: pairs(scHash2, scAES256), HashFunc: h, Encoder: "json"}, jsonValue, nil)
	}

	// Key rotation: the cookie was made by the old pair, the codecs list the new one first.
	rot := scSpec{Name: "session", KeyPairs: pairs(scHash, scAES256, scHashOld, scAESOld), Encoder: "json", Multi: true}
	addCase("rotation/old-pair", rot, jsonValue, func() (string, error) { return rot.codecs()[1].Encode("session", jsonValue) })
	addCase("rotation/new-pair", rot, jsonValue, nil)
	odd := scSpec{Name: "session", KeyPairs: pairs(scHash, scAES256, scHashOld), Encoder: "json", Multi: true}
	addCase("rotation/odd-pairs-old-without-block-key", odd, jsonValue, func() (string, error) { return odd.codecs()[1].Encode("session", jsonValue) })

	// Names: the MAC covers the name's bytes.
	addCase("name/utf8-and-pipe", scSpec{Name: "séssion|ñ 😀", KeyPairs: pairs(scHash), Encoder: "json"}, jsonValue, nil)
	addCase("name/empty", scSpec{Name: "", KeyPairs: pairs(scHash, scAES128), Encoder: "json"}, jsonValue, nil)

	// Beyond MaxLength's default, with MaxLength(0).
	addCase("maxlength-0/long-value", scSpec{Name: "session", KeyPairs: pairs(scHash, scAES256), Encoder: "json", MaxLength: intp(0)},
		strings.Repeat("long value ", 600), nil)

	// NopEncoder.
	addCase("nop/hash-only", scSpec{Name: "raw", KeyPairs: pairs(scHash), Encoder: "nop", Dst: "bytes"}, allBytes, nil)
	addCase("nop/aes-256", scSpec{Name: "raw", KeyPairs: pairs(scHash, scAES256), Encoder: "nop", Dst: "bytes"}, allBytes, nil)
	addCase("nop/empty/hash-only", scSpec{Name: "raw", KeyPairs: pairs(scHash), Encoder: "nop", Dst: "bytes"}, []byte{}, nil)

	// GobEncoder (the default), with a session's values.
	addCase("gob/session/hash-only", scSpec{Name: "session", KeyPairs: pairs(scHash), Dst: "session"}, scSession(), nil)
	addCase("gob/session/aes-256", scSpec{Name: "session", KeyPairs: pairs(scHash, scAES256), Dst: "session"}, scSession(), nil)
	addCase("gob/empty-session/aes-128", scSpec{Name: "session", KeyPairs: pairs(scHash, scAES128), Dst: "session"}, map[interface{}]interface{}{}, nil)
	addCase("gob/string/aes-192", scSpec{Name: "session", KeyPairs: pairs(scHash, scAES192), Dst: "string"}, "just a string", nil)

	// Quirks of Go's base64 and timestamp handling that still decode.
	quirk := scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json"}
	addCase("quirk/newlines-in-base64", quirk, jsonValue, func() (string, error) {
		c, err := quirk.encode(jsonValue)
		return c[:8] + "\n" + c[8:16] + "\r\n" + c[16:] + "\n", err
	})
	addCase("quirk/nonzero-trailing-bits", quirk, jsonValue, func() (string, error) {
		// A cookie ending in "=": its last data character carries 2 unused bits; set them.
		for {
			c, err := quirk.encode(map[string]any{"pad": strings.Repeat("x", int(time.Now().UnixNano()%7))})
			if err != nil || !strings.HasSuffix(c, "=") || strings.HasSuffix(c, "==") {
				continue
			}
			const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
			i := len(c) - 2
			d := strings.IndexByte(alphabet, c[i]) | 0b11
			return c[:i] + string(alphabet[d]) + c[i+1:], nil
		}
	})
	jsonPayload, _ := securecookie.JSONEncoder{}.Serialize(map[string]any{"a": 1})
	addCase("quirk/future-timestamp-without-minage", quirk, nil, func() (string, error) {
		return signCookie("session", scHash, "", "4102444800", b64(jsonPayload)), nil
	})
	addCase("quirk/plus-sign-timestamp", quirk, nil, func() (string, error) {
		return signCookie("session", scHash, "", "+"+strconv.FormatInt(time.Now().Unix(), 10), b64(jsonPayload)), nil
	})

	// signCookie agrees with Encode.
	if c := signCookie("session", scHash, "", strconv.FormatInt(time.Now().Unix(), 10), b64(jsonPayload)); true {
		if _, err := (scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json"}).decode(c); err != nil {
			log.Fatalf("securecookie: signCookie disagrees with Decode: %v", err)
		}
		real, _ := (scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json"}).encode(map[string]any{"a": 1})
		if !strings.HasPrefix(c, real[:8]) || len(c) != len(real) {
			log.Fatalf("securecookie: signCookie disagrees with Encode: %s vs %s", c, real)
		}
	}

	// Errors of Decode.
	addErr := func(label string, spec scSpec, cookie string, exact bool) {
		_, err := spec.decode(cookie)
		if err == nil {
			log.Fatalf("securecookie %s: expected a decode error", label)
		}
		v.Errors = append(v.Errors, scErrCase{Label: label, scSpec: spec, Cookie: cookie, Exact: exact, Error: cookiecodecs.Describe(err)})
	}
	base := scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json"}
	good, _ := base.encode(map[string]any{"a": 1})
	raw, _ := base64.URLEncoding.DecodeString(good)
	now := strconv.FormatInt(time.Now().Unix(), 10)
	sign := func(date, value string) string { return signCookie("session", scHash, "", date, value) }

	tampered := append([]byte(nil), raw...)
	tampered[len(tampered)-1] ^= 1
	addErr("mac/tampered", base, b64(tampered), true)
	addErr("mac/wrong-name", scSpec{Name: "other", KeyPairs: pairs(scHash), Encoder: "json"}, good, true)
	addErr("mac/other-hash-key", scSpec{Name: "session", KeyPairs: pairs(scHash2), Encoder: "json"}, good, true)
	addErr("mac/other-hash-func", scSpec{Name: "session", KeyPairs: pairs(scHash), HashFunc: "sha1", Encoder: "json"}, good, true)
	addErr("mac/truncated-mac", base, good[:len(good)-4], true)
	addErr("parts/empty-cookie", base, "", true)
	addErr("parts/none", base, b64([]byte("cookie")), true)
	addErr("parts/one-pipe", base, b64([]byte("123|abc")), true)
	addErr("parts/two-pipes-bad-mac", base, b64([]byte("||")), true)

	addErr("base64/truncated-1", base, good[:len(good)-1], true)
	for n := len(raw); n > 0; n-- { // a cookie with padding, then without it
		if padded := b64(raw[:n]); strings.HasSuffix(padded, "=") {
			addErr("base64/missing-padding", base, strings.TrimRight(padded, "="), true)
			break
		}
	}
	addErr("base64/invalid-char", base, good[:10]+"*"+good[10:], true)
	addErr("base64/std-alphabet", base, "AAAA+AAA", true)
	addErr("base64/std-alphabet-slash", base, "AAAAAAAA/AAA", true)
	addErr("base64/padding-in-middle", base, "AA==AAAA", true)
	addErr("base64/padding-only", base, "====", true)
	addErr("base64/one-char", base, "A", true)
	addErr("base64/three-equals", base, "A===", true)
	addErr("base64/single-equals-then-end", base, "AA=", true)
	addErr("base64/equals-then-garbage", base, "AA=x", true)
	addErr("base64/trailing-after-padding", base, "AAA=\nA", true)
	addErr("base64/non-ascii", base, "AAAAé", true)
	addErr("base64/non-ascii-first", base, "éAAA", true)
	addErr("base64/space", base, " ", true)
	addErr("base64/newline-only-partial", base, "\nA\n", true)

	addErr("timestamp/non-numeric", base, sign("abc", b64(jsonPayload)), true)
	addErr("timestamp/empty", base, sign("", b64(jsonPayload)), true)
	addErr("timestamp/sign-only", base, sign("-", b64(jsonPayload)), true)
	addErr("timestamp/overflow", base, sign("9223372036854775808", b64(jsonPayload)), true)
	addErr("timestamp/hex", base, sign("0x10", b64(jsonPayload)), true)
	addErr("timestamp/underscore", base, sign("1_000", b64(jsonPayload)), true)
	addErr("timestamp/space", base, sign(" 100", b64(jsonPayload)), true)
	addErr("timestamp/plus-sign-expired", base, sign("+1000", b64(jsonPayload)), true)
	addErr("timestamp/expired", base, sign("1000", b64(jsonPayload)), true)
	addErr("timestamp/negative-expired", base, sign("-5", b64(jsonPayload)), true)
	addErr("timestamp/int64-min-expired", base, sign("-9223372036854775808", b64(jsonPayload)), true)
	addErr("timestamp/leading-zeros-expired", base, sign("0000000000000000000001000", b64(jsonPayload)), true)
	addErr("timestamp/expired-maxage-60", scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json", MaxAge: intp(60)},
		sign(strconv.FormatInt(time.Now().Unix()-3600, 10), b64(jsonPayload)), true)
	minAge := scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json", MinAge: intp(1 << 31)}
	// MinAge of 2^31 s: a cookie of today stays "too new" for 68 years.
	addErr("timestamp/too-new", minAge, sign(now, b64(jsonPayload)), true)
	addErr("timestamp/too-new-future", minAge, sign("4102444800", b64(jsonPayload)), true)
	addErr("timestamp/int64-max-too-new", minAge, sign("9223372036854775807", b64(jsonPayload)), true)

	addErr("length/too-long", scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json", MaxLength: intp(40)}, good, true)
	addErr("length/too-long-before-base64", scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json", MaxLength: intp(10)}, "!!!!!!!!!!!!", true)
	addErr("length/non-ascii-bytes-counted", scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json", MaxLength: intp(10)}, "éééééé", true)
	addErr("length/non-ascii-at-limit", scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json", MaxLength: intp(10)}, "ééééé", true)
	addErr("length/default-4096", base, strings.Repeat("A", 4097), true)

	// The payload errors come after the timestamp check: MaxAge(0) keeps these cookies
	// valid that far however old the vectors get.
	base0 := scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json", MaxAge: intp(0)}
	addErr("payload/bad-base64", base0, sign(now, "!!!!"), true)
	addErr("payload/missing-padding", base0, sign(now, strings.TrimRight(b64([]byte("xx")), "=")), true)
	addErr("payload/garbage-json", base0, sign(now, b64([]byte("not json{"))), false)
	addErr("payload/empty-json", base0, sign(now, ""), true)
	aes := scSpec{Name: "session", KeyPairs: pairs(scHash, scAES256), Encoder: "json", MaxAge: intp(0)}
	addErr("payload/too-short-to-decrypt", aes, sign(now, b64(make([]byte, 16))), true)
	addErr("payload/empty-to-decrypt", aes, sign(now, ""), true)
	encrypted, _ := aes.encode(jsonValue)
	addErr("payload/wrong-block-key", scSpec{Name: "session", KeyPairs: pairs(scHash, scAESOld), Encoder: "json", MaxAge: intp(0)}, encrypted, false)
	nopAES := scSpec{Name: "raw", KeyPairs: pairs(scHash, scAES256), Encoder: "nop", Dst: "bytes", MaxAge: intp(0)}
	emptyEncrypted, _ := nopAES.encode([]byte{})
	addErr("payload/nop-empty-value-encrypted", nopAES, emptyEncrypted, true)
	addErr("payload/garbage-gob", scSpec{Name: "session", KeyPairs: pairs(scHash), Dst: "session", MaxAge: intp(0)}, sign(now, b64([]byte("garbage"))), false)

	addErr("keys/no-hash-key", scSpec{Name: "session", KeyPairs: pairs(nil), Encoder: "json"}, good, true)
	addErr("keys/empty-hash-key", scSpec{Name: "session", KeyPairs: pairs([]byte{}), Encoder: "json"}, good, true)
	addErr("keys/bad-block-key", scSpec{Name: "session", KeyPairs: pairs(scHash, []byte("0123456789")), Encoder: "json"}, good, true)
	addErr("keys/empty-block-key", scSpec{Name: "session", KeyPairs: pairs(scHash, []byte{}), Encoder: "json"}, good, true)
	addErr("keys/no-hash-key-bad-block-key", scSpec{Name: "session", KeyPairs: pairs(nil, []byte("0123456789abcdef0")), Encoder: "json"}, good, true)

	addErr("multi/all-fail-2", scSpec{Name: "session", KeyPairs: pairs(scHash2, nil, scHashOld), Encoder: "json", Multi: true}, good, true)
	addErr("multi/all-fail-3", scSpec{Name: "session", KeyPairs: pairs(scHash2, nil, scHashOld, nil, scHashOld, scAES128), Encoder: "json", Multi: true}, good, true)
	addErr("multi/no-codecs", scSpec{Name: "session", KeyPairs: pairs(), Encoder: "json", Multi: true}, good, true)
	addErr("multi/usage-and-decode", scSpec{Name: "session", KeyPairs: pairs(nil, nil, scHash2), Encoder: "json", Multi: true}, good, true)
	addErr("multi/too-long-has-no-kind", scSpec{Name: "session", KeyPairs: pairs(scHash, nil, scHash2), Encoder: "json", Multi: true, MaxLength: intp(10)}, good, true)

	// Errors of Encode.
	addEncErr := func(label string, spec scSpec, value string, as string, goValue any) {
		_, err := spec.encode(goValue)
		if err == nil {
			log.Fatalf("securecookie %s: expected an encode error", label)
		}
		v.EncodeErrors = append(v.EncodeErrors, scEncodeErrCase{Label: label, scSpec: spec, Value: json.RawMessage(value), As: as, Error: cookiecodecs.Describe(err)})
	}
	addEncErr("keys/no-hash-key", scSpec{Name: "session", KeyPairs: pairs(nil), Encoder: "json"}, `{"a":1}`, "json", map[string]any{"a": 1.0})
	addEncErr("keys/empty-hash-key", scSpec{Name: "session", KeyPairs: pairs([]byte{}), Encoder: "json"}, `{"a":1}`, "json", map[string]any{"a": 1.0})
	addEncErr("keys/bad-block-key", scSpec{Name: "session", KeyPairs: pairs(scHash, []byte("0123456789")), Encoder: "json"}, `{"a":1}`, "json", map[string]any{"a": 1.0})
	addEncErr("nop/not-bytes", scSpec{Name: "raw", KeyPairs: pairs(scHash), Encoder: "nop"}, `"abc"`, "json", "abc")
	long := strings.Repeat("x", 3000)
	addEncErr("length/too-long", scSpec{Name: "session", KeyPairs: pairs(scHash, scAES256), Encoder: "json"},
		fmt.Sprintf(`{"a":%q}`, long), "json", map[string]any{"a": long})
	addEncErr("length/too-long-maxlength-50", scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json", MaxLength: intp(50)},
		`{"a":1}`, "json", map[string]any{"a": 1.0})
	addEncErr("json/unsupported-session-map", scSpec{Name: "session", KeyPairs: pairs(scHash), Encoder: "json"},
		`{"a":1}`, "session", map[interface{}]interface{}{"a": 1})
	addEncErr("multi/no-codecs", scSpec{Name: "session", KeyPairs: pairs(), Encoder: "json", Multi: true}, `{"a":1}`, "json", map[string]any{"a": 1.0})
	addEncErr("multi/no-hash-keys", scSpec{Name: "session", KeyPairs: pairs(nil, nil, []byte{}), Encoder: "json", Multi: true}, `{"a":1}`, "json", map[string]any{"a": 1.0})
	addEncErr("multi/too-long", scSpec{Name: "session", KeyPairs: pairs(scHash, nil, scHash2), Encoder: "json", Multi: true, MaxLength: intp(50)},
		`{"a":1}`, "json", map[string]any{"a": 1.0})

	// MultiError composition.
	_, hashKeyNotSet := securecookie.New(nil, nil).Encode("x", 1)
	_, tooLong := (scSpec{Name: "s", KeyPairs: pairs(scHash), Encoder: "json", MaxLength: intp(10)}).encode(1)
	plain := errors.New("plain: not a securecookie error")
	for _, list := range [][]error{
		{}, {nil}, {securecookie.ErrMacInvalid}, {nil, hashKeyNotSet},
		{plain, securecookie.ErrMacInvalid}, {tooLong, plain},
		{securecookie.ErrMacInvalid, hashKeyNotSet, nil, plain},
		{securecookie.MultiError{hashKeyNotSet}, plain},
	} {
		c := scMultiErrCase{Errors: []*string{}, Error: cookiecodecs.Describe(securecookie.MultiError(list))}
		for _, e := range list {
			if e == nil {
				c.Errors = append(c.Errors, nil)
			} else {
				t := e.Error()
				c.Errors = append(c.Errors, &t)
			}
		}
		v.MultiErrors = append(v.MultiErrors, c)
	}
	return v
}
