/**
 * The concrete types a Go service must `gob.Register` to read values holding them: the
 * names met in interface values, less those Go registers itself (`registerBasics`: basic
 * types and slices of them) and gorilla/sessions registers (`[]interface {}`, for flashes).
 */
const basics = [
  "int",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float32",
  "float64",
  "complex64",
  "complex128",
  "uintptr",
  "bool",
  "string",
];

const preregistered = new Set([...basics, ...basics.map((b) => `[]${b}`), "[]interface {}"]);

export function needsRegister(names: Iterable<string>): string[] {
  return [...new Set(names)].filter((n) => !preregistered.has(n)).sort();
}
