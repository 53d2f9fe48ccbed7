// Build steps that make dist/ a site any static host can serve (docs/deploy.md):
// - the site's corpus folder: corpus/ of the project when there is one (a hosted corpus), else a
//   placeholder corpus/manifest.json that names no corpus (the page then opens the user's own);
// - the service worker (sw.js) with the list of every file of the build to cache for offline use
//   and a version that changes with any of them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** The manifest a site without its own corpus carries: it names no files and no SQLite file. */
export const PLACEHOLDER_MANIFEST = JSON.stringify({
  comment: 'No corpus is published with this site: the page opens the corpus saved in the browser, or the samples. '
    + 'To publish one, replace this file with {"files": ["a.txt", ...]} (bulletins in this folder) '
    + 'or {"sqlite": "corpus.sqlite"} (a file built with `npm run cli -- build`); see docs/deploy.md.',
}, null, 1);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

/** corpus/ in dist: the project's corpus folder, or the placeholder manifest. */
export function siteCorpus(projectCorpusDir: string): Plugin {
  const hasCorpus = () => existsSync(join(projectCorpusDir, 'manifest.json'));
  return {
    name: 'baoxun-site-corpus',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/corpus\/([^?#]+)/.exec(req.url ?? '');
        if (!m) return next();
        const name = decodeURIComponent(m[1]);
        if (name.includes('..')) return next();
        if (hasCorpus() && existsSync(join(projectCorpusDir, name))) {
          res.end(readFileSync(join(projectCorpusDir, name)));
          return;
        }
        if (name !== 'manifest.json') return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(PLACEHOLDER_MANIFEST);
      });
    },
    generateBundle() {
      if (!hasCorpus()) {
        this.emitFile({ type: 'asset', fileName: 'corpus/manifest.json', source: PLACEHOLDER_MANIFEST });
        return;
      }
      for (const file of walk(projectCorpusDir)) {
        this.emitFile({ type: 'asset', fileName: `corpus/${relative(projectCorpusDir, file).split(sep).join('/')}`, source: readFileSync(file) });
      }
    },
  };
}

/** Files never cached by the service worker: source maps, the worker itself, and the corpus's
 *  data files (the page keeps the corpus in the browser's storage; only its manifest is cached). */
function precached(path: string): boolean {
  if (path.endsWith('.map') || path === 'sw.js') return false;
  if (path.startsWith('corpus/')) return path === 'corpus/manifest.json';
  return true;
}

/** dist/sw.js: the template with the list of files and the build's version written above it. */
export function serviceWorker(templatePath: string): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'baoxun-service-worker',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const outDir = config.build.outDir;
      if (!existsSync(join(outDir, 'index.html'))) return; // a library or worker sub-build
      const files = walk(outDir).map((f) => relative(outDir, f).split(sep).join('/')).filter(precached);
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      const list = ['./', ...files.map((f) => `./${f}`)];
      const head = `const PRECACHE = ${JSON.stringify(list)};\nconst VERSION = '${version}';\n`;
      writeFileSync(join(outDir, 'sw.js'), head + readFileSync(templatePath, 'utf8'));
    },
  };
}
