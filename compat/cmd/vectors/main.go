// Command vectors writes the golden vectors of test/vectors/ from the real Go libraries.
//
// Regenerate them all (from the repository root):
//
//	(cd compat && go run ./cmd/vectors -out ../test/vectors)
//
// or only some of them: -only gob,setcookie. Cookies carry random IVs and timestamps and Go
// iterates maps in random order, so a regenerated file differs in bytes, not in meaning.
//
// Each file of this package registers generators in init(); each generator writes one JSON
// file named after it. Values carry their Go types as typed JSON (package tjson).
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// generators maps a vector file name (without .json) to the function producing its content.
var generators = map[string]func() any{}

func main() {
	out := flag.String("out", "../test/vectors", "directory to write the vector files into")
	only := flag.String("only", "", "comma-separated generator names to run (default: all)")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	names := make([]string, 0, len(generators))
	for name := range generators {
		if *only == "" || slices.Contains(strings.Split(*only, ","), name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		log.Fatalf("no generator named in -only %q", *only)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := json.MarshalIndent(generators[name](), "", "  ")
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(*out, name+".json")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s", path)
	}
}
