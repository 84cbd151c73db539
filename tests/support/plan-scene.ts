/**
 * A coordinator with the Småland sample imported as a live plan, an editor and a viewer in
 * the same workspace, and helpers to wait for the server to hold what peers sent.
 */
import { ApiClient, email, joinWorkspace } from './api.js';
import { readSample } from './samples.js';
import { connectPeer, synced, type Peer } from './yclient.js';

export const PASSWORD = 'lösenord-123';

export interface PlanScene {
  coordinator: ApiClient;
  editor: ApiClient;
  viewer: ApiClient;
  workspace: string;
  documentId: string;
}

export async function planScene(baseUrl: string): Promise<PlanScene> {
  const coordinator = new ApiClient(baseUrl);
  await coordinator.signup(email('anna'));
  const workspace = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Småland' }, 201)).id;
  const imported = await coordinator.request('POST', `/api/workspaces/${workspace}/import`, readSample('handlingsplan-smaland.tsv'), {
    'content-type': 'text/tab-separated-values; charset=utf-8',
  });
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  const documentId = ((await imported.json()) as { id: string }).id;
  const editor = new ApiClient(baseUrl);
  await editor.signup(email('erik'), 'Erik Redaktör', PASSWORD);
  await joinWorkspace(coordinator, editor, workspace, 'editor');
  const viewer = new ApiClient(baseUrl);
  await viewer.signup(email('lena'), 'Lena Läsare', PASSWORD);
  await joinWorkspace(coordinator, viewer, workspace, 'viewer');
  return { coordinator, editor, viewer, workspace, documentId };
}

/** Resolves when `check()` resolves true, polling; rejects after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `planScene` with the editor's y-websocket peer on the plan, synced; the caller destroys the peer. */
export async function planSceneWithEditor(baseUrl: string): Promise<{ s: PlanScene; peer: Peer }> {
  const s = await planScene(baseUrl);
  const peer = connectPeer(baseUrl, s.documentId, { cookie: s.editor.sessionCookie });
  await synced(peer);
  return { s, peer };
}
