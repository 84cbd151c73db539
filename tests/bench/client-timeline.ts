/**
 * The timeline tab on big plans (issue 17 item 14): click → first rows painted, at 400 and
 * 2 000 activities (`measureTimelineTab`), each figure with the machine's load average,
 * since other work shares this machine. Three runs per size; the table gives each.
 *
 *   npx tsx tests/bench/client-timeline.ts [--goals=20,100] [--runs=3]
 *
 * The client is built into its own directory (dist/bench-timeline), so a run never empties
 * dist/client or dist/bench-client under other runs.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from '../e2e/support/browser.js';
import { signedInContext } from '../e2e/support/fixture.js';
import { startTestServer } from '../support/server.js';
import { measureTimelineTab } from './client-big-plan.js';

const CLIENT_DIR = fileURLToPath(new URL('../../dist/bench-timeline', import.meta.url));
const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const sizes = option('goals', '20,100').split(',').map(Number);
const runs = Number(option('runs', '3'));

await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: CLIENT_DIR, emptyOutDir: true } });
const server = await startTestServer({ demoData: true, clientDir: CLIENT_DIR });
const browser = await launchBrowser();
try {
  const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  for (const goals of sizes) {
    for (let run = 1; run <= runs; run++) {
      const f = await measureTimelineTab(context, api, server.url, me.workspaces[0]?.id ?? '', goals);
      const load = loadavg().map((n) => n.toFixed(2)).join(', ');
      console.log(`${f.activities} activities, run ${run}: tab → first rows painted ${Math.round(f.tabMs)} ms; ${f.rowsDrawn} rows drawn; load average ${load}`);
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
