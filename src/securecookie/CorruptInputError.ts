/**
 * Invalid base64 input.
 * Port of Go's `encoding/base64.CorruptInputError` (Go 1.26): the offset of the first byte
 * the decoder refused.
 */
export class CorruptInputError extends Error {
  override name = "CorruptInputError";
  readonly offset: number;

  constructor(offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
    this.offset = offset;
  }
}
