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
// cookieErr is cookiecodecs.Error: {"text": err.Error(), "kinded": implements securecookie.Error, "usage",
// "decode", "internal": its IsUsage/IsDecode/IsInternal}.

import (
	"bytes"
	"encoding/base64"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/gorilla/securecookie"

	"hertz-sessions/compat/cookiecodecs"
	"hertz-sessions/compat/tjson"
)

func init() {
	// As gorilla/sessions does for flashes; time.Time so sessions may hold times.
	gob.Register([]interface{}{})
	gob.Register(time.Time{})
	ops["cookieEncode"] = cookieEncodeOp
	ops["cookieDecode"] = cookieDecodeOp
}

// cookieSpec is a request's spec: the name, the codec settings, and multi.
type cookieSpec struct {
	Name string `json:"name"`
	cookiecodecs.Settings
	Multi bool `json:"multi"`
}

func (spec cookieSpec) encode(value any) (string, error) {
	codecs, err := spec.Codecs()
	if err != nil {
		return "", err
	}
	if spec.Multi || len(codecs) == 0 {
		return securecookie.EncodeMulti(spec.Name, value, codecs...)
	}
	return codecs[0].Encode(spec.Name, value)
}

func (spec cookieSpec) decode(cookie string, dst any) error {
	codecs, err := spec.Codecs()
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
		return map[string]any{"error": cookiecodecs.Describe(err)}, nil
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
		return map[string]any{"error": cookiecodecs.Describe(err)}, nil
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
