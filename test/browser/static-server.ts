// A plain static host for the browser tests: serves a built site folder on
// 127.0.0.1 at a free port, folders as their index.html and anything missing
// as 404.html with status 404, the way GitHub Pages or nginx would. It keeps a
// log of what was requested, so tests can tell what a page loaded.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  /** Paths requested so far, in order (`/`, `/assets/site.css`…). */
  requests: string[];
  close(): Promise<void>;
}

export async function serveFolder(folder: string): Promise<StaticServer> {
  const root = path.resolve(folder);
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    void respond(root, pathname).then(({ status, body, file }) => {
      response.writeHead(status, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no port.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function respond(root: string, pathname: string): Promise<{ status: number; body: Buffer; file: string }> {
  const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  // Nothing outside the site folder, however the path is spelt.
  if (file.startsWith(root + path.sep) && (await isFile(file))) return { status: 200, body: await readFile(file), file };
  const notFound = path.join(root, '404.html');
  return { status: 404, body: (await isFile(notFound)) ? await readFile(notFound) : Buffer.from('Not found'), file: notFound };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
