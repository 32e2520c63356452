/**
 * DNS-rebinding defence shared by every offline endpoint. A page on `attacker.example` can have
 * its name re-pointed at 127.0.0.1: the browser then treats the local server as same-origin with
 * the attacker's page and sends `Host: attacker.example:PORT`, so CORS allowlists never see a
 * foreign origin. Only the Host header tells such requests apart, so each server refuses Host
 * values that are not loopback (localhost, *.localhost, 127.0.0.0/8, [::1]) or listed in
 * ALLOWED_HOSTS, before doing any work.
 *
 * The matching rules follow Vite's `server.allowedHosts` (a leading `.` admits a name and its
 * subdomains), so one variable configures the web dev server too (web/vite.config.ts). Unlike
 * Vite, which admits every IP literal, only loopback addresses are built in: a LAN address is
 * an explicit choice (`HOST=0.0.0.0 ALLOWED_HOSTS=192.168.1.20`). Vite's own check
 * (host-validation-middleware) cannot be reused for that reason.
 */
import net from 'node:net';

/** The environment variable naming extra Host values to serve (comma-separated; `*` admits any). */
export const ALLOWED_HOSTS_ENV = 'ALLOWED_HOSTS';

/** `true`: any host (the check is off); otherwise extra host patterns beside the loopback ones. */
export type AllowedHosts = readonly string[] | true;

/** Decides whether a request's `Host` header may be served. */
export type HostCheck = (hostHeader: string | undefined) => boolean;

/** Parses an ALLOWED_HOSTS value: comma-separated names, IPs or `.domain` patterns; `*` = any. */
export function parseAllowedHosts(value: string | undefined): AllowedHosts {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (entries.includes('*')) return true;
  return entries.map((e) => (e.startsWith('.') ? `.${hostnameOf(e.slice(1)) ?? e.slice(1)}` : (hostnameOf(e) ?? e)));
}

/** The extra hosts configured in the environment. */
export function allowedHostsFromEnv(env: NodeJS.ProcessEnv = process.env): AllowedHosts {
  return parseAllowedHosts(env[ALLOWED_HOSTS_ENV]);
}

/**
 * The normalized host name of a Host header (`[::1]:4569` → `[::1]`, `LocalHost.` → `localhost`,
 * `127.1` → `127.0.0.1`), or undefined when it is not a valid `host[:port]`. WHATWG URL parsing
 * does the normalizing, so spellings a browser treats as the same host compare equal here.
 */
export function hostnameOf(hostHeader: string): string | undefined {
  // Userinfo, paths and whitespace never belong in Host; URL would quietly strip or accept them.
  if (!hostHeader || /[\s@/\\?#]/.test(hostHeader)) return undefined;
  try {
    const url = new URL(`http://${hostHeader}`);
    return url.hostname.replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

function isLoopbackName(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  if (hostname === '[::1]') return true;
  return net.isIPv4(hostname) && hostname.startsWith('127.');
}

function matches(hostname: string, pattern: string): boolean {
  if (pattern.startsWith('.')) return hostname === pattern.slice(1) || hostname.endsWith(pattern);
  return hostname === pattern;
}

/**
 * `allowed` plus a specific interface the servers bind to, as Vite admits its `server.host`: the
 * stack's own clients (seed, JWKS) may call the endpoints by that address. Wildcards add nothing.
 */
export function withBindAddress(allowed: AllowedHosts, bindHost: string): AllowedHosts {
  if (allowed === true || bindHost === '0.0.0.0' || bindHost === '::' || bindHost === '') return allowed;
  return [...allowed, hostnameOf(net.isIPv6(bindHost) ? `[${bindHost}]` : bindHost) ?? bindHost];
}

/** A HostCheck admitting loopback hosts plus `allowed` (default: ALLOWED_HOSTS). A missing Host is refused. */
export function createHostCheck(allowed: AllowedHosts = allowedHostsFromEnv()): HostCheck {
  if (allowed === true) return () => true;
  return (hostHeader) => {
    const hostname = hostHeader === undefined ? undefined : hostnameOf(hostHeader);
    if (!hostname) return false;
    return isLoopbackName(hostname) || allowed.some((pattern) => matches(hostname, pattern));
  };
}

/** The text every endpoint answers a refused Host with (inside its own error shape). */
export function refusedHostMessage(hostHeader: string | undefined): string {
  const shown = (hostHeader ?? '').slice(0, 255).replace(/[^\x20-\x7e]/g, '?');
  return `Host '${shown}' is not served here: only loopback hosts and those listed in ${ALLOWED_HOSTS_ENV} are (DNS rebinding protection).`;
}
