/** A tiny HTTP client with a cookie jar, for one signed-in person. */
export class ApiClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  get sessionCookie(): string {
    return this.cookie;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const init: RequestInit = { method, headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) } };
    if (typeof body === 'string') init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json', ...init.headers };
    }
    const response = await fetch(this.baseUrl + path, init);
    // The last Set-Cookie wins, as in a browser (an expired session's clearing comes first).
    const setCookie = response.headers.getSetCookie().at(-1);
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    return response;
  }

  async json<T = Record<string, unknown>>(method: string, path: string, body?: unknown, expectStatus?: number): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    if (expectStatus !== undefined && response.status !== expectStatus) {
      throw new Error(`${method} ${path}: expected ${expectStatus}, got ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : null) as T;
  }

  async signup(email: string, name = email.split('@')[0] ?? 'Test', password = 'lösenord-123'): Promise<{ id: string }> {
    const { user } = await this.json<{ user: { id: string } }>('POST', '/api/auth/signup', { email, password, name }, 201);
    return user;
  }
}

let counter = 0;
/** A unique email for a test person. */
export function email(name: string): string {
  counter += 1;
  return `${name}.${counter}.${Date.now()}@test.samplan.se`;
}

/** A new person, signed up, with a new workspace named after them holding one new document. */
export async function newDocument(baseUrl: string, who: string, kind: 'action-plan' | 'agenda', title: string): Promise<{ api: ApiClient; id: string }> {
  const api = new ApiClient(baseUrl);
  await api.signup(email(who));
  const space = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: who }, 201)).id;
  const id = (await api.json<{ id: string }>('POST', `/api/workspaces/${space}/documents`, { kind, title }, 201)).id;
  return { api, id };
}

/** The token in an invitation link (`…/invite/<token>`). */
export function inviteToken(url: string): string {
  return new URL(url).pathname.replace(/^\/invite\//, '');
}

/**
 * Brings `member` into workspace `ws` with `role` the only way there is: the coordinator
 * invites, the member accepts the link (DESIGN "Invitations are links").
 */
export async function joinWorkspace(coordinator: ApiClient, member: ApiClient, ws: string, role: 'coordinator' | 'editor' | 'viewer', address = email('member')): Promise<void> {
  const { invitation } = await coordinator.json<{ invitation: { url: string } }>('POST', `/api/workspaces/${ws}/members`, { email: address, role }, 201);
  await member.json('POST', `/api/invitations/${inviteToken(invitation.url)}/accept`, undefined, 200);
}

type MemberRole = 'coordinator' | 'editor' | 'viewer';

/** A workspace set up for a test: its coordinator, its id and the members asked for. */
export interface TeamWorkspace<M extends ReadonlyArray<readonly [string, MemberRole]>> {
  coordinator: ApiClient;
  ws: string;
  /** One signed-up member per entry of `members`, in that order. */
  members: { -readonly [K in keyof M]: ApiClient };
}

/**
 * Signs up a coordinator who makes workspace `name`, then signs up and adds one member per
 * `[display name, role]` (the same steps a person takes: invitation, then accept).
 * @example const { coordinator, ws, members: [editor] } = await teamWorkspace(server.url, 'Gränser', [['Erik Redaktör', 'editor']]);
 */
export async function teamWorkspace<const M extends ReadonlyArray<readonly [string, MemberRole]>>(baseUrl: string, name: string, members: M): Promise<TeamWorkspace<M>> {
  const coordinator = new ApiClient(baseUrl);
  await coordinator.signup(email('coordinator'));
  const ws = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name }, 201)).id;
  const joined: ApiClient[] = [];
  for (const [displayName, role] of members) {
    const member = new ApiClient(baseUrl);
    await member.signup(email(role), displayName);
    await joinWorkspace(coordinator, member, ws, role);
    joined.push(member);
  }
  // One client per entry, in order: the tuple type says so.
  return { coordinator, ws, members: joined as TeamWorkspace<M>['members'] };
}
