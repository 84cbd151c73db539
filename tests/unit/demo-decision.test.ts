import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { demoDecision, isLoopbackHost } from '../../server/demo/seed.js';

describe('demo data with published passwords', () => {
  // [environment, seeded?]
  const cases: Array<[Record<string, string>, boolean]> = [
    [{}, true],
    [{ HOST: '127.0.0.1' }, true],
    [{ HOST: 'localhost' }, true],
    [{ HOST: '::1' }, true],
    [{ HOST: '0.0.0.0' }, false],
    [{ HOST: '::' }, false],
    [{ HOST: '192.168.1.20' }, false],
    [{ HOST: 'samplan.example.se' }, false],
    // Behind a proxy, loopback is reached by everyone the proxy serves.
    [{ HOST: '127.0.0.1', TRUST_PROXY: 'true' }, false],
    [{ HOST: '127.0.0.1', TRUST_PROXY: 'true', DEMO_DATA: 'true' }, true],
    // Explicit wins either way.
    [{ HOST: '0.0.0.0', DEMO_DATA: 'true' }, true],
    [{ HOST: '0.0.0.0', DEMO_DATA: '1' }, true],
    [{ HOST: '127.0.0.1', DEMO_DATA: 'false' }, false],
    // A shared PostgreSQL database (many processes): only when asked.
    [{ HOST: '127.0.0.1', DATABASE_URL: 'postgres://samplan@127.0.0.1/samplan' }, false],
    [{ HOST: '127.0.0.1', DATABASE_URL: 'postgres://samplan@127.0.0.1/samplan', DEMO_DATA: 'true' }, true],
    // Set but empty counts as unset.
    [{ HOST: '0.0.0.0', DEMO_DATA: '' }, false],
  ];
  it.each(cases)('%j → seeded %s, and start-up says why', (env, seeded) => {
    const decision = demoDecision(loadConfig(env));
    expect(decision.seed).toBe(seeded);
    expect(decision.reason).toMatch(seeded ? /^Demodata: på/ : /^Demodata: av/);
    expect(decision.reason).toContain('DEMO_DATA');
  });

  const hosts: Array<[string, boolean]> = [
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['LOCALHOST', true],
    ['128.0.0.1', false],
    ['127.0.0.1.example.se', false],
    ['::2', false],
    ['', false],
  ];
  it.each(hosts)('loopback(%j) = %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
