/** Every call the client makes to the server's REST API, in one place. */
import type { Country } from '../shared/country.js';
import type { DocumentKind } from '../shared/model/kinds.js';
import type { Role } from '../shared/roles.js';
import type { ImportReport } from '../shared/table/import.js';
import { t } from './i18n/index.js';
import type { MessageKey } from './i18n/messages.js';

export interface User {
  id: string;
  email: string;
  name: string;
}
export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}
/** A workspace as `GET /api/me` lists it: with the country it was made for (SE/NO). */
export interface MyWorkspace extends WorkspaceSummary {
  country: string;
}
export interface Member extends User {
  role: Role;
}
export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  title: string;
}
export interface Workspace {
  id: string;
  name: string;
  country: string;
  role: Role;
  members: Member[];
  /** Pending invitation links (coordinators only; never the token). */
  invitations: PendingInvitation[];
  documents: DocumentSummary[];
}
/** Why a document is read-only for everyone (DESIGN "Protected document fields"), e.g. `document.schema-too-new`. */
export interface ReadOnlyReason {
  code: string;
  message: string;
}
export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  /** ISO 8601 UTC. */
  expiresAt: string;
}
/** A new invitation: `url` (`/invite/:token`) is the only place its token is shown. */
export interface Invitation extends PendingInvitation {
  url: string;
}
/** What an invitation link leads to, for the invite page. */
export interface InvitationInfo {
  workspace: { name: string };
  role: Role;
  expiresAt: string;
}
export interface DocumentInfo extends DocumentSummary {
  workspaceId: string;
  role: Role;
  /** Set by servers that can make a document read-only; absent (older servers) means writable. */
  readOnly?: ReadOnlyReason | null;
}

/**
 * The `readOnly` of a document record: null when absent (servers before it), the reason
 * when well-formed, and a reason without text for anything else — something the server
 * sent there means "do not write", so a malformed value never leaves a document writable.
 */
export function readOnlyOf(value: unknown): ReadOnlyReason | null {
  if (value === undefined || value === null) return null;
  const fields = typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return typeof fields.code === 'string' && typeof fields.message === 'string' ? { code: fields.code, message: fields.message } : { code: 'unknown', message: '' };
}

/** One of the person's sessions (`GET /api/me/sessions`); times ISO 8601 UTC. Never a token. */
export interface SessionSummary {
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  /** The session of this browser. */
  current: boolean;
}

/** Where the browser downloads every personal datum held on the person (a JSON file). */
export const PERSONAL_DATA_EXPORT_URL = '/api/me/export';

/**
 * An error the server explained (`{ error: { code, message } }`), or one the client met itself
 * (no answer, none in time, an answer not the server's JSON). `message` may be a function: it
 * is then read anew each time, so the client's own text is in the reader's language when shown.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string | (() => string),
    /** The answer's Retry-After, in ms (1–10 s), when it sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(typeof message === 'string' ? message : '');
    if (typeof message !== 'string') Object.defineProperty(this, 'message', { get: message, enumerable: false, configurable: true });
  }
}

/** An ApiError whose message is the client's own text `key` (client/i18n), in the language of whoever reads it. */
function clientError(status: number, code: string, key: MessageKey, params: Record<string, string | number> = {}): ApiError {
  return new ApiError(status, code, () => t(key, params));
}

let unauthorized: () => void = () => undefined;

/**
 * `listener` runs whenever a call answers 401 `unauthorized` — the session ended (logged out
 * elsewhere, expired, account deleted) — so the whole app, not only the caller, learns it
 * (issue 15/16 item 3). A wrong password at log-in is 401 `invalid-credentials`: not this.
 */
export function onUnauthorized(listener: () => void): void {
  unauthorized = listener;
}

/**
 * The server ended this person's session by another way than an API answer — the document
 * socket closed 4401 — so the app does what it does on a 401: forgets them and deletes their
 * local copies and cached answers (red team: after a logout elsewhere the offline app still
 * opened the person's documents for whoever used the browser next).
 */
export function sessionEndedByServer(): void {
  unauthorized();
}

/**
 * How long one call may take, answer body included, before it counts as "the server could
 * not be reached": a weak or hanging connection must end in an error with "Försök igen",
 * never "Laddar …" for ever (issue 17 item 3). An upload (an imported table) gets longer.
 */
export const CALL_TIMEOUT_MS = 20_000;
export const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * One JSON call to `/api{path}`; a non-2xx answer throws ApiError with the server's code and
 * message. Status 0 means no answer: `network` (no connection) or `timeout` (none within the
 * time above). An answer that is not the server's JSON (a proxy's HTML error page) throws
 * ApiError with that status and code `bad-response`.
 */
export async function call<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await callOnce<T>(method, path, body, contentType);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== ELSEWHERE || attempt >= ELSEWHERE_ATTEMPTS) throw elsewhereExplained(error);
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? ELSEWHERE_WAIT_MS));
    }
  }
}

/**
 * Many processes (docs/cluster.md): 503 `document.elsewhere` means the document's owning
 * server is changing (a restart moves it) and nothing was written, so the call is made again
 * after the answer's Retry-After (1 s), a few times, before the person is asked to try again.
 */
