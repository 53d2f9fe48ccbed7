// scripts/serve.mjs, which `npm start` and the e2e tests use to serve dist/.
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../scripts/serve.mjs';

// A raw GET, because fetch() would normalise ../ away before the server ever saw it.
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let secretDir: string;
let server: RunningServer;
beforeAll(async () => {
  secretDir = await mkdtemp(join(tmpdir(), 'baoxun-serve-'));
  root = join(secretDir, 'dist');
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(root, 'samples'));
  await writeFile(join(secretDir, 'secret.txt'), 'SECRET');
  await writeFile(join(root, 'index.html'), '<!doctype html><title>本报讯</title>');
  await writeFile(join(root, 'assets/app.js'), 'export {}');
  await writeFile(join(root, 'assets/worker.mjs'), 'export {}');
  await writeFile(join(root, 'assets/sql-wasm.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(root, 'samples/index.json'), '[]');
  await writeFile(join(root, 'samples/一号.txt'), '## 标题');
  server = await startStaticServer({ root, port: 0 });
});
afterAll(async () => {
  await server.close();
  await rm(secretDir, { recursive: true, force: true });
});

describe('static server', () => {
  it('serves index.html for / and prints a localhost URL', async () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('本报讯');
  });

  it('sends the content types browsers require', async () => {
    const cases: Array<[string, string]> = [
      ['/assets/app.js', 'text/javascript; charset=utf-8'],
      ['/assets/worker.mjs', 'text/javascript; charset=utf-8'],
      ['/assets/sql-wasm.wasm', 'application/wasm'],
      ['/samples/index.json', 'application/json; charset=utf-8'],
      [`/samples/${encodeURIComponent('一号.txt')}`, 'text/plain; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const res = await get(server.port, path);
      expect([res.status, res.type], path).toEqual([200, type]);
    }
    expect((await get(server.port, '/assets/app.js', 'HEAD')).body).toBe('');
  });

  it('never serves a file outside its root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/..\\secret.txt']) {
      const res = await get(server.port, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('SECRET');
    }
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    expect((await get(server.port, '/nope.js')).status).toBe(404);
    expect((await get(server.port, '/', 'POST')).status).toBe(405);
  });

  it('falls back to a free port when the wanted one is taken', async () => {
    const second = await startStaticServer({ root, port: server.port });
    try {
      expect(second.fellBack).toBe(true);
      expect(second.port).not.toBe(server.port);
      expect((await get(second.port, '/')).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
