package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// User is a demo struct stored in sessions (gob name "main.User").
type User struct {
	Name   string
	Age    int
	Admin  bool
	Joined time.Time
	Tags   []string
}

// Point is a second demo struct (gob name "main.Point"), with sized numeric fields.
type Point struct {
	X, Y int32
	W    float64
}

// typedValue converts the text v to the Go type named by typ, for GET /set:
//
//	int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64   decimal text
//	float32 float64                                              strconv.ParseFloat text
//	string                                                       v itself
//	bool                                                         strconv.ParseBool text
//	time                                                         RFC3339Nano (offset kept)
//	bytes                                                        standard padded base64
//	strings                                                      []string, comma-separated ("" = empty slice)
//	nil                                                          a nil interface (v ignored)
//	user, point                                                  main.User / main.Point from JSON
//	map                                                          map[string]interface{} from JSON
func typedValue(typ, v string) (interface{}, error) {
	switch typ {
	case "int":
		n, err := strconv.ParseInt(v, 10, strconv.IntSize)
		return int(n), err
	case "int8":
		n, err := strconv.ParseInt(v, 10, 8)
		return int8(n), err
	case "int16":
		n, err := strconv.ParseInt(v, 10, 16)
		return int16(n), err
	case "int32":
		n, err := strconv.ParseInt(v, 10, 32)
		return int32(n), err
	case "int64":
		return strconv.ParseInt(v, 10, 64)
	case "uint":
		n, err := strconv.ParseUint(v, 10, strconv.IntSize)
		return uint(n), err
	case "uint8":
		n, err := strconv.ParseUint(v, 10, 8)
		return uint8(n), err
	case "uint16":
		n, err := strconv.ParseUint(v, 10, 16)
		return uint16(n), err
	case "uint32":
		n, err := strconv.ParseUint(v, 10, 32)
		return uint32(n), err
	case "uint64":
		return strconv.ParseUint(v, 10, 64)
	case "float32":
		f, err := strconv.ParseFloat(v, 32)
		return float32(f), err
	case "float64":
		return strconv.ParseFloat(v, 64)
	case "string":
		return v, nil
	case "bool":
		return strconv.ParseBool(v)
	case "time":
		return time.Parse(time.RFC3339Nano, v)
	case "bytes":
		return base64.StdEncoding.DecodeString(v)
	case "strings":
		if v == "" {
			return []string{}, nil
		}
		return strings.Split(v, ","), nil
	case "nil":
		return nil, nil
	case "user":
		var u User
		err := json.Unmarshal([]byte(v), &u)
		return u, err
	case "point":
		var p Point
		err := json.Unmarshal([]byte(v), &p)
		return p, err
	case "map":
		m := map[string]interface{}{}
		err := json.Unmarshal([]byte(v), &m)
		return m, err
	}
	return nil, fmt.Errorf("unknown type %q", typ)
}
