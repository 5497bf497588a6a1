package main

// Ops of gorilla/securecookie v1.1.2 (the cookie codec of hertz-contrib/sessions):
//
//	"cookieEncode" {spec..., value, as?} -> {"cookie": string} or {"error": cookieErr}
//	"cookieDecode" {spec..., cookie, dst?} -> {"value": tjson} or {"error": cookieErr}
//
// spec (all but name optional):
//
//	name       the cookie name
//	keyPairs   hex keys for securecookie.CodecsFromPairs: hash, block, hash, block...;
//	           null is a nil key ("" is an empty, non-nil one)
//	hashFunc   "sha256" (default), "sha1", "sha224", "sha384", "sha512", "sha512-224",
//	           "sha512-256", "md5", "sha3-256", ...: Go's constructor of that hash
//	encoder    "gob" (default), "json" or "nop"
//	maxAge, minAge, maxLength   applied to every codec when present
//	multi      true: EncodeMulti/DecodeMulti over all codecs; false: the first codec only
//
// value is JSON, turned into a Go value by `as`: "session" (default with gob: objects
// become map[interface{}]interface{}, integral numbers int, others float64, arrays
// []interface{}), "json" (default with json: json.Unmarshal into interface{}) or "bytes"
// (default with nop: a standard base64 string -> []byte). dst is what Decode fills:
// "session" (gob's default: map[interface{}]interface{}), "any" (json's default:
// interface{}), "bytes" (nop's default: []byte), "string" or "strmap" (map[string]interface{}).
//
// cookieErr is {"text": err.Error(), "kinded": implements securecookie.Error, "usage",
// "decode", "internal": its IsUsage/IsDecode/IsInternal}.

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/base64"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"math"
	"time"

	"github.com/gorilla/securecookie"

	"hertz-sessions/compat/tjson"
)

func init() {
	// As gorilla/sessions does for flashes; time.Time so sessions may hold times.
	gob.Register([]interface{}{})
	gob.Register(time.Time{})
	ops["cookieEncode"] = cookieEncodeOp
	ops["cookieDecode"] = cookieDecodeOp
}

type cookieSpec struct {
	Name      string    `json:"name"`
	KeyPairs  []*string `json:"keyPairs"`
	HashFunc  string    `json:"hashFunc"`
	Encoder   string    `json:"encoder"`
	MaxAge    *int      `json:"maxAge"`
	MinAge    *int      `json:"minAge"`
	MaxLength *int      `json:"maxLength"`
	Multi     bool      `json:"multi"`
}

type cookieErr struct {
	Text     string `json:"text"`
	Kinded   bool   `json:"kinded"`
	Usage    bool   `json:"usage"`
	Decode   bool   `json:"decode"`
	Internal bool   `json:"internal"`
}

func describeCookieErr(err error) *cookieErr {
	e := &cookieErr{Text: err.Error()}
	if k, ok := err.(securecookie.Error); ok {
		e.Kinded, e.Usage, e.Decode, e.Internal = true, k.IsUsage(), k.IsDecode(), k.IsInternal()
	}
	return e
}

var cookieHashes = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"sha3-224":   func() hash.Hash { return sha3.New224() },
	"sha3-256":   func() hash.Hash { return sha3.New256() },
	"sha3-384":   func() hash.Hash { return sha3.New384() },
	"sha3-512":   func() hash.Hash { return sha3.New512() },
}

// codecs builds the configured securecookie codecs of spec.
func (spec cookieSpec) codecs() ([]securecookie.Codec, error) {
	keys := make([][]byte, len(spec.KeyPairs))
	for i, k := range spec.KeyPairs {
		if k == nil {
			continue
		}
		b, err := hex.DecodeString(*k)
		if err != nil {
			return nil, fmt.Errorf("keyPairs[%d]: %v", i, err)
		}
		keys[i] = b
	}
	codecs := securecookie.CodecsFromPairs(keys...)
	for _, c := range codecs {
		s := c.(*securecookie.SecureCookie)
		switch spec.Encoder {
		case "", "gob":
		case "json":
			s.SetSerializer(securecookie.JSONEncoder{})
		case "nop":
			s.SetSerializer(securecookie.NopEncoder{})
		default:
			return nil, fmt.Errorf("unknown encoder %q", spec.Encoder)
		}
		if spec.HashFunc != "" {
			h, ok := cookieHashes[spec.HashFunc]
			if !ok {
				return nil, fmt.Errorf("unknown hashFunc %q", spec.HashFunc)
			}
			s.HashFunc(h)
		}
		if spec.MaxAge != nil {
			s.MaxAge(*spec.MaxAge)
		}
		if spec.MinAge != nil {
			s.MinAge(*spec.MinAge)
		}
		if spec.MaxLength != nil {
			s.MaxLength(*spec.MaxLength)
		}
	}
	return codecs, nil
}

