/**
 * SHA-256 (FIPS 180-4) in JavaScript, for HMAC-SHA256 over short messages: the state of the
 * key's inner and outer pad blocks is computed once per key, so each MAC compresses only the
 * message blocks and one outer block, with no native call and no allocation besides the
 * result. For cookie-sized messages this is cheaper than two one-shot `crypto.hash` calls.
 */

// biome-ignore format: eight round constants a row
const K = Uint32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);

/** The initial hash value H(0). */
// biome-ignore format: one row
export const SHA256_IV = Uint32Array.of(
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
);

/** The message schedule, reused by every compression (the computation is synchronous). */
const W = new Int32Array(64);

/**
 * Compresses the 64-byte blocks `src[at : at + 64*blocks]` into `state` (8 words), in place.
 */
export function compress(state: Int32Array, src: Uint8Array, at: number, blocks: number): void {
  const w = W;
  const k = K;
  let h0 = state[0];
  let h1 = state[1];
  let h2 = state[2];
  let h3 = state[3];
  let h4 = state[4];
  let h5 = state[5];
  let h6 = state[6];
  let h7 = state[7];
  for (let blk = 0; blk < blocks; blk++) {
    let p = at + (blk << 6);
    for (let i = 0; i < 16; i++, p += 4) {
      w[i] = (src[p] << 24) | (src[p + 1] << 16) | (src[p + 2] << 8) | src[p + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + k[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
  state[4] = h4;
  state[5] = h5;
  state[6] = h6;
  state[7] = h7;
}

/**
 * Pads the message `buf[at : at+length]` in place as SHA-256 does, counting `prefix` bytes
 * already compressed before it, and returns the number of 64-byte blocks it now spans.
 * `buf` must have room for 72 bytes past the message.
 */
export function pad(buf: Uint8Array, at: number, length: number, prefix: number): number {
  const end = at + length;
  const blocks = ((length + 8) >>> 6) + 1;
  const last = at + (blocks << 6);
  buf[end] = 0x80;
  buf.fill(0, end + 1, last - 8);
  // Message length in bits, big-endian 64-bit (below 2^53).
  const bits = (prefix + length) * 8;
  const hi = Math.floor(bits / 0x100000000);
  buf[last - 8] = hi >>> 24;
  buf[last - 7] = hi >>> 16;
  buf[last - 6] = hi >>> 8;
  buf[last - 5] = hi;
  buf[last - 4] = bits >>> 24;
  buf[last - 3] = bits >>> 16;
  buf[last - 2] = bits >>> 8;
  buf[last - 1] = bits;
  return blocks;
}

/** Writes the 8 state words big-endian into `dst[at : at+32]`. */
export function digestInto(state: Int32Array, dst: Uint8Array, at: number): void {
  for (let i = 0; i < 8; i++, at += 4) {
    const v = state[i];
    dst[at] = v >>> 24;
    dst[at + 1] = v >>> 16;
    dst[at + 2] = v >>> 8;
    dst[at + 3] = v;
  }
}
