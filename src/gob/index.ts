/**
 * Go's encoding/gob (Go 1.26), byte-compatible: `encode`/`decode` one value, `Encoder`/`Decoder`
 * streams, `Register`/`RegisterName`, Go types (`goTypes`, `sliceOf`, `structOf`, ...) and
 * wrappers (`int8(5)`, `typed(t, v)`, `goTime(...)`). Decoded values remember their Go types so
 * that, written back unchanged, they go out as the same Go types (see typeMemory.ts and
 * README.md for the rule, the type table and the limits).
 */
export { Complex } from "./Complex.ts";
export { Decoder } from "./Decoder.ts";
export type { DecoderOptions } from "./DecoderOptions.ts";
export { decoderDefaults } from "./DecoderOptions.ts";
export { decode } from "./decode.ts";
export { Encoder } from "./Encoder.ts";
export { encode } from "./encode.ts";
export type { GobErrorCode } from "./GobError.ts";
export { GobError } from "./GobError.ts";
export type { IntKind, Kind, Marshaler, StructField, UintKind } from "./GoType.ts";
export {
  arrayOf,
  encoderType,
  GoType,
  goTypes,
  mapOf,
  named,
  sliceOf,
  structOf,
} from "./GoType.ts";
export { GoValue } from "./GoValue.ts";
export { Register, RegisterName } from "./registry.ts";
export type { GoTimeOptions } from "./wrappers.ts";
export {
  complex64,
  complex128,
  float32,
  float64,
  goTime,
  int,
  int8,
  int16,
  int32,
  int64,
  typed,
  uint,
  uint8,
  uint16,
  uint32,
  uint64,
  uintptr,
} from "./wrappers.ts";
