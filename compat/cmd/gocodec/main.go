// Command gocodec is the Go side of the live tests: it reads one JSON request per line on
// stdin and answers one JSON line on stdout, {"ok": <result>} or {"err": "<message>"}.
//
// Each request is {"op": "<name>", ...op fields}; the ops are registered by the files of
// this package (gob.go, cookie.go, ...), each documenting its fields and result.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

type request map[string]json.RawMessage

// field decodes the request field name into dst.
func (r request) field(name string, dst any) error {
	raw, ok := r[name]
	if !ok {
		return fmt.Errorf("missing field %q", name)
	}
	return json.Unmarshal(raw, dst)
}

var ops = map[string]func(request) (any, error){}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		var op string
		res, err := any(nil), json.Unmarshal(in.Bytes(), &req)
		if err == nil {
			err = req.field("op", &op)
		}
		if err == nil {
			if f, ok := ops[op]; ok {
				res, err = f(req)
			} else {
				err = fmt.Errorf("unknown op %q", op)
			}
		}
		if err != nil {
			_ = out.Encode(map[string]string{"err": err.Error()})
		} else {
			_ = out.Encode(map[string]any{"ok": res})
		}
	}
}
