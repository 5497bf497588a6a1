package main

// Ops of Go's fmt and of Go-made cookies, the reference for src/cli (hertz-sessions decode):
//
//	"goString"        {gob: base64}            -> [{key, keyType, type, value}]
//	"goStringMap"     {gob: base64}            -> fmt.Sprintf("%#v") of the whole session
//	"cookieEncodeGob" {spec..., gob: base64}   -> {"cookie": string} or {"error": cookieErr}
//
// goString decodes a session (map[interface {}]interface {}) and prints each entry as
// fmt.Sprintf("%#v") and fmt.Sprintf("%T") print its key and value. cookieEncodeGob decodes
// the gob session the same way and encodes it with securecookie (spec as in securecookie.go),
// so a cookie carries any value Go can hold (int8, time.Time, main.User, ...).

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"hertz-sessions/compat/cookiecodecs"
)

func init() {
	ops["goString"] = goStringOp
	ops["goStringMap"] = func(r request) (any, error) {
		values, err := gobSession(r)
		if err != nil {
			return nil, err
		}
		return fmt.Sprintf("%#v", values), nil
	}
	ops["cookieEncodeGob"] = cookieEncodeGobOp
}

type goStringEntry struct {
	Key     string `json:"key"`
	KeyType string `json:"keyType"`
	Type    string `json:"type"`
	Value   string `json:"value"`
}

func gobSession(r request) (map[interface{}]interface{}, error) {
	data, err := gobBytes(r)
	if err != nil {
		return nil, err
	}
	var values map[interface{}]interface{}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&values); err != nil {
		return nil, err
	}
	return values, nil
}

func goStringOp(r request) (any, error) {
	values, err := gobSession(r)
	if err != nil {
		return nil, err
	}
	out := make([]goStringEntry, 0, len(values))
	for k, v := range values {
		out = append(out, goStringEntry{
			Key:     fmt.Sprintf("%#v", k),
			KeyType: fmt.Sprintf("%T", k),
			Type:    fmt.Sprintf("%T", v),
			Value:   fmt.Sprintf("%#v", v),
		})
	}
	return out, nil
}

func cookieEncodeGobOp(r request) (any, error) {
	spec, err := cookieSpecOf(r)
	if err != nil {
		return nil, err
	}
	values, err := gobSession(r)
	if err != nil {
		return nil, err
	}
	cookie, err := spec.encode(values)
	if err != nil {
		return map[string]any{"error": cookiecodecs.Describe(err)}, nil
	}
	return map[string]any{"cookie": cookie}, nil
}
