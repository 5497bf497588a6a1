// Package gobtypes holds the Go values of the gob golden vectors and the live gob tests, so the
// vector generator (cmd/vectors) and the live peer (cmd/gocodec) register and decode the very
// same types.
//
// The struct and named types are registered under the names a Go program would give them in
// its main package ("main.User", "*main.Ptr" for a type registered by pointer, ...), as
// sessions written by a Go service carry them; %T (the "t" of typed JSON) still prints them
// as gobtypes.User etc.
package gobtypes

import (
	"encoding/gob"
	"fmt"
	"math"
	"strings"
	"time"
)

// Address is a plain struct nested in User.
type Address struct {
	Street string
	City   string
	Zip    int
}

// Friend has a time.Time field, zero (and so omitted on the wire) in some values.
type Friend struct {
	Name  string
	Since time.Time
}

// User exercises every kind of struct field: pointers, slices of structs, maps, interfaces,
// unexported fields (never sent), arrays and zero values (omitted on the wire).
type User struct {
	Name    string
	Age     int
	Email   *string
	Score   *float64
	Tags    []string
	Created time.Time
	Address Address
	Friends []Friend
	Meta    map[string]interface{}
	Extra   interface{}
	secret  string
	Small   int8
	Big     uint64
	Ratio   float32
	Raw     []byte
	Grid    [2][2]int
	Next    *Address
}

// Stamp embeds time.Time, whose methods it gets: so Stamp is a GobEncoder, and gob sends
// only its time (Note is lost), as bytes a self-describing decoder cannot see into.
type Stamp struct {
	time.Time
	Note string
}

// Ptr is registered by pointer, as gob.Register(&Ptr{}) does: "*main.Ptr".
type Ptr struct {
	ID    int
	Label string
}

// Color marshals itself as text only. gob does not use TextMarshaler (Go 1.26 type.go keeps
// that branch commented out): it sends Color's fields, as any struct.
type Color struct{ R, G, B uint8 }

func (c Color) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)), nil
}

func (c *Color) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "#%02x%02x%02x", &c.R, &c.G, &c.B)
	return err
}

// Blob marshals itself as binary only: gob sends it through its BinaryMarshaler.
type Blob struct {
	N   uint16
	Tag string
}

func (b Blob) MarshalBinary() ([]byte, error) {
	return append([]byte{byte(b.N >> 8), byte(b.N)}, b.Tag...), nil
}

func (b *Blob) UnmarshalBinary(d []byte) error {
	if len(d) < 2 {
		return fmt.Errorf("gobtypes: a Blob needs 2 bytes, got %d", len(d))
	}
	b.N, b.Tag = uint16(d[0])<<8|uint16(d[1]), string(d[2:])
	return nil
}

// Node is a recursive type.
type Node struct {
	Val  int
	Kids []*Node
}

// Empty has no fields.
type Empty struct{}

// Named non-struct types.
type (
	Celsius float64
	Tags    []string
	Level   int8
	Counts  map[string]int
)

func init() {
	// As gorilla/sessions does for flashes, and as Go services do for the types they store.
	gob.Register([]interface{}{})
	gob.Register(time.Time{})
	gob.Register(map[string]interface{}{})
	gob.Register(map[interface{}]interface{}{})
	gob.Register(map[string]int{})
	gob.Register(map[int]string{})
	gob.Register([3]int{})
	gob.Register([2]string{})
	gob.Register([4]uint8{})
	gob.Register([]map[string]interface{}{})
	gob.RegisterName("main.User", User{})
	gob.RegisterName("main.Address", Address{})
	gob.RegisterName("main.Friend", Friend{})
	gob.RegisterName("main.Stamp", Stamp{})
	gob.RegisterName("*main.Ptr", &Ptr{})
	gob.RegisterName("main.Node", Node{})
	gob.RegisterName("main.Color", Color{})
	gob.RegisterName("main.Blob", Blob{})
	gob.RegisterName("main.Empty", Empty{})
	gob.RegisterName("main.Celsius", Celsius(0))
	gob.RegisterName("main.Tags", Tags(nil))
	gob.RegisterName("main.Level", Level(0))
	gob.RegisterName("main.Counts", Counts(nil))
}

