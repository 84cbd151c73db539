/**
 * The single-page app's index.html as it is on disk now. Every deep link is answered with
 * it, so it must name the entry script of the build that is there: read once at start, a
 * build replaced under the running server (or a deploy that swaps `dist/` before the
 * restart) left deep links naming the first build's chunks, which were gone — a white page
 * with nothing to say why (user test U15). Re-read when the file's size or times change;
 * while a build has it removed, the last one read is served.
 */
import { readFileSync, statSync } from 'node:fs';

/**
 * A reader of `path` (the built index.html): `()` returns its text, read again only when
 * the file changed since the last read (one `stat` a request). Throws only when the file
 * was never readable.
 */
export function appPage(path: string): () => string {
  let stamp = '';
  let html = readFileSync(path, 'utf8');
  return () => {
    try {
      const stats = statSync(path);
      const now = `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
      if (now !== stamp) {
        html = readFileSync(path, 'utf8');
        stamp = now;
      }
    } catch {
      // Mid-build (the directory emptied): the last page read still loads the app or its reload.
    }
    return html;
  };
}
