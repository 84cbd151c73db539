/**
 * A room's compaction (DESIGN "Storage": a snapshot of the whole committed state replaces
 * the log it covers). It runs beside the room's serial write chain, never inside it: with
 * history kept it first waits for the history worker to derive what it drops
 * (server/history/with-history.ts), and a lagging worker once held a room's broadcasts for
 * 12.6 s. The state and the update id it covers are captured together, synchronously, when
 * a compaction starts; one runs at a time per room, so two never race for the same log.
 */
import type * as Y from 'yjs';
import { SCHEMA_VERSION } from '../../shared/model/kinds.js';
import { encodeCommittedState } from './pending-structs.js';
import type { DocumentStore } from './persistence.js';

export interface CompactionOptions {
  store: Pick<DocumentStore, 'compact'>;
  documentId: string;
  now: () => number;
  /** Committed updates since the last snapshot that start a compaction. */
  every: number;
  /** A compaction failed (the database refused it): the room fails; nothing stored is lost. */
  onFailure: (error: unknown) => void;
  /** The live document (throws once the room has failed). */
  doc: () => Y.Doc;
  /** The id of the newest committed update: what a snapshot taken now covers. */
  lastUpdateId: () => number;
}

export class RoomCompaction {
  private running: Promise<void> | null = null;

  /** `sinceSnapshot`: updates in the stored log after the snapshot when the room loaded. */
  constructor(
    private readonly options: CompactionOptions,
    private sinceSnapshot: number,
  ) {}

  /**
   * An update was committed: starts a compaction when the log has grown to `every` and
   * none is running. Returns at once; a failure reaches `onFailure`.
   */
  committed(): void {
    this.sinceSnapshot++;
    this.startIfDue();
  }

  /** Waits for running compactions, then compacts what came after them, if anything did. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.sinceSnapshot > 0) await this.start();
  }

  /** A compaction that ended with the log grown past `every` again is followed by the next at once. */
  private startIfDue(): void {
    if (this.running === null && this.sinceSnapshot >= this.options.every) void this.start();
  }

  private start(): Promise<void> {
    const { store, documentId, now, onFailure } = this.options;
    // Captured together: the snapshot holds at least every update up to this id.
    const upToUpdateId = this.options.lastUpdateId();
    let state: Uint8Array;
    try {
      state = encodeCommittedState(this.options.doc());
    } catch {
      // The room has failed (and said why); what is stored stays as it is.
      return Promise.resolve();
    }
    const covered = this.sinceSnapshot;
    const run = store.compact(documentId, state, upToUpdateId, now(), SCHEMA_VERSION).then(
      () => {
        this.sinceSnapshot -= covered;
        this.running = null;
        this.startIfDue();
      },
      (error: unknown) => {
        this.running = null;
        onFailure(error);
      },
    );
    this.running = run;
    return run;
  }
}
