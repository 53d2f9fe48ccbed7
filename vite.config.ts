import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { serviceWorker, siteCorpus } from './build/site-plugins';

const SEEDS_DIR = fileURLToPath(new URL('./seeds/', import.meta.url));

/** The bulletins of seeds/ (text files only), sorted by name. */
function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).filter((n) => /\.(txt|md)$/i.test(n)).sort();
}

/**
 * The built-in sample corpus: seeds/*.txt and seeds/manifest.json ({ "files": [...] }) are served
 * at /seeds/ in dev and emitted into dist/seeds/ in a build, so the page fetches them as static
 * files with a relative URL and loads them through the same worker path as the user's files.
 */
function sampleCorpus(): Plugin {
  return {
    name: 'baoxun-sample-corpus',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/seeds\/([^/?#]+)/.exec(req.url ?? '');
        if (!m) return next();
        const name = decodeURIComponent(m[1]);
        const files = seedFiles();
        if (name === 'manifest.json') {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          return res.end(JSON.stringify({ files }));
        }
        if (!files.includes(name)) return next(); // only listed files: no path tricks
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(readFileSync(SEEDS_DIR + name));
      });
    },
    generateBundle() {
      const files = seedFiles();
      for (const name of files) {
        this.emitFile({ type: 'asset', fileName: `seeds/${name}`, source: readFileSync(SEEDS_DIR + name) });
      }
      this.emitFile({ type: 'asset', fileName: 'seeds/manifest.json', source: JSON.stringify({ files }, null, 1) });
    },
  };
}

// The app is a static site: relative base so it runs from any folder of any static host.
export default defineConfig({
  base: './',
  // siteCorpus: the site's own corpus/ (or a placeholder); serviceWorker: dist/sw.js for offline
  // use (build/site-plugins.ts, docs/deploy.md).
  plugins: [
    svelte(), sampleCorpus(),
    siteCorpus(fileURLToPath(new URL('./corpus/', import.meta.url))),
    serviceWorker(fileURLToPath(new URL('./build/sw-template.js', import.meta.url))),
  ],
  worker: { format: 'es' },
  // jieba-wasm finds its .wasm next to its own module (new URL(..., import.meta.url)); pre-bundling
  // would move the module away from the file, so it is served as is.
  optimizeDeps: { exclude: ['jieba-wasm'] },
  build: { target: 'es2022', sourcemap: true },
});
