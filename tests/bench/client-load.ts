/**
 * Client figures in real Chromium: gzip weight of the first page, and time from
 * navigation to the demo plan rendered and synced. With `--screenshot DIR` it also saves
 * screenshots for the README.
 *
 *   npx tsx tests/bench/client-load.ts [--screenshot docs]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchBrowser } from '../e2e/support/browser.js';
import { CLIENT_DIR, openPlan, signedInContext, startE2eServer } from '../e2e/support/fixture.js';

const screenshotDir = process.argv.includes('--screenshot') ? process.argv[process.argv.indexOf('--screenshot') + 1] : undefined;

await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const html = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8');
const firstPage = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
const gzipKb = (file: string) => gzipSync(readFileSync(join(CLIENT_DIR, file))).length / 1024;
const firstPageKb = firstPage.reduce((sum, file) => sum + gzipKb(file), gzipKb('index.html'));
const allKb = readdirSync(join(CLIENT_DIR, 'assets')).reduce((sum, file) => sum + gzipKb(join('assets', file)), 0);

const server = await startE2eServer();
const browser = await launchBrowser();
try {
  const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  const plan = ws.documents.find((d) => d.kind === 'action-plan')?.id ?? '';
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await context.newPage();
    const start = performance.now();
    await openPlan(page, server, plan);
    times.push(performance.now() - start);
    if (run === 4 && screenshotDir) {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.screenshot({ path: join(screenshotDir, 'plan-editor.png') });
    }
    await page.close();
  }
  if (screenshotDir) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    for (const kind of ['strategy', 'agenda'] as const) {
      await page.goto(`${server.url}/d/${ws.documents.find((d) => d.kind === kind)?.id}`);
      await page.locator('[data-status="online"]').waitFor();
      await page.locator(kind === 'strategy' ? '.indicator-chart canvas' : '.agenda-item').first().waitFor();
      if (kind === 'strategy') await page.locator('.indicator').first().scrollIntoViewIfNeeded();
      else await page.locator('#meetings-heading').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, `${kind}-editor.png`) });
    }
    await page.close();
  }
  times.sort((a, b) => a - b);
  console.log(`first page (HTML+JS+CSS, gzip): ${firstPageKb.toFixed(1)} KB; all assets: ${allKb.toFixed(1)} KB`);
  console.log(`demo plan rendered and synced: median ${Math.round(times[2] ?? 0)} ms (5 runs, warm server: ${times.map(Math.round).join(', ')} ms)`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
