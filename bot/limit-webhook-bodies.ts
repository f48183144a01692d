// Refuses oversized webhook requests before anything reads them. Probot's middleware buffers the
// whole body in memory before it checks the signature, so without this an unsigned request of
// any size would be read in full. GitHub always sends a Content-Length and caps payloads at 25 MB.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** GitHub's own cap on webhook payloads. */
export const defaultMaxWebhookBytes = 25 * 1024 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts a size check in front of the server's request handling: a POST to the webhook path needs
 * a Content-Length of at most `maxBytes` (411 without one, 413 above), checked from the headers.
 */
export function limitWebhookBodies(server: Server, webhookPath: string, maxBytes: number, log: Logger): void {
  const path = webhookPath.replace(/\/+$/, '') || '/';
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const target = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
    if (req.method === 'POST' && target === path) {
      const declared = req.headers['content-length'];
      const size = declared === undefined ? undefined : Number(declared);
      const problem =
        size === undefined
          ? { status: 411, error: 'Length Required: a webhook must declare its Content-Length' }
          : size > maxBytes
            ? { status: 413, error: `Payload Too Large: ${size} bytes, at most ${maxBytes} are accepted` }
            : undefined;
      if (problem) {
        log.warn({ status: problem.status, contentLength: declared ?? null, delivery: req.headers['x-github-delivery'] ?? null }, `Webhook refused: ${problem.error}`);
        // The body is not read; the connection closes after the answer.
        res.writeHead(problem.status, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ error: problem.error }));
        return;
      }
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}