func (spec cookieSpec) encode(value any) (string, error) {
	codecs, err := spec.codecs()
	if err != nil {
		return "", err
	}
	if spec.Multi || len(codecs) == 0 {
		return securecookie.EncodeMulti(spec.Name, value, codecs...)
	}
	return codecs[0].Encode(spec.Name, value)
}

func (spec cookieSpec) decode(cookie string, dst any) error {
	codecs, err := spec.codecs()
	if err != nil {
		return err
	}
	if spec.Multi || len(codecs) == 0 {
		return securecookie.DecodeMulti(spec.Name, cookie, dst, codecs...)
	}
	return codecs[0].Decode(spec.Name, cookie, dst)
}

// sessionValue turns decoded JSON (with json.Number) into the Go types of a session.
func sessionValue(v any) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[interface{}]interface{}, len(v))
		for k, e := range v {
			sv, err := sessionValue(e)
			if err != nil {
				return nil, err
			}
			m[k] = sv
		}
		return m, nil
	case []any:
		l := make([]interface{}, len(v))
		for i, e := range v {
			sv, err := sessionValue(e)
			if err != nil {
				return nil, err
			}
			l[i] = sv
		}
		return l, nil
	case json.Number:
		if i, err := v.Int64(); err == nil && i >= math.MinInt && i <= math.MaxInt {
			return int(i), nil
		}
		return v.Float64()
	}
	return v, nil
}

func cookieValue(raw json.RawMessage, as, encoder string) (any, error) {
	if as == "" {
		as = map[string]string{"": "session", "gob": "session", "json": "json", "nop": "bytes"}[encoder]
	}
	switch as {
	case "session":
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		return sessionValue(v)
	case "json":
		var v any
		err := json.Unmarshal(raw, &v)
		return v, err
	case "bytes":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return base64.StdEncoding.DecodeString(s)
	}
	return nil, fmt.Errorf("unknown value kind %q", as)
}

func cookieDst(dst, encoder string) (any, error) {
	if dst == "" {
		dst = map[string]string{"": "session", "gob": "session", "json": "any", "nop": "bytes"}[encoder]
	}
	switch dst {
	case "session":
		return new(map[interface{}]interface{}), nil
	case "any":
		return new(any), nil
	case "bytes":
		return new([]byte), nil
	case "string":
		return new(string), nil
	case "strmap":
		return new(map[string]interface{}), nil
	}
	return nil, fmt.Errorf("unknown dst %q", dst)
}

func cookieSpecOf(r request) (cookieSpec, error) {
	var spec cookieSpec
	raw, err := json.Marshal(r)
	if err == nil {
		err = json.Unmarshal(raw, &spec)
	}
	return spec, err
}

func cookieEncodeOp(r request) (any, error) {
	spec, err := cookieSpecOf(r)
	if err != nil {
		return nil, err
	}
	var raw json.RawMessage
	var as string
	if err := r.field("value", &raw); err != nil {
		return nil, err
	}
	if _, ok := r["as"]; ok {
		if err := r.field("as", &as); err != nil {
			return nil, err
		}
	}
	value, err := cookieValue(raw, as, spec.Encoder)
	if err != nil {
		return nil, err
	}
	cookie, err := spec.encode(value)
	if err != nil {
		return map[string]any{"error": describeCookieErr(err)}, nil
	}
	return map[string]any{"cookie": cookie}, nil
}

func cookieDecodeOp(r request) (any, error) {
	spec, err := cookieSpecOf(r)
	if err != nil {
		return nil, err
	}
	var cookie, dstKind string
	if err := r.field("cookie", &cookie); err != nil {
		return nil, err
	}
	if _, ok := r["dst"]; ok {
		if err := r.field("dst", &dstKind); err != nil {
			return nil, err
		}
	}
	dst, err := cookieDst(dstKind, spec.Encoder)
	if err != nil {
		return nil, err
	}
	if err := spec.decode(cookie, dst); err != nil {
		return map[string]any{"error": describeCookieErr(err)}, nil
	}
	return map[string]any{"value": tjson.Of(reflectElem(dst))}, nil
}

// reflectElem returns what the pointer dst points to.
func reflectElem(dst any) any {
	switch p := dst.(type) {
	case *map[interface{}]interface{}:
		return *p
	case *any:
		return *p
	case *[]byte:
		return *p
	case *string:
		return *p
	case *map[string]interface{}:
		return *p
	}
	return dst
}
