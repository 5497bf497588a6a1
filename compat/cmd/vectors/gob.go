package main

// Generator "gob": test/vectors/gob.json, values encoded by Go's encoding/gob as
// gob.NewEncoder(&buf).Encode(&value) does (gorilla/sessions' GobEncoder encodes
// &session.Values), with what a Go decoder reads back from those bytes as typed JSON.
//
//	{"cases": [{"name", "into", "gob": base64, "typed": tjson}],
//	 "streams": [{"name", "gob": base64 of one stream, "into": [...], "typed": [tjson...]}],
//	 "instants": {tjson text of a time.Time: its Unix milliseconds (floor), as a string},
//	 "kinds": {named type as %T prints it: its reflect.Kind, "map:<key kind>" for maps,
//	           "encoder" for a type gob sends through its own GobEncode/MarshalBinary}}
//
// "instants" exists because the RFC 3339 text of typed JSON drops the seconds of a zone
// offset (+05:53:28 prints as +05:53), so the instant of such a time cannot be read back
// from its text alone; "kinds" because a named type's name does not tell its kind.
//
// "into" is the Go type the bytes are decoded into ("" is map[interface {}]interface {});
// the values and registered names live in package gobtypes, shared with cmd/gocodec.

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/gob"
	"fmt"
	"log"
	"reflect"
	"sort"
	"strconv"
	"time"

	"hertz-sessions/compat/gobtypes"
	"hertz-sessions/compat/tjson"
)

func init() {
	generators["gob"] = gobVectors
}

type gobCase struct {
	Name  string      `json:"name"`
	Into  string      `json:"into"`
	Gob   string      `json:"gob"`
	Typed tjson.Value `json:"typed"`
}

type gobStream struct {
	Name  string        `json:"name"`
	Gob   string        `json:"gob"`
	Into  []string      `json:"into"`
	Typed []tjson.Value `json:"typed"`
}

// gobEncodeValue encodes v as Encode(&v) would for a session, or the value itself otherwise.
func gobEncodeValue(enc *gob.Encoder, v any) error {
	if s, ok := v.(gobtypes.Session); ok {
		return enc.Encode(&s)
	}
	return enc.Encode(v)
}

// gobInstants maps the typed-JSON text of every time.Time reachable from v to its instant.
var gobInstants = map[string]string{}

// gobKinds maps each named (non-predeclared) type reachable from v to its kind.
var gobKinds = map[string]string{}

var gobZeroSeen = map[reflect.Type]bool{}

var (
	gobTimeType         = reflect.TypeOf(time.Time{})
	gobEncoderType      = reflect.TypeOf((*gob.GobEncoder)(nil)).Elem()
	binaryMarshalerType = reflect.TypeOf((*encoding.BinaryMarshaler)(nil)).Elem()
)

func gobCollectInstants(v reflect.Value) {
	if v.Type() == gobTimeType {
		t := v.Interface().(time.Time)
		name, _ := t.Zone()
		gobInstants[t.Format(time.RFC3339Nano)+" "+name] = strconv.FormatInt(t.UnixMilli(), 10)
		return
	}
	if t := v.Type(); t.Name() != "" && t.PkgPath() != "" {
		kind := t.Kind().String()
		if t.Kind() == reflect.Map {
			kind += ":" + t.Key().Kind().String()
		}
		if t.Implements(gobEncoderType) || t.Implements(binaryMarshalerType) {
			kind = "encoder"
		}
		gobKinds[t.String()] = kind
	}
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			gobCollectInstants(v.Elem())
		}
	case reflect.Pointer:
		if v.IsNil() {
			// The zero value a nil pointer stands for (each type once: types may be recursive).
			if !gobZeroSeen[v.Type()] {
				gobZeroSeen[v.Type()] = true
				gobCollectInstants(reflect.New(v.Type().Elem()).Elem())
			}
		} else {
			gobCollectInstants(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			gobCollectInstants(v.Index(i))
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			gobCollectInstants(it.Key())
			gobCollectInstants(it.Value())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				gobCollectInstants(v.Field(i))
			}
		}
	}
}

// gobDecodeInto decodes the next value of dec into a new value of the type named into.
func gobDecodeInto(dec *gob.Decoder, into string) (tjson.Value, error) {
	dst, err := gobtypes.New(into)
	if err != nil {
		return tjson.Value{}, err
	}
	if err := dec.Decode(dst); err != nil {
		return tjson.Value{}, err
	}
	gobCollectInstants(reflect.ValueOf(dst).Elem())
	return tjson.Of(reflect.ValueOf(dst).Elem().Interface()), nil
}

func gobVectors() any {
	var cases []gobCase
	for _, c := range gobtypes.Cases() {
		var buf bytes.Buffer
		if err := gobEncodeValue(gob.NewEncoder(&buf), c.Value); err != nil {
			log.Fatalf("gob %q: %v", c.Name, err)
		}
		typed, err := gobDecodeInto(gob.NewDecoder(bytes.NewReader(buf.Bytes())), c.Into)
		if err != nil {
			log.Fatalf("gob %q: decoding: %v", c.Name, err)
		}
		cases = append(cases, gobCase{c.Name, c.Into, base64.StdEncoding.EncodeToString(buf.Bytes()), typed})
	}
	streams := gobtypes.Streams()
	names := make([]string, 0, len(streams))
	for name := range streams {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []gobStream
	for _, name := range names {
		var buf bytes.Buffer
		enc := gob.NewEncoder(&buf)
		s := gobStream{Name: name}
		for _, c := range streams[name] {
			if err := gobEncodeValue(enc, c.Value); err != nil {
				log.Fatalf("gob stream %q: %v", name, err)
			}
			s.Into = append(s.Into, c.Into)
		}
		dec := gob.NewDecoder(bytes.NewReader(buf.Bytes()))
		for _, into := range s.Into {
			typed, err := gobDecodeInto(dec, into)
			if err != nil {
				log.Fatal(fmt.Errorf("gob stream %q: decoding: %w", name, err))
			}
			s.Typed = append(s.Typed, typed)
		}
		s.Gob = base64.StdEncoding.EncodeToString(buf.Bytes())
		out = append(out, s)
	}
	return map[string]any{"cases": cases, "streams": out, "instants": gobInstants, "kinds": gobKinds}
}
