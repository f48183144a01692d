// `npm run serve:site -- [dir] [--port 8080] [--prefix /ler-ecosystem-map/]`: serves a built site
// as GitHub Pages would (under an optional path prefix, 404.html for missing pages), on loopback.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

export interface SiteServer {
  /** Address of the site root, with the prefix and a trailing slash. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `dir` at http://127.0.0.1:<port><prefix>; port 0 picks a free one. */
export async function serveSite(dir: string, options: { port?: number; prefix?: string } = {}): Promise<SiteServer> {
  const root = resolve(dir);
  const prefix = `/${(options.prefix ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const fileFor = async (urlPath: string): Promise<string | undefined> => {
    const path = normalize(join(root, decodeURIComponent(urlPath)));
    if (path !== root && !path.startsWith(root + sep)) return undefined; // no escaping the site folder
    const s = await stat(path).catch(() => undefined);
    if (s?.isFile()) return path;
    if (s?.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return index;
    }
    return undefined;
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file: string | undefined;
    if (url.pathname.startsWith(prefix)) {
      const inner = url.pathname.slice(prefix.length - 1);
      // A folder without its trailing slash redirects, as GitHub Pages does.
      if (!inner.endsWith('/') && !extname(inner) && (await fileFor(`${inner}/index.html`))) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = await fileFor(inner);
    }
    const status = file ? 200 : 404;
    file ??= await fileFor('/404.html');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(status, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '8080' }, prefix: { type: 'string', default: process.env.PATH_PREFIX ?? '/' } },
  });
  const site = await serveSite(positionals[0] ?? '_site', { port: Number(values.port), prefix: values.prefix });
  console.log(`Serving ${positionals[0] ?? '_site'} at ${site.url} (Ctrl+C to stop)`);
}
