package main

import (
	"bytes"
	"errors"
	"fmt"

	gsessions "github.com/gorilla/sessions"
	"github.com/hertz-contrib/sessions"
	"github.com/vmihailenco/msgpack/v5"
)

// MsgpackSerializer is a hertz-contrib/sessions Serializer on vmihailenco/msgpack/v5
// (v5.4.1, default encoder and decoder options), shaped like sessions.JSONSerializer:
// session.Values become a map[string]interface{} (a non-string key is an error).
//
// Wire shape (what a Node MsgpackSerializer must read and write):
//
//   - the top level is a msgpack map (fixmap / map16 / map32) of str keys, in Go's random
//     map order (so bytes differ between runs; compare decoded values, not bytes);
//   - int and uint use the smallest form: positive fixint, negative fixint, uint8..uint64
//     (0xcc..0xcf) for n >= 0, int8..int64 (0xd0..0xd3) for n < 0;
//   - sized integers keep their width, never fixint: int8/16/32/64 are 0xd0 / 0xd1 / 0xd2 /
//     0xd3, uint8/16/32/64 are 0xcc / 0xcd / 0xce / 0xcf (time.Duration is an int64);
//   - float32 is 0xca, float64 is 0xcb (no compaction of integral floats);
//   - string is str (fixstr / str8 / str16 / str32); []byte is bin (bin8 / bin16 / bin32);
//   - bool, nil as msgpack true/false/nil;
//   - time.Time is the timestamp extension, type -1 (timestamp32 / 64 / 96);
//   - slices are arrays; map[string]T are maps; structs are maps of field name -> value in
//     declaration order (main.Point{X: 1, Y: 2, W: 0.5} is {"X": int32 1, "Y": int32 2, "W": 0.5}).
//
// Decoding (msgpack.Unmarshal into map[string]interface{}) gives, per value: fixint and
// negative fixint -> int8; 0xcc/0xcd/0xce/0xcf -> uint8/uint16/uint32/uint64; 0xd0..0xd3 ->
// int8/int16/int32/int64; 0xca -> float32; 0xcb -> float64; str -> string; bin -> []byte;
// array -> []interface{}; map -> map[string]interface{}; timestamp -> time.Time in the
// local zone (UTC for the zero time). So an int stored by Go comes back as the narrowest
// integer type (1 -> int8), and session.Get("count").(int) fails even Go to Go.
type MsgpackSerializer struct{}

var _ sessions.Serializer = MsgpackSerializer{}

// Serialize encodes session.Values as a msgpack map of string keys.
func (MsgpackSerializer) Serialize(ss *gsessions.Session) ([]byte, error) {
	m := make(map[string]interface{}, len(ss.Values))
	for k, v := range ss.Values {
		ks, ok := k.(string)
		if !ok {
			return nil, fmt.Errorf("non-string key value, cannot serialize session to msgpack: %v", k)
		}
		m[ks] = v
	}
	var buf bytes.Buffer
	if err := msgpack.NewEncoder(&buf).Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Deserialize decodes a msgpack map of string keys into session.Values (allocating it when
// nil, as for sessions from LoadSessionBySessionId).
func (MsgpackSerializer) Deserialize(d []byte, ss *gsessions.Session) error {
	m := make(map[string]interface{})
	if err := msgpack.Unmarshal(d, &m); err != nil {
		return err
	}
	if ss.Values == nil {
		ss.Values = make(map[interface{}]interface{}, len(m))
	}
	for k, v := range m {
		ss.Values[k] = v
	}
	return nil
}

func serializerNamed(name string) (sessions.Serializer, error) {
	switch name {
	case "gob":
		return sessions.GobSerializer{}, nil
	case "json":
		return sessions.JSONSerializer{}, nil
	case "msgpack":
		return MsgpackSerializer{}, nil
	}
	return nil, errors.New("unknown -serializer (gob, json, msgpack)")
}
