import { describe, expect, it } from 'vitest';
import { addressKey, clientAddressOf, lastEntry, requestHostOf, requestSchemeOf } from '../../server/http/client-address.js';

const PEER = '10.0.0.9';

describe('client address behind a proxy', () => {
  // [X-Forwarded-For as it arrives, trustProxy, expected client address]
  const cases: Array<[string | string[] | undefined, boolean, string]> = [
    [undefined, true, PEER],
    ['203.0.113.7', true, '203.0.113.7'],
    // The client wrote the first entry; the proxy appended the last.
    ['1.1.1.1, 203.0.113.7', true, '203.0.113.7'],
    ['1.1.1.1,203.0.113.7', true, '203.0.113.7'],
    [['1.1.1.1', '203.0.113.7'], true, '203.0.113.7'],
    ['1.1.1.1, 2001:db8::1', true, '2001:db8::1'],
    ['1.1.1.1, [2001:db8::1]:443', true, '2001:db8::1'],
    ['1.1.1.1, 203.0.113.7:5000', true, '203.0.113.7'],
    // Not an address at the end: the proxy's own word is the socket.
    ['203.0.113.7, not-an-ip', true, PEER],
    ['1.1.1.1, ', true, PEER],
    // Untrusted: the header means nothing.
    ['203.0.113.7', false, PEER],
    ['1.1.1.1, 203.0.113.7', false, PEER],
  ];
  it.each(cases)('X-Forwarded-For %j (trust %s) → %s', (header, trust, expected) => {
    expect(clientAddressOf({ 'x-forwarded-for': header }, PEER, trust)).toBe(expected);
  });

  it('never lets a client-written prefix choose the address (fuzz)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const part = () => {
      const kinds = [() => `${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.0.1`, () => 'x'.repeat(Math.floor(random() * 5)), () => '::1', () => ' , ', () => 'unknown'];
      return kinds[Math.floor(random() * kinds.length)]?.() ?? '';
    };
    for (let i = 0; i < 500; i++) {
      const written = Array.from({ length: Math.floor(random() * 6) }, part).join(',');
      const appended = `198.51.100.${i % 256}`;
      const header = written ? `${written}, ${appended}` : appended;
      expect(clientAddressOf({ 'x-forwarded-for': header }, PEER, true)).toBe(appended);
    }
  });

  it('unknown when there is neither a trusted header nor a socket', () => {
    expect(clientAddressOf({}, undefined, true)).toBe('unknown');
  });
});

describe('scheme and host behind a proxy', () => {
  const schemes: Array<[string | undefined, boolean, 'http' | 'https']> = [
    ['https', true, 'https'],
    ['http, https', true, 'https'],
    // A client claiming https in front of a proxy that appended http.
    ['https, http', true, 'http'],
    ['HTTPS', true, 'https'],
    ['https', false, 'http'],
    [undefined, true, 'http'],
  ];
  it.each(schemes)('X-Forwarded-Proto %j (trust %s) → %s', (header, trust, expected) => {
    expect(requestSchemeOf({ 'x-forwarded-proto': header }, 'http', trust)).toBe(expected);
  });

  it('an https socket stays https whatever the headers say', () => {
    expect(requestSchemeOf({ 'x-forwarded-proto': 'http' }, 'https', true)).toBe('https');
  });

  const hosts: Array<[string | undefined, boolean, string]> = [
    ['evil.example, samplan.example', true, 'samplan.example'],
    ['samplan.example', true, 'samplan.example'],
    ['samplan.example', false, 'internal:8787'],
    [undefined, true, 'internal:8787'],
  ];
  it.each(hosts)('X-Forwarded-Host %j (trust %s) → %s', (header, trust, expected) => {
    expect(requestHostOf({ 'x-forwarded-host': header, host: 'internal:8787' }, trust)).toBe(expected);
  });

  it('lastEntry reads repeated header lines as one list', () => {
    expect(lastEntry(['a, b', 'c'])).toBe('c');
    expect(lastEntry(undefined)).toBeUndefined();
  });
});

describe('the key a per-address limit counts under', () => {
  const keys: Array<[string, string]> = [
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::ffff', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ];
  it.each(keys)('%s → %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('every address of one /64 shares a key (fuzz)', () => {
    for (let i = 0; i < 200; i++) {
      const tail = Array.from({ length: 4 }, (_, j) => ((i * 7919 + j * 104729) % 65536).toString(16)).join(':');
      expect(addressKey(`2001:db8:aa:bb:${tail}`)).toBe('2001:db8:aa:bb::/64');
    }
  });
});
