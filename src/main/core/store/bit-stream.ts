/**
 * Bit-level writer and reader, most significant bit first, over 32-bit words (so every operation is a couple
 * of shifts on small integers, which V8 keeps unboxed). Serialised little-endian, word by word.
 */
export class BitWriter {
  private words: Uint32Array;
  private count = 0;
  private acc = 0;
  private used = 0;

  constructor(capacityBits = 1024) {
    this.words = new Uint32Array(Math.max(4, Math.ceil(capacityBits / 32)));
  }

  /** Writes the low `n` bits of `v` (1 ≤ n ≤ 32; v must be < 2^n). */
  write(n: number, v: number): void {
    const space = 32 - this.used;
    if (n < space) {
      this.acc = (this.acc | (v << (space - n))) >>> 0;
      this.used += n;
      return;
    }
    const rest = n - space;
    this.push((this.acc | (v >>> rest)) >>> 0);
    this.acc = rest === 0 ? 0 : (v << (32 - rest)) >>> 0;
    this.used = rest;
  }

  get bitLength(): number {
    return this.count * 32 + this.used;
  }

  /** Writes the low `n` bits (1 ≤ n ≤ 64) of the 64-bit value hi:lo. */
  write64(n: number, hi: number, lo: number): void {
    if (n > 32) {
      this.write(n - 32, (hi & (0xffffffff >>> (64 - n))) >>> 0);
      this.write(32, lo >>> 0);
    } else {
      this.write(n, (lo & (0xffffffff >>> (32 - n))) >>> 0);
    }
  }

  private push(word: number): void {
    if (this.count === this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[this.count++] = word;
  }

  /** The bytes written so far, padded to a whole word, after `prefix` (a header), in one buffer. */
  toBuffer(prefix: Uint8Array = new Uint8Array(0)): Buffer {
    const n = this.count + (this.used > 0 ? 1 : 0);
    const out = Buffer.allocUnsafe(prefix.byteLength + n * 4);
    out.set(prefix, 0);
    let at = prefix.byteLength;
    for (let i = 0; i < this.count; i++, at += 4) out.writeUInt32LE(this.words[i]!, at);
    if (this.used > 0) out.writeUInt32LE(this.acc, at);
    return out;
  }
}

export class BitReader {
  /** The words, plus two zero words so that a read never leaves the array; overruns are checked apart. */
  private words = new Uint32Array(64);
  private limit = 0;
  private index = 0;
  private pos = 0;

  constructor(bytes?: Uint8Array, offset = 0) {
    if (bytes) this.reset(bytes, offset);
  }

  /** Starts reading `bytes` from `offset`, reusing this reader's buffer (decoding allocates nothing). */
  reset(bytes: Uint8Array, offset: number): this {
    const n = Math.floor((bytes.byteLength - offset) / 4);
    if (this.words.length < n + 2) this.words = new Uint32Array(2 * n + 2);
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, n * 4);
    for (let i = 0; i < n; i++) this.words[i] = view.getUint32(i * 4, true);
    this.words[n] = 0;
    this.words[n + 1] = 0;
    this.limit = n;
    this.index = 0;
    this.pos = 0;
    return this;
  }

  /** Reads `n` bits (1 ≤ n ≤ 32) as an unsigned integer. */
  read(n: number): number {
    const pos = this.pos;
    const word = this.words[this.index]!;
    const end = pos + n;
    if (end < 32) {
      this.pos = end;
      return ((word << pos) >>> 0) >>> (32 - n);
    }
    if (end === 32) {
      this.pos = 0;
      this.advance();
      return pos === 0 ? word : (word & (0xffffffff >>> pos)) >>> 0;
    }
    const rest = end - 32;
    const high = (word & (0xffffffff >>> pos)) >>> 0;
    this.advance();
    this.pos = rest;
    return ((high << rest) | (this.words[this.index]! >>> (32 - rest))) >>> 0;
  }

  /** Reads one bit. */
  bit(): number {
    return this.read(1);
  }

  private advance(): void {
    if (++this.index > this.limit) throw new Error('metric store: chunk ends too early');
  }
}
