// Package tjson prints Go values as "typed JSON": every value carries its exact Go type, so
// a test on the TypeScript side can assert both what Go decoded and the type it decoded to.
//
// Format: {"t": "<Go type as %T>", "v": <value>}
//   - ints and uints: v is a decimal string (uint64 max and int64 min survive);
//   - floats: v is strconv.FormatFloat(f, 'g', -1, bits) as a string ("1", "0.5", "NaN", "+Inf");
//   - complex: v is [real, imag] as two such strings;
//   - string: v is the string; bool: v is the bool; nil interface: {"t": "nil"};
//   - []byte (and []uint8): v is standard padded base64;
//   - other slices and arrays: v is a list of typed values;
//   - maps: v is a list of [key, value] pairs of typed values, sorted by the keys' JSON text;
//   - structs: v is an object of exported field name -> typed value;
//   - pointers: t is "*T" and v is the typed value it points to;
//   - time.Time: v is t.Format(time.RFC3339Nano) plus " " + zone name (nanoseconds and offset kept).
package tjson

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"time"
)

type Value struct {
	T string `json:"t"`
	V any    `json:"v,omitempty"`
}

var timeType = reflect.TypeOf(time.Time{})

// Of returns the typed form of v.
func Of(v any) Value {
	if v == nil {
		return Value{T: "nil"}
	}
	return of(reflect.ValueOf(v))
}

func of(rv reflect.Value) Value {
	t := fmt.Sprintf("%v", rv.Type())
	if rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return Value{T: "nil"}
		}
		return of(rv.Elem())
	}
	if rv.Type() == timeType {
		tm := rv.Interface().(time.Time)
		name, _ := tm.Zone()
		return Value{T: t, V: tm.Format(time.RFC3339Nano) + " " + name}
	}
	switch rv.Kind() {
	case reflect.Bool:
		return Value{T: t, V: rv.Bool()}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return Value{T: t, V: strconv.FormatInt(rv.Int(), 10)}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return Value{T: t, V: strconv.FormatUint(rv.Uint(), 10)}
	case reflect.Float32:
		return Value{T: t, V: strconv.FormatFloat(rv.Float(), 'g', -1, 32)}
	case reflect.Float64:
		return Value{T: t, V: strconv.FormatFloat(rv.Float(), 'g', -1, 64)}
	case reflect.Complex64, reflect.Complex128:
		bits := 64
		if rv.Kind() == reflect.Complex64 {
			bits = 32
		}
		c := rv.Complex()
		return Value{T: t, V: []string{
			strconv.FormatFloat(real(c), 'g', -1, bits), strconv.FormatFloat(imag(c), 'g', -1, bits),
		}}
	case reflect.String:
		return Value{T: t, V: rv.String()}
	case reflect.Slice, reflect.Array:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			return Value{T: t, V: base64.StdEncoding.EncodeToString(b)}
		}
		list := make([]Value, rv.Len())
		for i := range list {
			list[i] = of(rv.Index(i))
		}
		return Value{T: t, V: list}
	case reflect.Map:
		type pair struct {
			key string
			kv  [2]Value
		}
		pairs := make([]pair, 0, rv.Len())
		for it := rv.MapRange(); it.Next(); {
			k := of(it.Key())
			kj, _ := json.Marshal(k)
			pairs = append(pairs, pair{string(kj), [2]Value{k, of(it.Value())}})
		}
		sort.Slice(pairs, func(i, j int) bool { return pairs[i].key < pairs[j].key })
		list := make([][2]Value, len(pairs))
		for i, p := range pairs {
			list[i] = p.kv
		}
		return Value{T: t, V: list}
	case reflect.Struct:
		fields := map[string]Value{}
		for i := 0; i < rv.NumField(); i++ {
			if f := rv.Type().Field(i); f.IsExported() {
				fields[f.Name] = of(rv.Field(i))
			}
		}
		return Value{T: t, V: fields}
	case reflect.Pointer:
		if rv.IsNil() {
			return Value{T: t}
		}
		inner := of(rv.Elem())
		return Value{T: t, V: inner}
	}
	return Value{T: t, V: fmt.Sprintf("%v", rv.Interface())}
}
