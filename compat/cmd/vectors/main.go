// Command vectors writes the golden vectors of test/vectors/ from the real Go libraries.
//
// Regenerate them all (from the repository root):
//
//	(cd compat && go run ./cmd/vectors -out ../test/vectors)
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
	"sort"
)

// generators maps a vector file name (without .json) to the function producing its content.
var generators = map[string]func() any{}

func main() {
	out := flag.String("out", "../test/vectors", "directory to write the vector files into")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	names := make([]string, 0, len(generators))
	for name := range generators {
		names = append(names, name)
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
