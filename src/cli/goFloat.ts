/**
 * Go's `%v` of a float (`strconv.FormatFloat(f, 'g', -1, bits)` as fmt prints it): the
 * shortest decimal that reads back as the same float64 (or float32), in `%e` form when the
 * exponent is below -4 or at least 6 (`1e+06`, `1.5e-07`), `+Inf`, `-Inf`, `NaN`.
 * Port of Go 1.26 strconv/ftoa.go (`%g` with the shortest precision) and fmt/format.go
 * `fmtFloat`.
 */
export function goFloat(v: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "+Inf";
  if (v === Number.NEGATIVE_INFINITY) return "-Inf";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const neg = v < 0;
  const [digits, exp] = shortest(Math.abs(v), bits);
  let body: string;
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    body = `${mant}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  } else if (exp < 0) {
    body = `0.${"0".repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    body = digits + "0".repeat(exp + 1 - digits.length);
  } else {
    body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${body}` : body;
}

/** The shortest round-tripping decimal digits of `v > 0` and the exponent of the first. */
function shortest(v: number, bits: 32 | 64): [string, number] {
  let text = v.toExponential();
  if (bits === 32) {
    for (let p = 1; p <= 9; p++) {
      const t = v.toExponential(p - 1);
      if (Math.fround(Number(t)) === v) {
        text = t;
        break;
      }
    }
  }
  const [mant, e] = text.split("e");
  return [mant.replace(".", "").replace(/0+$/, "") || "0", Number(e)];
}