// Session is the shape gorilla/sessions encodes: session.Values.
type Session = map[interface{}]interface{}

// Case is one golden value: Into names the Go type a decoder decodes it into (see New).
type Case struct {
	Name  string
	Into  string
	Value any
}

// New returns a pointer to a new zero value of the type named into ("" is a session).
func New(into string) (any, error) {
	switch into {
	case "", "map[interface {}]interface {}":
		return new(Session), nil
	case "map[string]interface {}":
		return new(map[string]interface{}), nil
	case "int64":
		return new(int64), nil
	case "uint64":
		return new(uint64), nil
	case "float64":
		return new(float64), nil
	case "string":
		return new(string), nil
	case "[]string":
		return new([]string), nil
	case "[]interface {}":
		return new([]interface{}), nil
	case "map[string]int":
		return new(map[string]int), nil
	case "main.User":
		return new(User), nil
	case "main.Node":
		return new(Node), nil
	case "time.Time":
		return new(time.Time), nil
	case "interface {}":
		return new(interface{}), nil
	}
	return nil, fmt.Errorf("gobtypes: unknown type %q", into)
}

func ptr[T any](v T) *T { return &v }

// Zones of the time cases: minutes east of UTC, and zones with a seconds part, which
// MarshalBinary writes as version 2 (Go does not round-trip a negative seconds part).
var (
	ist = time.FixedZone("IST", 5*3600+30*60)
	pst = time.FixedZone("PST", -8*3600)
	lmt = time.FixedZone("LMT", 5*3600+53*60+28)
	neg = time.FixedZone("LMT", -(3*3600 + 25*60 + 52))
)

// SampleUser is a User with every field set.
func SampleUser() User {
	return User{
		Name:    "Zoë",
		Age:     37,
		Email:   ptr("zoe@example.com"),
		Tags:    []string{"admin", "ops"},
		Created: time.Date(2021, 3, 4, 5, 6, 7, 890123456, ist),
		Address: Address{Street: "1 Main St", City: "Springfield", Zip: 12345},
		Friends: []Friend{{Name: "Al", Since: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)}, {Name: "Bo"}},
		Meta:    map[string]interface{}{"level": int8(3), "ok": true},
		Extra:   uint16(7),
		secret:  "never sent",
		Small:   -5,
		Big:     math.MaxUint64,
		Ratio:   0.25,
		Raw:     []byte{0, 1, 254, 255},
		Grid:    [2][2]int{{1, 2}, {3, 4}},
	}
}

