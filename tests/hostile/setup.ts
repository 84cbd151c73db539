/**
 * The people and the document the hostile run needs, made through the REST API as a
 * client would: a coordinator who imports the demo plan (shared/samples) and an editor,
 * the bystanders; a viewer and another editor, the attackers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApiClient } from '../support/api.js';

const SAMPLE = fileURLToPath(new URL('../../shared/samples/handlingsplan-smaland.tsv', import.meta.url));

export interface Cast {
  documentId: string;
  /** Writes the bystanders' edits. */
  coordinator: ApiClient;
  /** Reads them. */
  editor: ApiClient;
  /** An editor who sends costly updates. */
  attacker: ApiClient;
  /** The reader who never reads, floods and lies in awareness. */
  viewer: ApiClient;
}

let serial = 0;
async function person(baseUrl: string, who: string): Promise<{ api: ApiClient; email: string }> {
  const api = new ApiClient(baseUrl);
  const email = `${who}.${++serial}.${Date.now()}@hostile.samplan.se`;
  await api.signup(email, who);
  return { api, email };
}

/**
 * Adds an existing account to the workspace: as an invitation link the member accepts
 * (DESIGN wave 2), or at once where the server still answers `{member}`.
 */
async function addMember(coordinator: ApiClient, workspace: string, member: { api: ApiClient; email: string }, role: 'editor' | 'viewer'): Promise<void> {
  const answer = await coordinator.json<{ invitation?: { url: string } }>('POST', `/api/workspaces/${workspace}/members`, { email: member.email, role }, 201);
  if (!answer.invitation) return;
  const token = new URL(answer.invitation.url).pathname.replace(/^\/invite\//, '');
  await member.api.json('POST', `/api/invitations/${token}/accept`, undefined, 200);
}

/** Signs up four people, makes a workspace and imports the demo plan into it. */
export async function makeCast(baseUrl: string): Promise<Cast> {
  const coordinator = await person(baseUrl, 'Samordnare');
  const editor = await person(baseUrl, 'Redaktor');
  const viewer = await person(baseUrl, 'Lasare');
  const attacker = await person(baseUrl, 'Angripare');
  const workspace = (await coordinator.api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Fientlig trafik' }, 201)).id;
  await addMember(coordinator.api, workspace, editor, 'editor');
  await addMember(coordinator.api, workspace, viewer, 'viewer');
  await addMember(coordinator.api, workspace, attacker, 'editor');
  const response = await coordinator.api.request('POST', `/api/workspaces/${workspace}/import`, readFileSync(SAMPLE, 'utf8'), {
    'content-type': 'text/tab-separated-values',
  });
  if (response.status !== 201) throw new Error(`import: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { documentId: id, coordinator: coordinator.api, editor: editor.api, viewer: viewer.api, attacker: attacker.api };
}
