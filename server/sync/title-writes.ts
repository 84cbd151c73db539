/**
 * The listing title follows the title people edit inside a document (room.ts `onTitle`).
 * Each change is one UPDATE; on PostgreSQL two sent at once may run on two pooled
 * connections and commit in either order, leaving the older title listed. So the writes of
 * one document run one after another, in the order the titles came; other documents' writes
 * do not wait for them.
 */

/**
 * `write` made serial per document. A failed write is passed to `onError` and does not stop
 * the next one. Returns at once (the room's observer must not wait for the database).
 */
export function serialTitleWrites(
  write: (documentId: string, title: string) => Promise<void>,
  onError: (documentId: string, error: unknown) => void,
): (documentId: string, title: string) => void {
  const tails = new Map<string, Promise<void>>();
  return (documentId, title) => {
    const next = (tails.get(documentId) ?? Promise.resolve()).then(() => write(documentId, title)).catch((error: unknown) => onError(documentId, error));
    tails.set(documentId, next);
    // The last write done: nothing to wait for any more, so no entry is kept per document ever titled.
    void next.then(() => {
      if (tails.get(documentId) === next) tails.delete(documentId);
    });
  };
}
