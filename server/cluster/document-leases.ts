/**
 * One owning process per document (issue 21, design (b); docs/cluster.md): a process serves
 * a document's room only while it holds the document's lease — a PostgreSQL session-level
 * advisory lock taken on the process's one lease connection.
 *
 * Why an advisory lock and no lease table: PostgreSQL drops every lock of a session the
 * moment the session ends, so a process that dies (SIGKILL, power, network) gives up all
 * its documents at once, with no expiry time to choose and no clock to trust. The owner's
 * address is the lease connection's `application_name`, read back through `pg_locks` ⋈
 * `pg_stat_activity`: the lock and the address vanish together.
 *
 * Two documents whose ids hash alike share a lock (`hashtext` is 32 bits); they then share
 * an owner, which is harmless: ownership is only ever coarser, never shared.
 */
import pg from 'pg';

/** The advisory locks' first key, so ours never meet another application's: "SPLN". */
export const LEASE_NAMESPACE = 0x53504c4e;

/** Prefix of the lease connections' `application_name`; the rest is the owner's address. */
const NAME_PREFIX = 'samplan-lease ';

/** What `acquire` found: this process owns the document, or who does (null: nobody reachable). */
export type Lease = { owned: true } | { owned: false; owner: string | null };

/**
 * The owner of the lock on `hashtext(document id)`, as an address, while its session lives.
 * Advisory locks belong to one database, but pg_locks lists every database's: without the
 * database, an installation restored beside another on one server (same document ids)
 * would send its sockets to the other's processes.
 */
const OWNER_SQL = `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::bigint::oid
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.objid = (hashtext($2)::bigint & 4294967295)::oid AND l.objsubid = 2 LIMIT 1`;

/**
 * The leases of one process, on one dedicated PostgreSQL connection (session-level locks
 * belong to the session, so never a pooled one). Not reentrant by design: `acquire` of a
 * document already held answers owned without taking the lock a second time.
 */
export class DocumentLeases {
  private readonly held = new Set<string>();
  /** Acquisitions under way: a second `acquire` of the same document waits for the first (a lock taken twice needs two unlocks). */
  private readonly pending = new Map<string, Promise<Lease>>();
  private lost = false;
  /** Queries run one after another: one connection answers one query at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly lostListeners: Array<(error: Error) => void> = [];

  private constructor(
    private readonly client: pg.Client,
    /** This process's address for forwarded sockets, e.g. `127.0.0.1:3101`. */
    readonly address: string,
  ) {
    const fail = (error: Error) => this.markLost(error);
    client.on('error', fail);
    client.on('end', () => fail(new Error('The lease connection ended')));
  }

  /** Connects the lease connection for the process reachable at `address` (≤ 63 bytes with the prefix). */
  static async open(url: string, address: string): Promise<DocumentLeases> {
    const name = `${NAME_PREFIX}${address}`;
    if (Buffer.byteLength(name) > 63) throw new Error(`Address too long for application_name: ${address}`);
    const client = new pg.Client({ connectionString: url, application_name: name });
    await client.connect();
    return new DocumentLeases(client, address);
  }

  /** True once the lease connection has failed or ended: every lease is gone, rooms must close. */
  get isLost(): boolean {
    return this.lost;
  }

  /** Calls `listener` once when the leases are lost (the connection failed or was closed). */
  onLost(listener: (error: Error) => void): void {
    this.lostListeners.push(listener);
  }

  /** Takes `documentId`'s lease if it is free; else says who holds it. Throws once the leases are lost. */
  async acquire(documentId: string): Promise<Lease> {
    if (this.lost) throw new Error('The document leases are lost');
    if (this.held.has(documentId)) return { owned: true };
    const running = this.pending.get(documentId);
    if (running) return running;
    const attempt = this.tryLock(documentId).finally(() => this.pending.delete(documentId));
    this.pending.set(documentId, attempt);
    return attempt;
  }

  private async tryLock(documentId: string): Promise<Lease> {
    const result = await this.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [LEASE_NAMESPACE, documentId]);
    if (result.rows[0]?.locked) {
      this.held.add(documentId);
      return { owned: true };
    }
    return { owned: false, owner: await this.ownerOf(documentId) };
  }

  /** The address of the process holding `documentId`'s lease, this one included; null when none. */
  async ownerOf(documentId: string): Promise<string | null> {
    const result = await this.query<{ name: string }>(OWNER_SQL, [LEASE_NAMESPACE, documentId]);
    const name = result.rows[0]?.name;
    return name?.startsWith(NAME_PREFIX) ? name.slice(NAME_PREFIX.length) : null;
  }

  /** Gives `documentId`'s lease up (after its room has flushed and closed); a no-op when not held. */
  async release(documentId: string): Promise<void> {
    if (!this.held.delete(documentId) || this.lost) return;
    await this.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LEASE_NAMESPACE, documentId]);
  }

  /** Whether this process holds `documentId`'s lease (asked on every upgrade: no query). */
  holds(documentId: string): boolean {
    return this.held.has(documentId);
  }

  /** The documents whose leases this process holds. */
  heldDocuments(): string[] {
    return [...this.held];
  }

  /** Ends the lease connection, which gives every lease up at once (after rooms have flushed). */
  async close(): Promise<void> {
    this.lost = true;
    this.held.clear();
    await this.client.end();
  }

  private query<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<Row>> {
    const next = this.queue.then(() => this.client.query<Row>(text, values));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private markLost(error: Error): void {
    if (this.lost) return;
    this.lost = true;
    this.held.clear();
    for (const listener of this.lostListeners.splice(0)) listener(error);
  }
}
