/**
 * What one process must tell the others so that sockets they hold close at once (issue 21;
 * docs/cluster.md): a log-out, a lowered role, a revoked share link, an archived or deleted
 * document, a process draining with sockets it passed on to their owners. PostgreSQL's
 * LISTEN/NOTIFY carries them — already there, transactional when sent inside a transaction
 * (delivered only if it commits), and no extra server to run.
 *
 * NOTIFY is fire-and-forget: a process whose listening connection drops misses what was
 * sent meanwhile. So a lost connection is reported (`onLost`), and the process then closes
 * every socket it holds (1012): each client reconnects and is admitted afresh against the
 * database, which knows every log-out and revocation. Nothing missed stays open.
 */
import pg from 'pg';
import { z } from 'zod';
import { ROLES } from '../../shared/roles.js';

/** The channel every Samplan process listens on. */
export const CHANNEL = 'samplan_events';

/** NOTIFY payloads must stay under 8 000 bytes; longer events are sent in parts. */
const MAX_PAYLOAD_BYTES = 7_900;

const Id = z.string().min(1).max(200);

/** An event any process may send; each is what one local call does to the sockets this process holds. */
export const ClusterEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session-ended'), sessionId: Id }),
  z.object({ type: z.literal('user-signed-out'), userId: Id, keepSessionId: Id.nullable() }),
  z.object({ type: z.literal('share-link-revoked'), shareLinkId: Id }),
  z.object({ type: z.literal('role-changed'), documentIds: z.array(Id).max(500), userId: Id, role: z.enum(ROLES).nullable() }),
  z.object({ type: z.literal('read-only-changed'), documentId: Id, reason: z.object({ code: z.enum(['document.schema-too-new', 'document.cannot-migrate', 'document.archived']), message: z.string().max(1000) }).nullable() }),
  z.object({ type: z.literal('document-closed'), documentId: Id, code: z.number().int().min(1000).max(4999) }),
  // A draining process (its address) asks the owners to close the sockets it passed on (1012), through its pipes.
  z.object({ type: z.literal('forwarder-draining'), address: Id }),
]);
export type ClusterEvent = z.infer<typeof ClusterEvent>;

const Envelope = z.object({ from: Id, event: ClusterEvent });

/** `event` as payloads under NOTIFY's limit: a role change on many documents is split by documents. */
export function payloadsOf(from: string, event: ClusterEvent): string[] {
  const whole = JSON.stringify({ from, event });
  if (Buffer.byteLength(whole) <= MAX_PAYLOAD_BYTES) return [whole];
  if (event.type !== 'role-changed' || event.documentIds.length < 2) throw new Error(`Cluster event too large: ${event.type}`);
  const half = Math.ceil(event.documentIds.length / 2);
  return [event.documentIds.slice(0, half), event.documentIds.slice(half)].flatMap((documentIds) => payloadsOf(from, { ...event, documentIds }));
}

/**
 * One process's end of the channel: `publish` sends to every other process; `apply` is
 * called with what the others send (never this process's own events: it has applied
 * them already, where they happened). Malformed payloads are ignored.
 */
export class ClusterEvents {
  private lost = false;
  private readonly lostListeners: Array<(error: Error) => void> = [];

  private constructor(
    private readonly client: pg.Client,
    private readonly processId: string,
  ) {}

  /** Connects and listens; `apply` errors are the caller's to log (they never stop the channel). */
  static async open(url: string, processId: string, apply: (event: ClusterEvent) => void): Promise<ClusterEvents> {
    const client = new pg.Client({ connectionString: url, application_name: `samplan-events ${processId}`.slice(0, 63) });
    await client.connect();
    const events = new ClusterEvents(client, processId);
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const envelope = Envelope.safeParse(safeJson(message.payload));
      if (envelope.success && envelope.data.from !== processId) apply(envelope.data.event);
    });
    const fail = (error: Error) => events.markLost(error);
    client.on('error', fail);
    client.on('end', () => fail(new Error('The events connection ended')));
    await client.query(`LISTEN ${CHANNEL}`);
    return events;
  }

  get isLost(): boolean {
    return this.lost;
  }

  /** Calls `listener` once if the channel is lost: events may have been missed. */
  onLost(listener: (error: Error) => void): void {
    this.lostListeners.push(listener);
  }

  /** Sends `event` to every other process. Resolves when PostgreSQL has taken it. */
  async publish(event: ClusterEvent): Promise<void> {
    for (const payload of payloadsOf(this.processId, ClusterEvent.parse(event))) {
      await this.client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    }
  }

  /** Stops listening and closes the connection (not reported as lost). */
  async close(): Promise<void> {
    this.lost = true;
    await this.client.end();
  }

  private markLost(error: Error): void {
    if (this.lost) return;
    this.lost = true;
    for (const listener of this.lostListeners.splice(0)) listener(error);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
