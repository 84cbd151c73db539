/**
 * Which HTTP requests a process passes on to a document's owner (server/cluster/forward-request.ts,
 * docs/cluster.md): exactly the routes that change a live document through `Rooms.change`,
 * never one forwarded already (one hop), never a malformed id. The forwarding itself runs on
 * three processes in tests/integration/cluster.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { liveChangeOf } from '../../server/cluster/forward-request.js';

const DOC = '0b7e3f5c-9a51-4c1e-8d2f-6a0f1e2d3c4b';

describe('liveChangeOf', () => {
  const passedOn: Array<[string, string]> = [
    ['PATCH', `/api/documents/${DOC}`],
    ['PATCH', `/api/documents/${DOC}?x=1`],
    ['POST', `/api/documents/${DOC}/versions/v1/restore`],
    ['POST', `/api/documents/${DOC}/rounds`],
    ['PUT', `/api/documents/${DOC}/rounds/r1/ballot`],
    ['POST', `/api/documents/${DOC}/rounds/r1/close`],
    ['POST', `/api/documents/${DOC}/actions/a1/to-plan`],
  ];
  it.each(passedOn)('%s %s is passed on to the owner', (method, url) => {
    expect(liveChangeOf(method, url, undefined)).toBe(DOC);
  });

  it.each(passedOn)('%s %s, forwarded once already, is served where it lands', (method, url) => {
    expect(liveChangeOf(method, url, '127.0.0.1:3101')).toBeNull();
    expect(liveChangeOf(method, url, [])).toBeNull();
  });

  const servedHere: Array<[string, string]> = [
    // Reads, and changes that do not go through a live room (any process can make them).
    ['GET', `/api/documents/${DOC}`],
    ['HEAD', `/api/documents/${DOC}`],
    ['GET', `/api/documents/${DOC}/export.json`],
    ['POST', `/api/documents/${DOC}/ticket`],
    ['POST', `/api/documents/${DOC}/versions`],
    ['POST', `/api/documents/${DOC}/share-links`],
    ['DELETE', `/api/documents/${DOC}`],
    ['POST', `/api/documents/${DOC}/duplicate`],
    ['GET', `/api/documents/${DOC}/rounds`],
    // Near misses of the routes passed on.
    ['PATCH', `/api/documents/${DOC}/`],
    ['POST', `/api/documents/${DOC}/versions/v1/restore/x`],
    ['POST', `/api/documents/${DOC}/rounds/r1/ballot`],
    ['PATCH', '/api/documents'],
    ['PATCH', `/api/workspaces/${DOC}`],
    ['PATCH', `/documents/${DOC}`],
    // Ids Samplan never makes: served here, and refused there, as before.
    ['PATCH', '/api/documents/a%00b'],
    ['PATCH', '/api/documents/..'],
    ['PATCH', `/api/documents/${'a'.repeat(65)}`],
    ['PATCH', '/api/documents/a%2Fb'],
  ];
  it.each(servedHere)('%s %s is served where it lands', (method, url) => {
    expect(liveChangeOf(method, url, undefined)).toBeNull();
  });
});
