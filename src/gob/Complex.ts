/**
 * A Go complex number (`complex64` / `complex128`): the real part first, as gob sends it.
 * Encoded fresh, a `Complex` is a `complex128`.
 */
export class Complex {
  readonly real: number;
  readonly imag: number;

  constructor(real: number, imag: number) {
    this.real = real;
    this.imag = imag;
  }
}
