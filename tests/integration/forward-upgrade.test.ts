/**
 * Forwarding a websocket upgrade to the document's owner (server/cluster/forward-upgrade.ts):
 * a real `ws` client talks through a forwarding HTTP server to an owning one, both on
 * loopback. The owner sees the upgrade as the client sent it (its cookie, path and query),
 * marked once as forwarded; messages of any size pass both ways in order; closing either
 * end closes the other; an unreachable owner answers 503 so the client retries.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { FORWARDED_HEADER, forwardUpgrade, parseAddress } from '../../server/cluster/forward-upgrade.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An owner that echoes every message and remembers the upgrade requests it saw. */
async function echoOwner(): Promise<{ address: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer();
  server.on('upgrade', (request, socket, head) => {
    seen.push(request);
    wss.handleUpgrade(request, socket, head, (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })));
  });
  server.on('close', () => wss.close());
  return { address: await listen(server), seen };
}

async function forwarder(owner: string): Promise<string> {
  const server = createServer();
  const self = { address: '' };
  server.on('upgrade', (request, socket, head) => forwardUpgrade(request, socket, head, owner, self.address, 'X-Samplan-Process: test'));
  self.address = await listen(server);
  return self.address;
}

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
}

describe('forwarding an upgrade to the owning process', () => {
  it('passes the request on as sent, marked once, and messages of every size both ways in order', async () => {
    const owner = await echoOwner();
    const via = await forwarder(owner.address);
    const ws = await open(`ws://${via}/ws/doc-1?ticket=abc`, { cookie: 'samplan_session=s1', [FORWARDED_HEADER]: 'spoofed' });
    const request = owner.seen[0];
    expect(request?.url).toBe('/ws/doc-1?ticket=abc');
    expect(request?.headers.cookie).toBe('samplan_session=s1');
    expect(request?.headers[FORWARDED_HEADER]).toBe(via);
    const sizes = [0, 1, 125, 126, 65_535, 65_536, 1_000_000];
    const received: number[] = [];
    const all = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        received.push(data.length);
        if (received.length === sizes.length) resolve();
      }),
    );
    for (const size of sizes) ws.send(Buffer.alloc(size, size % 251));
    await all;
    expect(received).toEqual(sizes);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.close(4000);
    expect(await closed).toBe(4000);
  });

  it('answers 503 (retry) when the owner cannot be reached, hangs up before answering, or its address is not one', async () => {
    const gone = await listen(createServer());
    await new Promise((resolve) => servers.pop()?.close(resolve));
    // A dying owner: accepts the connection, then ends it without a word.
    const dying = createServer();
    dying.on('connection', (socket) => socket.end());
    const hangsUp = await listen(dying);
    for (const owner of [gone, hangsUp, 'not an address', '127.0.0.1:0', '[::1:99999']) {
      const via = await forwarder(owner);
      await expect(open(`ws://${via}/ws/doc-1`)).rejects.toThrow('HTTP 503');
    }
  });

  it('reads addresses as host:port, IPv6 in brackets', () => {
    expect(parseAddress('127.0.0.1:3101')).toEqual({ host: '127.0.0.1', port: 3101 });
    expect(parseAddress('[::1]:3101')).toEqual({ host: '::1', port: 3101 });
    expect(parseAddress('samplan-2:80')).toEqual({ host: 'samplan-2', port: 80 });
    for (const bad of ['', ':80', '127.0.0.1', '127.0.0.1:', '127.0.0.1:70000', '::1:80', 'a:b']) expect(parseAddress(bad)).toBeNull();
  });
});
