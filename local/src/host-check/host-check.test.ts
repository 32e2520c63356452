import { describe, expect, it } from 'vitest';
import { createHostCheck, parseAllowedHosts, refusedHostMessage, withBindAddress } from './host-check.ts';

describe('host check', () => {
  const loopbackOnly = createHostCheck([]);

  it('admits loopback names and addresses, with or without a port', () => {
    for (const host of ['localhost', 'localhost:20002', 'LocalHost.:9229', 'web.localhost:5173', '127.0.0.1:4569', '127.1.2.3', '127.1', '[::1]:20002', '[::1]', '[0:0:0:0:0:0:0:1]:80']) {
      expect(loopbackOnly(host), host).toBe(true);
    }
  });

  it('refuses foreign, malformed and missing hosts', () => {
    for (const host of ['attacker.example:20002', 'localhost.attacker.example', '10.0.0.5:20002', '0.0.0.0:20002', '[::2]', '[::ffff:127.0.0.1]', 'localhost@attacker.example', 'localhost/x', 'localhost:99999', 'local host', '', undefined]) {
      expect(loopbackOnly(host), String(host)).toBe(false);
    }
  });

  it('admits what ALLOWED_HOSTS lists: names, IPs and .domain patterns; * admits any', () => {
    const allowed = parseAllowedHosts(' 192.168.1.20, mybox.lan ,.dev.example ');
    expect(allowed).toEqual(['192.168.1.20', 'mybox.lan', '.dev.example']);
    const check = createHostCheck(allowed);
    for (const host of ['192.168.1.20:20002', 'MYBOX.lan:9229', 'dev.example', 'a.b.dev.example:5173', 'localhost:1']) expect(check(host), host).toBe(true);
    for (const host of ['192.168.1.21', 'evil-dev.example', 'mybox.lan.evil']) expect(check(host), host).toBe(false);
    expect(parseAllowedHosts('a, *')).toBe(true);
    expect(createHostCheck(true)('attacker.example')).toBe(true);
    expect(parseAllowedHosts(undefined)).toEqual([]);
  });

  it('admits a specific bind address, not a wildcard one', () => {
    expect(withBindAddress(['lan.example'], '192.168.1.20')).toEqual(['lan.example', '192.168.1.20']);
    expect(createHostCheck(withBindAddress([], 'fd00::5'))('[fd00::5]:20002')).toBe(true);
    expect(withBindAddress([], '0.0.0.0')).toEqual([]);
    expect(withBindAddress([], '::')).toEqual([]);
    expect(withBindAddress(true, '10.0.0.1')).toBe(true);
  });

  it('names the refused host printable and bounded', () => {
    expect(refusedHostMessage('attacker.example:1')).toContain("'attacker.example:1'");
    expect(refusedHostMessage('x'.repeat(5000)).length).toBeLessThan(400);
  });
});
