package main

// Ops of Go's encoding/gob, the reference for src/gob:
//
//	"gobDecode"       {gob: base64, into?: string}   -> tjson of the decoded value
//	"gobDecodeStream" {gob: base64, into: [string]}  -> [tjson], one per value of the stream
//	"gobRoundTrip"    {gob: base64, into?: string}   -> tjson of the value decoded, encoded
//	                                                    again by a new Encoder, and decoded
//
// into names the Go type the bytes are decoded into, as package gobtypes spells it ("" or
// absent: map[interface {}]interface {}, the session shape gorilla/sessions decodes). The
// types of gobtypes are registered by that package under their "main." names.

import (
	"bytes"
	"encoding/base64"
	"encoding/gob"
	"fmt"
	"reflect"

	"hertz-sessions/compat/gobtypes"
	"hertz-sessions/compat/tjson"
)

func init() {
	ops["gobDecode"] = gobDecodeOp
	ops["gobDecodeStream"] = gobDecodeStreamOp
	ops["gobRoundTrip"] = gobRoundTripOp
}

func gobDecodeNext(dec *gob.Decoder, into string) (tjson.Value, error) {
	dst, err := gobtypes.New(into)
	if err != nil {
		return tjson.Value{}, err
	}
	if err := dec.Decode(dst); err != nil {
		return tjson.Value{}, err
	}
	return tjson.Of(reflect.ValueOf(dst).Elem().Interface()), nil
}

func gobBytes(r request) ([]byte, error) {
	var b64 string
	if err := r.field("gob", &b64); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(b64)
}

// gobValueRequest reads the fields of a one-value op: the bytes, and "into" ("" when absent).
func gobValueRequest(r request) ([]byte, string, error) {
	data, err := gobBytes(r)
	if err != nil {
		return nil, "", err
	}
	var into string
	if _, ok := r["into"]; ok {
		if err := r.field("into", &into); err != nil {
			return nil, "", err
		}
	}
	return data, into, nil
}

func gobDecodeOp(r request) (any, error) {
	data, into, err := gobValueRequest(r)
	if err != nil {
		return nil, err
	}
	return gobDecodeNext(gob.NewDecoder(bytes.NewReader(data)), into)
}

func gobDecodeStreamOp(r request) (any, error) {
	data, err := gobBytes(r)
	if err != nil {
		return nil, err
	}
	var into []string
	if err := r.field("into", &into); err != nil {
		return nil, err
	}
	dec := gob.NewDecoder(bytes.NewReader(data))
	out := make([]tjson.Value, 0, len(into))
	for i, t := range into {
		v, err := gobDecodeNext(dec, t)
		if err != nil {
			return nil, fmt.Errorf("value %d: %w", i, err)
		}
		out = append(out, v)
	}
	return out, nil
}

func gobRoundTripOp(r request) (any, error) {
	data, into, err := gobValueRequest(r)
	if err != nil {
		return nil, err
	}
	dst, err := gobtypes.New(into)
	if err != nil {
		return nil, err
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(dst); err != nil {
		return nil, err
	}
	var again bytes.Buffer
	if err := gob.NewEncoder(&again).Encode(dst); err != nil {
		return nil, err
	}
	return gobDecodeNext(gob.NewDecoder(&again), into)
}