const ELSEWHERE = 'document.elsewhere';
export const ELSEWHERE_ATTEMPTS = 4;
const ELSEWHERE_WAIT_MS = 1_000;

/**
 * Many processes' answers in the reader's language (the server's message is Swedish): the
 * last `document.elsewhere` ("försök igen"), and `document.owner-silent` (502/504: the owner
 * took the change and gave no answer, so it may be made: reload and look, never retried).
 */
const CLUSTER_MESSAGES = { [ELSEWHERE]: 'documentElsewhere', 'document.owner-silent': 'documentOwnerSilent' } as const;

/** `error` with its message in the reader's language when it is one of CLUSTER_MESSAGES' codes; anything else as it is. */
function elsewhereExplained(error: unknown): unknown {
  if (!(error instanceof ApiError) || !Object.hasOwn(CLUSTER_MESSAGES, error.code)) return error;
  return clientError(error.status, error.code, CLUSTER_MESSAGES[error.code as keyof typeof CLUSTER_MESSAGES]);
}

/** Retry-After in ms (whole seconds, 1–10), or null when absent or not a number of seconds. */
function retryAfterMs(header: string | null): number | null {
  const seconds = Number(header);
  return header && Number.isInteger(seconds) ? Math.min(10, Math.max(1, seconds)) * 1000 : null;
}

async function callOnce<T>(method: string, path: string, body: unknown, contentType: string): Promise<T> {
  const upload = body instanceof Blob || (typeof body === 'string' && contentType !== 'application/json');
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), upload ? UPLOAD_TIMEOUT_MS : CALL_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      signal: abort.signal,
      headers: body === undefined ? {} : { 'content-type': contentType },
      // A Blob (an uploaded file) goes as its bytes: the server decodes its encoding.
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body),
    });
    text = await response.text();
  } catch {
    throw abort.signal.aborted ? clientError(0, 'timeout', 'api_timeout') : clientError(0, 'network', 'api_network');
  } finally {
    clearTimeout(timer);
  }
  const data = parseAnswer(text, response.status);
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    if (response.status === 401 && error?.code === 'unauthorized') unauthorized();
    // No explanation of the server's shape (an empty 500, a proxy's JSON): the client says what happened.
    // The HTTP status as text: a code, not a quantity to group.
    const message = error?.message ?? (() => t('api_badResponse', { status: String(response.status) }));
    throw new ApiError(response.status, error?.code ?? 'unknown', message, retryAfterMs(response.headers.get('retry-after')));
  }
  return data as T;
}

/** The answer's JSON (null when empty); anything else is not the server speaking. */
function parseAnswer(text: string, status: number): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw clientError(status, 'bad-response', 'api_badResponse', { status: String(status) });
  }
}

export const api = {
  me: () => call<{ user: User; workspaces: MyWorkspace[] }>('GET', '/me'),
  login: (email: string, password: string) => call<{ user: User }>('POST', '/auth/login', { email, password }),
  signup: (email: string, password: string, name: string) => call<{ user: User }>('POST', '/auth/signup', { email, password, name }),
  logout: () => call<null>('POST', '/auth/logout'),
  logoutEverywhere: () => call<null>('POST', '/auth/logout-everywhere'),
  changePassword: (current: string, next: string) => call<null>('POST', '/auth/password', { current, next }),
  sessions: () => call<{ sessions: SessionSummary[] }>('GET', '/me/sessions'),
  rename: (name: string) => call<{ user: User }>('PATCH', '/me', { name }),
  deleteAccount: (password: string) => call<null>('DELETE', '/me', { password }),
  /** README "HTTP API": `country` decides the national objectives and new plans' currency. */
  createWorkspace: (name: string, country: Country) => call<{ id: string; name: string }>('POST', '/workspaces', { name, country }),
  workspace: (id: string) => call<Workspace>('GET', `/workspaces/${id}`),
  invite: (ws: string, email: string, role: Role) => call<{ invitation: Invitation; mailed: boolean }>('POST', `/workspaces/${ws}/members`, { email, role }),
  revokeInvitation: (ws: string, id: string) => call<null>('DELETE', `/workspaces/${ws}/invitations/${id}`),
  invitation: (token: string) => call<InvitationInfo>('GET', `/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string) => call<{ workspace: WorkspaceSummary }>('POST', `/invitations/${encodeURIComponent(token)}/accept`),
  setRole: (ws: string, userId: string, role: Role) => call<unknown>('PATCH', `/workspaces/${ws}/members/${userId}`, { role }),
  removeMember: (ws: string, userId: string) => call<null>('DELETE', `/workspaces/${ws}/members/${userId}`),
  createDocument: (ws: string, kind: DocumentKind, title: string) => call<DocumentSummary>('POST', `/workspaces/${ws}/documents`, { kind, title }),
  importPlan: (ws: string, table: string | Blob, type: string, title?: string) =>
    call<DocumentSummary & { report: ImportReport }>('POST', `/workspaces/${ws}/import${title ? `?title=${encodeURIComponent(title)}` : ''}`, table, type),
  document: (id: string) => call<DocumentInfo>('GET', `/documents/${id}`).then((info) => ({ ...info, readOnly: readOnlyOf(info.readOnly) })),
};
