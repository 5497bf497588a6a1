/** What the Redis stores use of an ioredis `Redis` or `Cluster`. */
export interface SessionClient {
  readonly status: string;
  getBuffer(key: string): Promise<Buffer | null>;
  setex(key: string, seconds: number, value: Buffer): Promise<unknown>;
  del(key: string): Promise<unknown>;
  ping(): Promise<string>;
  quit(): Promise<unknown>;
  disconnect(): void;
  once(event: "end", listener: () => void): unknown;
}
