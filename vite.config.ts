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

/**
 * A test build (`vite build --mode e2e`: npm run test:e2e, scripts/test-all.mjs) says so in its
 * index.html, so the browser-test harness can refuse a production build: only a test build
 * reads the tests' save hooks (src/main.ts), and the production build holds no trace of them.
 */
function testBuildMark(mode: string): Plugin {
  return {
    name: 'baoxun-test-build-mark',
    transformIndexHtml: (html) => (mode === 'e2e' ? html.replace('<head>', '<head>\n    <meta name="baoxun-build" content="e2e" />') : html),
  };
}

/**
 * src/main.ts loads the app (src/ui/start-app.ts) only after the shell's first frame; these hints
 * let the browser fetch its script and stylesheet meanwhile without running or applying them, so
 * waiting for the frame costs no download time (docs/performance.md, cold start).
 */
function preloadApp(): Plugin {
  return {
    name: 'baoxun-preload-app',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/start-app.ts'));
        if (!chunk || chunk.type !== 'chunk') return [];
        const css = [...(chunk.viteMetadata?.importedCss ?? [])];
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' },
          ...css.map((href) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

// The app is a static site: relative base so it runs from any folder of any static host.
export default defineConfig(({ mode }) => ({
  base: './',
  // siteCorpus: the site's own corpus/ (or a placeholder); serviceWorker: dist/sw.js for offline
  // use (build/site-plugins.ts, docs/deploy.md).
  plugins: [
    svelte(), sampleCorpus(), testBuildMark(mode), preloadApp(),
    siteCorpus(fileURLToPath(new URL('./corpus/', import.meta.url))),
    serviceWorker(fileURLToPath(new URL('./build/sw-template.js', import.meta.url))),
  ],
  worker: { format: 'es' },
  // jieba-wasm finds its .wasm next to its own module (new URL(..., import.meta.url)); pre-bundling
  // would move the module away from the file, so it is served as is.
  optimizeDeps: { exclude: ['jieba-wasm'] },
  build: { target: 'es2022', sourcemap: true },
}));
