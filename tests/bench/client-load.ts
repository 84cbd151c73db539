/**
 * Client figures in real Chromium: gzip weight of the first page, and time from
 * navigation to the demo plan rendered and synced. With `--screenshot DIR` it also saves
 * screenshots for the README. Then big plans (400 and 2 000 activities): typing, a peer
 * following, opening and scrolling (`client-big-plan.ts`, issue 17 item 14).
 *
 *   npx tsx tests/bench/client-load.ts [--screenshot docs] [--big-only] [--goals=1,20,100] [--reuse-build]
 *     [--while-building] [--per-goal=20] [--at=<px>] [--short-window]
 *
 * `--reuse-build` skips the build when dist/bench-client is already there (repeated runs of
 * the same client; never after changing it).
 * `--at=<px>` puts the typed-in field's top at that viewport y before typing;
 * `--short-window` keeps the window Playwright gives a headless page, whose display shows only
 * the viewport's top 813 px (the old bench; `showWholeViewport` in client-window.ts).
 *
 * The client is built into its own directory (dist/bench-client), so a run never empties
 * dist/client under browser tests running at the same time.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from '../e2e/support/browser.js';
import { openPlan, signedInContext } from '../e2e/support/fixture.js';
import { startTestServer } from '../support/server.js';
import { describeBigPlan, measureBigPlan } from './client-big-plan.js';

const CLIENT_DIR = fileURLToPath(new URL('../../dist/bench-client', import.meta.url));
const bigOnly = process.argv.includes('--big-only');
/** Type as soon as the typed-in row is there, while the rest of the plan is still being built. */
const whileBuilding = process.argv.includes('--while-building');
/** Goals (× 20 activities) of the big plans: `--goals=1,20,100` (the default). */
const sizes = (process.argv.find((arg) => arg.startsWith('--goals='))?.slice(8) ?? '1,20,100').split(',').map(Number);

const screenshotDir = process.argv.includes('--screenshot') ? process.argv[process.argv.indexOf('--screenshot') + 1] : undefined;

const reuse = process.argv.includes('--reuse-build') && existsSync(join(CLIENT_DIR, 'index.html'));
if (!reuse) await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: CLIENT_DIR, emptyOutDir: true } });
const html = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8');
const firstPage = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
const gzipKb = (file: string) => gzipSync(readFileSync(join(CLIENT_DIR, file))).length / 1024;
const firstPageKb = firstPage.reduce((sum, file) => sum + gzipKb(file), gzipKb('index.html'));
const allKb = readdirSync(join(CLIENT_DIR, 'assets')).reduce((sum, file) => sum + gzipKb(join('assets', file)), 0);

const server = await startTestServer({ demoData: true, clientDir: CLIENT_DIR });
const browser = await launchBrowser();
try {
  const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  const plan = ws.documents.find((d) => d.kind === 'action-plan')?.id ?? '';
  const bigPlans = async () => {
    const follower = await signedInContext(browser, server, 'erik@demo.samplan.se');
    for (const goals of sizes) console.log(describeBigPlan(await measureBigPlan([context, follower.context], api, server.url, me.workspaces[0]?.id ?? '', goals, whileBuilding)));
    await follower.context.close();
  };
  if (bigOnly) {
    await bigPlans();
    await context.close();
    await browser.close();
    await server.stop();
    process.exit(0);
  }
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
  console.log(`demo plan rendered and synced: median ${Math.round(times[2] ?? 0)} ms (5 runs: ${times.map(Math.round).join(', ')} ms)`);

  // A 1 000-activity plan: rendered and interactive (a budget field takes input).
  const lines = ['Stor plan', 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
  for (let g = 1; g <= 50; g++) {
    lines.push(`Mål ${g} Mål nummer ${g}. Beskrivning av målet.\t\t\t\t\t`);
    for (let a = 1; a <= 20; a++) lines.push(`${g}.${a} Aktivitet ${g}.${a}\tBeskrivning av aktiviteten\t${1000 * a}\tKommunen\t2027-01-01 - 2027-12-31\tAlla`);
  }
  const imported = await api.request('POST', `/api/workspaces/${me.workspaces[0]?.id}/import`, lines.join('\n'), { 'content-type': 'text/tab-separated-values' });
  const big = ((await imported.json()) as { id: string }).id;
  const bigTimes: number[] = [];
  const allRows: number[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await context.newPage();
    const start = performance.now();
    page.setDefaultTimeout(120_000);
    await openPlan(page, server, big);
    const input = page.locator('tr.activity[data-number="1.1"] .col-budget input');
    await input.fill('1 234');
    bigTimes.push(performance.now() - start);
    await page.locator('tr.activity[data-number="50.20"]').waitFor({ state: 'attached' });
    allRows.push(performance.now() - start);
    await page.close();
  }
  bigTimes.sort((a, b) => a - b);
  allRows.sort((a, b) => a - b);
  console.log(`1 000-activity plan rendered, synced and taking input: median ${Math.round(bigTimes[1] ?? 0)} ms (${bigTimes.map(Math.round).join(', ')} ms); all 1 000 rows in the DOM: median ${Math.round(allRows[1] ?? 0)} ms`);

  // A remote edit reaching the DOM: from the change in one browser to the plan's total
  // showing it in another (wall clock shared by both pages; includes the server hop).
  const [viewer, editorPage] = [await context.newPage(), await context.newPage()];
  await Promise.all([openPlan(viewer, server, plan), openPlan(editorPage, server, plan)]);
  const delays: number[] = [];
  for (let i = 0; i < 20; i++) {
    const shown = viewer.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const total = document.querySelector('[data-total="planned"]');
          const observer = new MutationObserver(() => (observer.disconnect(), resolve(Date.now())));
          if (total) observer.observe(total, { subtree: true, childList: true, characterData: true });
        }),
    );
    const sent = await editorPage.evaluate((value) => {
      const input = document.querySelector<HTMLInputElement>('tr.activity[data-number="1.1"] .col-budget input');
      if (!input) return NaN;
      input.value = value;
      const at = Date.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return at;
    }, `${400 + i} 000`);
    delays.push((await shown) - sent);
  }
  delays.sort((a, b) => a - b);
  console.log(`remote edit, change in one browser → other browser's DOM: median ${delays[10]} ms, max ${delays.at(-1)} ms (20 edits)`);
  await bigPlans();
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
