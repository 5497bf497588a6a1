/**
 * Fixed benchmark keys: 32-byte hash (HMAC-SHA256) and block (AES-256) keys, so the cookies of
 * every run are comparable. Never use constant keys outside a benchmark.
 */
export const hashKey32 = Buffer.from("bench-hash-key-0123456789abcdef!", "latin1");
export const blockKey32 = Buffer.from("bench-block-key-0123456789abcdef", "latin1");
export const secret = "bench-express-session-secret-0123456789";
