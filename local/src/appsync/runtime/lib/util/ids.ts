/** util.autoId / autoUlid / autoKsuid, fed by the host's CSPRNG through `randomBytes`. */
let source: (n: number) => number[] = () => {
  throw new Error('random source not installed');
};

export function installRandom(fn: (n: number) => number[]): void {
  source = fn;
}

export function randomBytes(n: number): number[] {
  return source(n);
}

const hex = (b: number) => (b < 16 ? '0' : '') + b.toString(16);

/** RFC 4122 version 4 UUID, lower case (what AppSync returns). */
export function autoId(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map(hex).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** ULID: 48-bit millisecond time + 80 random bits, Crockford base32, 26 characters. */
export function autoUlid(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i += 1) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const r = randomBytes(10);
  let bits = 0;
  let acc = 0;
  let rand = '';
  for (const byte of r) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      rand += CROCKFORD[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return time + rand;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KSUID_EPOCH = 1_400_000_000;

/** KSUID: 32-bit seconds since 2014-05-13 + 128 random bits, base62, 27 characters. */
export function autoKsuid(now: number = Date.now()): string {
  const ts = Math.floor(now / 1000) - KSUID_EPOCH;
  let digits = [(ts >>> 24) & 255, (ts >>> 16) & 255, (ts >>> 8) & 255, ts & 255, ...randomBytes(16)];
  let out = '';
  while (digits.length > 0) {
    const quotient: number[] = [];
    let rem = 0;
    for (const d of digits) {
      const acc = rem * 256 + d;
      const q = Math.floor(acc / 62);
      rem = acc % 62;
      if (quotient.length > 0 || q > 0) quotient.push(q);
    }
    out = BASE62[rem] + out;
    digits = quotient;
  }
  return out.padStart(27, '0');
}
