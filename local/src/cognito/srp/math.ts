/**
 * SRP-6a arithmetic as Cognito and Amplify compute it (checked against @aws-amplify/auth
 * 6.21.1 `providers/cognito/utils/srp`): SHA-256, the RFC 3526 3072-bit group, g = 2, and
 * "padded hex" that is minimal two's-complement hex — not padded to the length of N.
 */
import { createHash, createHmac } from 'node:crypto';

/** RFC 3526 group 15 (3072-bit MODP). */
export const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1' +
    '29024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245' +
    'E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
    'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D' +
    '670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9' +
    'DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64' +
    'ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B' +
    'F12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31' +
    '43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
export const g = 2n;

/** Minimal big-endian two's-complement hex of a non-negative integer: even length, `00` before a set top bit. */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = '0' + hex;
  else if ('89abcdef'.includes(hex[0])) hex = '00' + hex;
  return hex;
}

/** SHA-256 of the bytes a hex string encodes, as 64 lowercase hex chars. */
export function hashHex(hex: string): string {
  return createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
}

export function hashUtf8(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    e >>= 1n;
    b = (b * b) % modulus;
  }
  return result;
}

/** k = H(PAD(N) ‖ PAD(g)). */
export const k = BigInt('0x' + hashHex(padHex(N) + padHex(g)));

/** x = H(PAD(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password)). */
export function computeX(poolName: string, userId: string, password: string, salt: bigint): bigint {
  const inner = hashUtf8(`${poolName}${userId}:${password}`);
  return BigInt('0x' + hashHex(padHex(salt) + inner));
}

/** u = H(PAD(A) ‖ PAD(B)). */
export function computeU(A: bigint, B: bigint): bigint {
  return BigInt('0x' + hashHex(padHex(A) + padHex(B)));
}

/** One HKDF-SHA256 block with info "Caldera Derived Key", truncated to 16 bytes (Amplify's getHkdfKey). */
export function derivePasswordKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  const okm = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest();
  return okm.subarray(0, 16);
}

export function randomBigInt(bytes: number, random: (n: number) => Buffer): bigint {
  return BigInt('0x' + random(bytes).toString('hex'));
}