// Cases returns the golden values, sessions first.
func Cases() []Case {
	s := func(name string, v Session) Case { return Case{Name: name, Value: v} }
	return []Case{
		s("typical session", Session{
			"user_id": 42, "name": "alice", "_flash": []interface{}{"welcome back"},
			"csrf": "3q2+7w==", "count": 3, "admin": false,
		}),
		s("empty session", Session{}),
		s("signed ints", Session{
			"int": 42, "int neg": -7, "int8 min": int8(math.MinInt8), "int8 max": int8(math.MaxInt8),
			"int16 min": int16(math.MinInt16), "int16 max": int16(math.MaxInt16),
			"int32 min": int32(math.MinInt32), "int32 max": int32(math.MaxInt32),
			"int64 min": int64(math.MinInt64), "int64 max": int64(math.MaxInt64), "int64 0": int64(0),
			"int zero": 0, "int min": math.MinInt, "int max": math.MaxInt,
		}),
		s("unsigned ints", Session{
			"uint": uint(9), "uint8 max": uint8(math.MaxUint8), "uint16 max": uint16(math.MaxUint16),
			"uint32 max": uint32(math.MaxUint32), "uint64 max": uint64(math.MaxUint64),
			"uint64 0": uint64(0), "uintptr": uintptr(4096), "uint8 0": uint8(0),
		}),
		s("ints beyond 2^53", Session{
			"2^53": 1 << 53, "2^53+1": 1<<53 + 1, "-(2^53+1)": -(1<<53 + 1), "2^53-1": 1<<53 - 1,
			"-(2^53-1)": -(1<<53 - 1), "int64 2^62": int64(1 << 62), "uint64 2^63": uint64(1 << 63),
			"uint64 2^53-1": uint64(1<<53 - 1),
		}),
		s("floats", Session{
			"float64 1": float64(1), "float64 0.1": 0.1, "float64 -0": math.Copysign(0, -1),
			"float64 0": float64(0), "float64 NaN": math.NaN(), "float64 +Inf": math.Inf(1),
			"float64 -Inf": math.Inf(-1), "float64 max": math.MaxFloat64,
			"float64 denormal": math.SmallestNonzeroFloat64, "float64 2^60": float64(1 << 60),
			"float32 1.5": float32(1.5), "float32 1": float32(1), "float32 0.1": float32(0.1),
			"float32 max": float32(math.MaxFloat32), "float32 -Inf": float32(math.Inf(-1)),
			"float32 NaN": float32(math.NaN()), "float64 17": 17.0,
		}),
		s("complex", Session{
			"complex64": complex64(complex(1, 2)), "complex128": complex(-0.5, 1e300),
			"complex128 0": complex128(0), "complex128 NaN": complex(math.NaN(), math.Inf(-1)),
		}),
		s("strings", Session{
			"empty": "", "ascii": "hello", "unicode": "héllo wörld ✓ 😀 日本語",
			"long": strings.Repeat("0123456789", 30), "nul": "a\x00b", "key with ünïcode ✓": "v",
		}),
		s("bools", Session{"true": true, "false": false}),
		s("text and binary marshalers", Session{
			"color": Color{R: 1, G: 0x80, B: 0xff}, "blob": Blob{N: 258, Tag: "x"},
			"in a flash": []interface{}{Color{R: 9}},
		}),
		// A Go string may hold any bytes (here bytes that each are one invalid sequence).
		s("invalid UTF-8", Session{
			"raw": "a\xff\xfeb", "\x80 key": "v", "in a flash": []interface{}{"\xff"}, "U+FFFD itself": "\uFFFD",
		}),
		s("bytes", Session{
			"bytes": []byte("\x00\x01\xfe\xff"), "empty bytes": []byte{}, "nil bytes": []byte(nil),
			"long bytes": []byte(strings.Repeat("\xab", 200)),
		}),
		s("flashes", Session{"_flash": []interface{}{"saved", 2, 2.5, true, nil, []interface{}{"nested"}}}),
		s("flashes under custom key", Session{"errors": []interface{}{"bad input"}, "_flash": []interface{}{}}),
		s("typed slices", Session{
			"[]string": []string{"a", "", "ç"}, "[]int": []int{1, -2, 1 << 60},
			"[]int8": []int8{-128, 0, 127}, "[]float64": []float64{1, 0.5, math.Inf(1)},
			"[]bool": []bool{true, false}, "[]uint64": []uint64{math.MaxUint64, 0},
			"[]float32": []float32{1, 0.1}, "[]complex64": []complex64{complex(1, -1)},
			"[]string empty": []string{}, "[]interface {} empty": []interface{}{},
		}),
		s("arrays", Session{
			"[3]int": [3]int{1, 2, 3}, "[2]string": [2]string{"x", ""}, "[4]uint8": [4]uint8{1, 2, 3, 255},
		}),
		s("string maps", Session{
			"map[string]interface {}":       map[string]interface{}{"a": 1, "b": "two", "c": []interface{}{3.5}},
			"map[string]int":                map[string]int{"one": 1, "minus": -1},
			"empty map[string]interface {}": map[string]interface{}{},
			"special keys":                  map[string]interface{}{"__proto__": "p", "constructor": "c", "prototype": 1},
		}),
		s("other maps", Session{
			"map[int]string":       map[int]string{1: "one", -2: "minus two"},
			"nested session":       map[interface{}]interface{}{"inner": map[interface{}]interface{}{1: "x"}},
			"empty session":        map[interface{}]interface{}{},
			"empty map[int]string": map[int]string{},
		}),
		s("non-string keys", Session{
			1: "int key", true: "bool key", int8(2): "int8 key", 2.5: "float key", uint64(math.MaxUint64): "uint64 key",
			int64(1 << 60): "big key", "s": "string key",
		}),
		s("nil values", Session{"nil": nil, "flash with nil": []interface{}{nil}}),
		s("structs", Session{
			"user": SampleUser(), "zero user": User{}, "address": Address{City: "Paris"},
			"ptr": &Ptr{ID: 7, Label: "by pointer"}, "empty struct": Empty{},
			"stamp":      Stamp{Time: time.Date(2022, 2, 2, 2, 2, 2, 2, pst), Note: "embedded"},
			"zero stamp": Stamp{},
		}),
		s("slices of structs", Session{
			"friends": []interface{}{Friend{Name: "x"}, Address{Zip: 1}},
			"users":   []interface{}{User{Name: "a"}, User{Name: "b", Extra: Address{City: "c"}}},
		}),
		s("recursive struct", Session{
			"tree": Node{Val: 1, Kids: []*Node{{Val: 2}, {Val: 3, Kids: []*Node{{Val: 4}}}}},
		}),
		s("times", Session{
			"utc":            time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC),
			"utc nanos":      time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.UTC),
			"+05:30":         time.Date(2024, 5, 6, 7, 8, 9, 500000000, ist),
			"-08:00":         time.Date(1999, 12, 31, 23, 59, 59, 999999999, pst),
			"+05:53:28 (v2)": time.Date(1900, 1, 1, 0, 0, 0, 0, lmt),
			"-03:25:52 (v2)": time.Date(1900, 1, 1, 0, 0, 0, 0, neg),
			"zero":           time.Time{},
			"epoch":          time.Unix(0, 0).UTC(),
			"before epoch":   time.Date(1969, 7, 20, 20, 17, 40, 1, time.UTC),
			"year 9999":      time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
			"flash time":     []interface{}{time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
		}),
		s("named types", Session{
			"celsius": Celsius(21.5), "celsius integral": Celsius(20), "tags": Tags{"x", "y"},
			"level": Level(-3), "counts": Counts{"a": 1},
		}),
		s("nested interfaces", Session{
			"deep":         []interface{}{map[string]interface{}{"a": []interface{}{User{Name: "deep"}, int16(5)}}},
			"list of maps": []map[string]interface{}{{"k": Address{City: "z"}}},
		}),
		{Name: "top-level int64", Into: "int64", Value: int64(math.MinInt64)},
		{Name: "top-level uint64", Into: "uint64", Value: uint64(math.MaxUint64)},
		{Name: "top-level float64", Into: "float64", Value: 1.0},
		{Name: "top-level string", Into: "string", Value: "just a string"},
		{Name: "top-level []string", Into: "[]string", Value: []string{"a", "b"}},
		{Name: "top-level []interface {}", Into: "[]interface {}", Value: []interface{}{1, "x", User{Name: "u"}}},
		{Name: "top-level map[string]int", Into: "map[string]int", Value: map[string]int{"x": 1}},
		{Name: "top-level map[string]interface {}", Into: "map[string]interface {}", Value: map[string]interface{}{"t": time.Unix(1, 2).UTC()}},
		{Name: "top-level struct", Into: "main.User", Value: SampleUser()},
		{Name: "top-level struct pointer", Into: "main.User", Value: &User{Name: "via pointer"}},
		{Name: "top-level recursive struct", Into: "main.Node", Value: Node{Val: 1, Kids: []*Node{{Val: 2}}}},
		{Name: "top-level time", Into: "time.Time", Value: time.Date(2023, 1, 1, 0, 0, 0, 5, ist)},
	}
}

// Streams returns sequences of values sent on one Encoder (type definitions sent once).
func Streams() map[string][]Case {
	return map[string][]Case{
		"sessions": {
			{Value: Session{"a": 1}},
			{Value: Session{"u": User{Name: "first"}, "f": []interface{}{"x"}}},
			{Value: Session{"u": User{Name: "second"}, "f": []interface{}{"y"}}},
		},
		"mixed": {
			{Into: "string", Value: "hello"},
			{Into: "main.User", Value: User{Name: "struct"}},
			{Value: Session{"t": time.Date(2020, 1, 1, 0, 0, 0, 0, ist)}},
			{Into: "main.User", Value: User{Age: 2}},
		},
	}
}
