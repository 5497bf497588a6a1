package main

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	gsessions "github.com/gorilla/sessions"
)

// The byte forms documented on MsgpackSerializer, one single-key map per case.
func TestMsgpackSerializerShape(t *testing.T) {
	cases := []struct {
		v    interface{}
		want string // hex of the value after the map header and the key "k" (81 a1 6b)
	}{
		{1, "01"},
		{-1, "ff"},
		{200, "ccc8"},
		{-200, "d1ff38"},
		{int64(5), "d30000000000000005"},
		{time.Duration(5), "d30000000000000005"},
		{uint(300), "cd012c"},
		{uint64(1 << 40), "cf0000010000000000"},
		{int8(1), "d001"},
		{int16(1), "d10001"},
		{int32(1), "d200000001"},
		{uint8(1), "cc01"},
		{uint16(1), "cd0001"},
		{uint32(1), "ce00000001"},
		{float32(1.5), "ca3fc00000"},
		{float64(1), "cb3ff0000000000000"},
		{"hi", "a26869"},
		{[]byte{1, 2}, "c4020102"},
		{true, "c3"},
		{nil, "c0"},
		{time.Unix(1, 0), "d6ff00000001"},
		{time.Unix(1, 5), "d7ff0000001400000001"},
		{[]interface{}{"a"}, "91a161"},
		{[]string{"a"}, "91a161"},
		{Point{X: 1, Y: 2, W: 0.5}, "83a158d200000001a159d200000002a157cb3fe0000000000000"},
	}
	for _, c := range cases {
		s := &gsessions.Session{Values: map[interface{}]interface{}{"k": c.v}}
		b, err := MsgpackSerializer{}.Serialize(s)
		if err != nil {
			t.Fatalf("%#v: %v", c.v, err)
		}
		if got := hex.EncodeToString(b); got != "81a16b"+c.want {
			t.Errorf("%#v (%T): got %s, want 81a16b%s", c.v, c.v, got, c.want)
		}
	}
}

// Decoded Go types: ints come back as the narrowest type of their msgpack form.
func TestMsgpackSerializerDecodedTypes(t *testing.T) {
	in := map[interface{}]interface{}{
		"int": 1, "neg": -1, "big": 200, "i16": int16(7), "u64": uint64(1 << 40),
		"f32": float32(1.5), "f64": 1.0, "s": "x", "b": []byte{1}, "t": time.Unix(1, 5).UTC(),
		"list": []interface{}{1, "a"}, "map": map[string]interface{}{"a": 1},
	}
	want := map[string]string{
		"int": "int8", "neg": "int8", "big": "uint8", "i16": "int16", "u64": "uint64",
		"f32": "float32", "f64": "float64", "s": "string", "b": "[]uint8", "t": "time.Time",
		"list": "[]interface {}", "map": "map[string]interface {}",
	}
	b, err := MsgpackSerializer{}.Serialize(&gsessions.Session{Values: in})
	if err != nil {
		t.Fatal(err)
	}
	var out gsessions.Session // Values nil, as from LoadSessionBySessionId
	if err := (MsgpackSerializer{}).Deserialize(b, &out); err != nil {
		t.Fatal(err)
	}
	for k, typ := range want {
		if got := fmt.Sprintf("%T", out.Values[k]); got != typ {
			t.Errorf("%s: decoded as %s, want %s", k, got, typ)
		}
	}
	if tm := out.Values["t"].(time.Time); !tm.Equal(time.Unix(1, 5)) {
		t.Errorf("time: %v", tm)
	}
	if !bytes.Equal(out.Values["b"].([]byte), []byte{1}) {
		t.Errorf("bytes: %v", out.Values["b"])
	}
}

func TestMsgpackSerializerRejectsNonStringKeys(t *testing.T) {
	_, err := MsgpackSerializer{}.Serialize(&gsessions.Session{Values: map[interface{}]interface{}{1: "x"}})
	if err == nil {
		t.Fatal("want an error for an int key")
	}
}
