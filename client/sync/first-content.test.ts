/**
 * The document page draws nothing it cannot trust (issue 17, CI stop 23): an empty plan with
 * "0 kr" totals never shows while the server's state is on its way.
 */
import { describe, expect, it } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import * as Y from 'yjs';
import type { ConnectionStatus } from './status.js';
import { createFirstContent } from './first-content.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function start(options: { localEdits: boolean; localCopy?: boolean }) {
  const doc = new Y.Doc();
  if (options.localEdits) doc.getMap('meta').set('title', 'Lokalt');
  let loadLocal = () => {};
  const whenLocalLoaded = new Promise<void>((resolve) => (loadLocal = resolve));
  const [status, setStatus] = createSignal<ConnectionStatus>({ state: 'syncing' });
  const ready = createRoot(() => createFirstContent({ doc, status, whenLocalLoaded: options.localCopy === false ? undefined : whenLocalLoaded }));
  return { ready, setStatus, loadLocal };
}

describe('createFirstContent', () => {
  it('waits for the server while the local copy is empty, then shows the synced document', async () => {
    const { ready, setStatus, loadLocal } = start({ localEdits: false });
    loadLocal();
    await tick();
    expect(ready()).toBe(false);
    setStatus({ state: 'online' });
    expect(ready()).toBe(true);
  });

  it('shows a local copy with edits at once, before the server answers', async () => {
    const { ready, loadLocal } = start({ localEdits: true });
    expect(ready()).toBe(false);
    loadLocal();
    await tick();
    expect(ready()).toBe(true);
  });

  it.each<ConnectionStatus>([{ state: 'offline' }, { state: 'error', code: 4404 }, { state: 'retrying', code: 1013 }])(
    'shows what there is once the server cannot answer ($state)',
    async (state) => {
      const { ready, setStatus, loadLocal } = start({ localEdits: false });
      loadLocal();
      await tick();
      setStatus(state);
      expect(ready()).toBe(true);
    },
  );

  it('does not show an unread local copy even when offline: its edits may be on the way', async () => {
    const { ready, setStatus } = start({ localEdits: false });
    setStatus({ state: 'offline' });
    await tick();
    expect(ready()).toBe(false);
  });

  it('a guest view without a local copy waits for the server', async () => {
    const { ready, setStatus } = start({ localEdits: false, localCopy: false });
    await tick();
    expect(ready()).toBe(false);
    setStatus({ state: 'syncing' });
    expect(ready()).toBe(false);
    setStatus({ state: 'online' });
    expect(ready()).toBe(true);
  });

  it('never goes back once shown', async () => {
    const { ready, setStatus } = start({ localEdits: false, localCopy: false });
    setStatus({ state: 'online' });
    setStatus({ state: 'syncing' });
    await tick();
    expect(ready()).toBe(true);
  });
});
