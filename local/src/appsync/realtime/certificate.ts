/**
 * The local TLS certificate for `wss://localhost:<port>`: generated once with `selfsigned` into the
 * data dir and reused on later starts, so a client that trusts it once keeps trusting it.
 * Node trusts it with `NODE_EXTRA_CA_CERTS=<certDir>/localhost-cert.pem` (set before the process
 * starts); see docs/realtime.md "Trusting the certificate".
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface CertificateFiles {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

export const CERT_FILE = 'localhost-cert.pem';
export const KEY_FILE = 'localhost-key.pem';

/** Reads the certificate from `dir`, generating it (valid 825 days) when absent or expired. */
export async function ensureCertificate(dir: string, extraHosts: string[] = []): Promise<CertificateFiles> {
  const certPath = path.join(dir, CERT_FILE);
  const keyPath = path.join(dir, KEY_FILE);
  try {
    const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    if (new Date(new X509Certificate(cert).validTo).getTime() > Date.now() + 86_400_000) return { cert, key, certPath, keyPath };
  } catch {
    // absent or unreadable: generate below
  }
  const dns = ['localhost', ...extraHosts.filter((h) => !isIp(h))];
  const ips = ['127.0.0.1', '::1', ...extraHosts.filter(isIp)];
  const notAfter = new Date(Date.now() + 825 * 86_400_000); // the longest lifetime browsers accept
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      // CA:true lets the same file serve as the trust anchor (NODE_EXTRA_CA_CERTS, OS stores).
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  await mkdir(dir, { recursive: true });
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  await writeFile(certPath, pems.cert);
  return { cert: pems.cert, key: pems.private, certPath, keyPath };
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
