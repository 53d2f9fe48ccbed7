#!/usr/bin/env node
// Serves the built app (dist/) on localhost: `npm start` runs this after `vite build`.
// Plain node:http so that a fresh clone needs nothing beyond `npm install`, and so the e2e tests
// serve the page with exactly this code (tests/e2e/harness.ts imports startStaticServer).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folder `npm run build` writes and this server serves by default. BAOXUN_DIST points the
 *  server and the browser tests at another build (engineers working side by side each build into
 *  their own folder with `vite build --outDir`). */
export const DIST_DIR = process.env.BAOXUN_DIST
  ? resolve(process.env.BAOXUN_DIST)
  : fileURLToPath(new URL('../dist/', import.meta.url));

/** Content types by extension; WASM must be application/wasm for streaming compilation. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
};

/** The content type for a file name (application/octet-stream when unknown). */
export function contentTypeFor(name) {
  return MIME_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/**
 * Map a request path to a file under root, or null when it would leave root (../, encoded
 * slashes, NUL, symlinks pointing outside). Directories map to their index.html.
 */
export async function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = await realpath(root);
  let file = resolve(base, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  if (file !== base && !file.startsWith(base + sep)) return null;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const real = await realpath(file);
    if (real !== base && !real.startsWith(base + sep)) return null;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined; // not there: 404
  }
}

/** An http.Server that serves the files under root with GET and HEAD. */
export function createStaticServer(root = DIST_DIR) {
  return createServer((req, res) => {
    serveFile(root, req, res).catch((err) => {
      if (res.headersSent) res.destroy();
      else send(res, 500, `server error: ${err.message}\n`);
    });
  });
}

/** Answer one request with the file it names, or a plain-text error status. */
async function serveFile(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  const file = await resolveRequestPath(root, req.url ?? '/');
  if (file === null) return send(res, 403, 'forbidden\n');
  if (file === undefined) return send(res, 404, `not found: ${req.url}\n`);
  const { size } = await stat(file);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    'X-Content-Type-Options': 'nosniff',
    // Hashed assets never change; index.html and the sample corpus must be re-checked.
    'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

function listenOnce(server, port, host) {
  return new Promise((resolveListen, reject) => {
    const onError = (err) => { server.off('listening', onListening); reject(err); };
    const onListening = () => { server.off('error', onError); resolveListen(server.address().port); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serve root on host:port; when that port is taken, on a free port chosen by the system.
 * Resolves to the URL and a close() that stops the server.
 */
export async function startStaticServer({ root = DIST_DIR, port = 4173, host = '127.0.0.1' } = {}) {
  const server = createStaticServer(root);
  let bound;
  let fellBack = false;
  try {
    bound = await listenOnce(server, port, host);
  } catch (err) {
    if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') throw err;
    bound = await listenOnce(server, 0, host);
    fellBack = true;
  }
  const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
  return {
    url: `http://${shown}:${bound}/`,
    port: bound,
    fellBack,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
  };
}

async function cli() {
  try {
    await stat(join(DIST_DIR, 'index.html'));
  } catch {
    console.error('serve: dist/index.html not found. Build the app first: npm run build (npm start does both).');
    process.exit(1);
  }
  const wanted = process.env.PORT ? Number(process.env.PORT) : 4173;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    console.error(`serve: PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  const { url, fellBack } = await startStaticServer({ port: wanted, host: process.env.HOST || '127.0.0.1' });
  if (fellBack) console.log(`Port ${wanted} is in use; using another one.`);
  console.log(`Baoxun 本报讯 is running at ${url}  (Ctrl+C to stop)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  cli().catch((err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
