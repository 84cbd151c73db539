/** DEMO_DATA at start: seeded only on loopback unless set explicitly, and start-up says which. */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/demo/seed.js';
import { startServer } from '../../server/server.js';
import { ApiClient } from '../support/api.js';
import { tempDataDir } from '../support/server.js';

describe('demo data at start-up', () => {
  // [DEMO_DATA in the environment (HOST is 127.0.0.1), demo log-in status, start-up line]
  const cases: Array<[string | undefined, number, RegExp]> = [
    [undefined, 200, /^Demodata: på, eftersom HOST=127\.0\.0\.1/],
    ['true', 200, /^Demodata: på \(DEMO_DATA=true\)/],
    ['false', 401, /^Demodata: av \(DEMO_DATA=false\)/],
  ];
  it.each(cases)('DEMO_DATA=%s: demo log-in %i, start-up says so', async (demo, status, line) => {
    const dataDir = tempDataDir();
    const lines: string[] = [];
    const env: Record<string, string> = { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ...(demo === undefined ? {} : { DEMO_DATA: demo }) };
    const server = await startServer({ ...loadConfig(env), clientDir: null }, undefined, (text: string) => lines.push(text));
    try {
      expect(lines.some((text) => line.test(text))).toBe(true);
      expect(lines.some((text) => text.includes(DEMO_PASSWORD))).toBe(status === 200);
      const login = await new ApiClient(server.url).request('POST', '/api/auth/login', { email: DEMO_USERS[0].email, password: DEMO_PASSWORD });
      expect(login.status).toBe(status);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
