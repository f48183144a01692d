// A loopback proxy that serves the fake GitHub under /api/v3, the API path of GitHub Enterprise
// Server, which is how Probot reaches an API other than api.github.com (GHE_HOST).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts the proxy; `host` is the value for GHE_HOST (with GHE_PROTOCOL=http). */
export async function startApiV3Proxy(target: string): Promise<{ host: string; url: string; stop(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/api\/v3(?=\/|$)/, '') || '/';
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    url: `http://${host}/api/v3`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
