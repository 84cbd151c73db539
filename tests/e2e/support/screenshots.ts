/** Where README screenshots go when a browser test takes them. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `docs/<name>` only when asked for (`SCREENSHOTS=docs`), so an ordinary test run never
 * changes a tracked file; else a file in the temp dir, still there to look at.
 */
export function readmeShot(name: string): string {
  return process.env.SCREENSHOTS === 'docs' ? new URL(`../../../docs/${name}`, import.meta.url).pathname : join(tmpdir(), `samplan-${name}`);
}
