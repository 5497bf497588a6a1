/**
 * The errors of every codec `EncodeMulti`/`DecodeMulti` tried.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`MultiError`).
 */
import { isSecureCookieErrorLike, type SecureCookieErrorLike } from "./SecureCookieError.ts";

export class MultiError extends Error implements SecureCookieErrorLike {
  override name = "MultiError";
  readonly errors: ReadonlyArray<Error | null>;

  /**
   * The message is Go's: the first non-null error's text, then `" (and 1 other error)"` or
   * `" (and N other errors)"`; `"(0 errors)"` when there is none.
   */
  constructor(errors: ReadonlyArray<Error | null>) {
    super(MultiError.text(errors));
    this.errors = errors;
  }

  private static text(errors: ReadonlyArray<Error | null>): string {
    let s = "";
    let n = 0;
    for (const e of errors) {
      if (e !== null) {
        if (n === 0) s = e.message;
        n++;
      }
    }
    switch (n) {
      case 0:
        return "(0 errors)";
      case 1:
        return s;
      case 2:
        return `${s} (and 1 other error)`;
    }
    return `${s} (and ${n - 1} other errors)`;
  }

  /** True when any of the errors is a usage error (as Go, any error, not only the first). */
  IsUsage(): boolean {
    return this.any((e) => e.IsUsage());
  }

  IsDecode(): boolean {
    return this.any((e) => e.IsDecode());
  }

  IsInternal(): boolean {
    return this.any((e) => e.IsInternal());
  }

  /** Always null: there is no unique underlying cause; iterate `errors` instead. */
  Cause(): Error | null {
    return null;
  }

  /** True when an element has Go's `securecookie.Error` methods and `pred` holds for it. */
  private any(pred: (e: SecureCookieErrorLike) => boolean): boolean {
    for (const e of this.errors) {
      if (isSecureCookieErrorLike(e) && pred(e)) return true;
    }
    return false;
  }
}
