/**
 * User test U15 item 1 (WCAG 2.4.3): a coordinator working the facilitator's bar by keyboard
 * lost focus to <body> after "Starta arbetspass" (the button is replaced), "Lyft fram" (the
 * button disables itself) and "Avsluta arbetspass" → "Ja, avsluta" (the confirmation goes).
 * Each action, taken with Enter, leaves focus on the natural next control or status.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2eSuite } from './support/suite.js';
import { seriousAxeViolations } from './support/browser.js';
import type { ApiClient } from '../support/api.js';

const e2e = useE2eSuite();

async function demoAgenda(api: ApiClient): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
}

/** What has focus: its accessible text (button or label text) or "<body>". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });

interface Step {
  name: string;
  /** Puts focus on the control the step presses Enter on (and any choice before it). */
  prepare: (page: Page) => Promise<void>;
  /** The text of what should have focus after Enter. */
  expected: RegExp;
}

const STEPS: Step[] = [
  { name: 'Starta arbetspass', prepare: (p) => p.getByRole('button', { name: 'Starta arbetspass' }).focus(), expected: /^Avsluta arbetspass$/ },
  {
    name: 'Lyft fram',
    prepare: async (p) => {
      await p.locator('[data-spotlight-select]').selectOption({ index: 1 });
      await p.getByRole('button', { name: 'Lyft fram', exact: true }).focus();
    },
    expected: /^I fokus: /,
  },
  {
    name: 'Ja, avsluta',
    prepare: async (p) => {
      await p.getByRole('button', { name: 'Avsluta arbetspass' }).focus();
      await p.keyboard.press('Enter');
      await p.getByRole('button', { name: 'Ja, avsluta' }).focus();
    },
    expected: /^Starta arbetspass$/,
  },
];

describe('the facilitator’s bar by keyboard', () => {
  it('keeps focus off <body> after each action', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/d/${await demoAgenda(api)}`);
    await page.locator('.agenda-item[data-item]').first().waitFor();
    const seen: Record<string, string> = {};
    for (const step of STEPS) {
      await step.prepare(page);
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page), { timeout: 5_000 }).toMatch(step.expected);
      seen[step.name] = await focused(page);
      if (step.name === 'Lyft fram') {
        for (const width of [390, 1440]) {
          await page.setViewportSize({ width, height: 900 });
          expect(await seriousAxeViolations(page)).toEqual([]);
        }
      }
    }
    expect(Object.values(seen)).not.toContain('<body>');
  });
});
