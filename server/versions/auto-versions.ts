/**
 * Automatic versions after 10 minutes of quiet following edits (DESIGN "Versions"). The
 * edit path only notes the time of each stored update (`touch`, called by the rooms'
 * store; one map write); a sweep on a timer makes the versions of documents that have
 * been quiet long enough. Times come from the injected clock, so tests move time by hand.
 * Edits noted but not yet versioned when the process stops are not lost: on start,
 * `recover` notes every document whose last stored edit is newer than its newest version
 * (one query), with that edit's time. A version is stored only while none covers the edits
 * yet (auto-version-store.ts), so processes that noted the same edits make one.
 */
import { findDocument } from '../db/documents.js';
import type { Kdb } from '../db/kysely.js';
import { systemTimer, type SweepTimer } from '../auth/session-sweep.js';
import { makeAutoVersion, unversionedEdits } from './auto-version-store.js';
import { AUTO_VERSION_QUIET_MS, localTime, VERSIONS_PER_DOCUMENT, type VersionDeps } from './versions.js';

export class AutoVersions {
  /** Documents edited since their last automatic version, with the time of the last edit. */
  private readonly lastEdit = new Map<string, number>();
  private running: Promise<number> | null = null;

  constructor(
    /** `versionsPerDocument`: the cap an automatic version keeps to (VERSIONS_PER_DOCUMENT; the module's default when unset). */
    private readonly deps: VersionDeps & { kdb: Kdb; versionsPerDocument?: number },
    private readonly quietMs = AUTO_VERSION_QUIET_MS,
    private readonly log: (message: string, error: unknown) => void = console.error,
  ) {}

  /** An update was stored at `at` (ms): the document's quiet period starts again. */
  readonly touch = (documentId: string, at: number): void => {
    this.lastEdit.set(documentId, at);
  };

  /**
   * Notes the documents whose stored edits no version covers (edited before a restart, or
   * on a process that stopped), each with its last edit's time, so the sweep versions them
   * once that is 10 minutes past. One query; resolves with how many were noted.
   */
  async recover(): Promise<number> {
    const found = await unversionedEdits(this.deps.kdb);
    // An edit noted meanwhile is as new or newer: it stays.
    for (const { documentId, lastEditAt } of found) if (!this.lastEdit.has(documentId)) this.lastEdit.set(documentId, lastEditAt);
    return found.length;
  }

  /** Makes the versions that are due; resolves with how many. Runs never overlap. */
  sweep(): Promise<number> {
    return (this.running ??= this.run().finally(() => {
      this.running = null;
    }));
  }

  private async run(): Promise<number> {
    const now = this.deps.clock.now();
    let made = 0;
    for (const [documentId, at] of [...this.lastEdit]) {
      if (now - at < this.quietMs) continue;
      // Only if no edit came in meanwhile; one that did keeps the document waiting.
      if (this.lastEdit.get(documentId) === at) this.lastEdit.delete(documentId);
      // A document deleted meanwhile has nothing to version.
      if (!(await findDocument(this.deps.kdb, documentId))) continue;
      try {
        // Null: a version made since the edit (here or by another process) covers it.
        const version = await makeAutoVersion(this.deps, documentId, at, `Automatisk version ${localTime(now)}`, this.deps.versionsPerDocument ?? VERSIONS_PER_DOCUMENT);
        if (version) made++;
      } catch (error) {
        this.log(`Automatic version of ${documentId} failed`, error);
      }
    }
    return made;
  }

  /** Sweeps every `everyMs` of real time until stopped. */
  start(everyMs: number, timer: SweepTimer = systemTimer): { stop(): void } {
    return timer.every(everyMs, () => void this.sweep());
  }
}
