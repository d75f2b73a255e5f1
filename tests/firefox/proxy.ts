/**
 * A loopback HTTP proxy that stands in for the internet in Firefox tests.
 *
 * Firefox sends every request through it (the `network.proxy.*` prefs). HTTPS requests arrive
 * as `CONNECT host:443`; for the two hosts the extension uses, the proxy terminates TLS itself
 * with a throwaway self-signed certificate (Firefox accepts it because the session is started
 * with `acceptInsecureCerts`) and then:
 *  - `www.linkedin.com` (any LinkedIn host) answers with the fake job pages of the Chrome tests;
 *  - `api.linkupapi.com` is forwarded to the local Linkup mock.
 * Every other host is refused, so nothing leaves the machine. The production build is tested
 * unchanged: it still calls `https://api.linkupapi.com`.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { selfSignedCertificate } from '../fixtures/certificate';
import { linkedInPage } from '../fixtures/linkedin';

const LINKUP_HOST = 'api.linkupapi.com';

export interface ProxyRecord {
  host: string;
  method: string;
  path: string;
}

export interface TestProxy {
  readonly port: number;
  /** Where `api.linkupapi.com` is forwarded (the mock's base URL); null refuses it. */
  upstream: string | null;
  /** false: every tunnel is refused and open ones are cut, as with no network. */
  setOnline(online: boolean): void;
  /** Requests served (LinkedIn pages and Linkup calls), in order. */
  readonly served: ProxyRecord[];
  /** Hosts that asked for a tunnel and were refused (Firefox's own background traffic). */
  readonly refused: Set<string>;
  close(): Promise<void>;
}

export function isLinkedInHost(host: string): boolean {
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

export async function startProxy(upstream: string | null): Promise<TestProxy> {
  const served: ProxyRecord[] = [];
  const refused = new Set<string>();
  const tunnels = new Set<Socket>();
  let online = true;

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    if (isLinkedInHost(host)) {
      served.push({ host, method: req.method ?? 'GET', path });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(linkedInPage(`https://${host}${path}`));
      return;
    }
    if (host === LINKUP_HOST && proxy.upstream) {
      served.push({ host, method: req.method ?? 'GET', path });
      const target = new URL(path, proxy.upstream);
      const headers = { ...req.headers, host: target.host };
      const forward = http.request(target, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      // The mock dropped the connection (a fault) or is gone: Firefox sees a network error.
      forward.on('error', () => res.destroy());
      req.pipe(forward);
      return;
    }
    res.writeHead(403).end();
  };

  const { key, cert } = selfSignedCertificate(['linkedin.com', '*.linkedin.com', LINKUP_HOST]);
  const tls = https.createServer({ key, cert }, handle);
  const server = http.createServer(handle);
  server.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '').toLowerCase();
    const known = isLinkedInHost(host) || (host === LINKUP_HOST && proxy.upstream !== null);
    if (!online || !known) {
      if (!known) refused.add(host);
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    socket.on('error', () => {});
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: TestProxy = {
    port: (server.address() as AddressInfo).port,
    upstream,
    setOnline(value) {
      online = value;
      if (!value) for (const socket of tunnels) socket.destroy();
    },
    served,
    refused,
    close: async () => {
      for (const socket of tunnels) socket.destroy();
      server.closeAllConnections();
      tls.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    },
  };
  return proxy;
}
