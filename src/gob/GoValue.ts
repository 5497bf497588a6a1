/**
 * A JS value with the Go type it is to be sent as: `new GoValue(goTypes.int8, 5)`. The
 * wrappers (`int8(5)`, `uint64(2n ** 64n - 1n)`, `typed(userType, {...})`) build these.
 * The value is checked against the type when the wrapper is made.
 */
import { fits } from "./fits.ts";
import { GobError } from "./GobError.ts";
import type { GoType } from "./GoType.ts";

export class GoValue {
  readonly type: GoType;
  readonly value: unknown;

  constructor(type: GoType, value: unknown) {
    if (!fits(type, value, 0)) {
      throw new GobError("usage", `value does not fit Go type ${type.name}`);
    }
    this.type = type;
    this.value = value;
  }
}
