/**
 * The e2e transport: the same IPC table served over HTTP on 127.0.0.1, behind a random bearer
 * token, next to the built renderer. Only the transport differs from the app: the dispatcher,
 * the services and the vault on disk are the real ones.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../../electron/main/api';
import { APP_ORIGIN } from '../../../electron/main/shell/app-origin';
import { createAppFileHandler } from '../../../electron/main/shell/app-files';
import { SECURITY_HEADERS } from '../../../electron/main/shell/csp';

const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface LoopbackHost {
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

export async function startLoopbackHost(options: {
  dispatch: Dispatch;
  rendererDir: string;
}): Promise<LoopbackHost> {
  const token = randomBytes(32).toString('hex');
  // The app's own app:// handler serves the renderer here too: same confinement, same headers.
  const serveAppFile = createAppFileHandler(options.rendererDir);
  const expected = Buffer.from(`Bearer ${token}`);
  let host = '';

  const server = createServer((req, res) => {
    // A page on another origin that rebinds DNS to 127.0.0.1 still sends its own Host header.
    if (req.headers.host !== host) return send(res, 421, 'text/plain', 'wrong host');
    if (req.method === 'POST' && req.url === '/ipc') return void handleIpc(req, res);
    void serveStatic(req, res);
  });

  async function handleIpc(req: IncomingMessage, res: ServerResponse) {
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
      return send(res, 401, 'text/plain', 'unauthorized');
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'text/plain', 'too large');
    let message: { channel?: unknown; input?: unknown };
    try {
      message = JSON.parse(body) as typeof message;
    } catch {
      return send(res, 400, 'text/plain', 'bad json');
    }
    const result = await options.dispatch(message?.channel, message?.input);
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse) {
    const response = await serveAppFile({
      url: `${APP_ORIGIN}${req.url ?? '/'}`,
      method: req.method ?? 'GET',
    });
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.writeHead(response.status);
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
