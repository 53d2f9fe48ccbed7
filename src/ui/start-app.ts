// The app proper: start the corpus worker, open the corpus (the one saved in this browser, else
// the site's own or the built-in samples: lib/corpus-source.ts), mount the page in place of the
// shell index.html painted, and register the service worker that makes the page work offline
// after the first visit. Loaded by src/main.ts once the shell is on screen.
import { mount } from 'svelte';
import App from './App.svelte';
import { createCorpusClient } from './lib/corpus-client.svelte';
import { CorpusKeeping } from './lib/corpus-keeping.svelte';
import { chooseCorpusSource } from './lib/corpus-source';
import { registerServiceWorker } from './lib/service-worker';
import { CrashJournal, safeLocalStorage } from './lib/crash-journal';
import { keepInStep } from './lib/keep-in-step.svelte';
import { moveLegacyUserWords } from './lib/user-words-migration';
import type { KeepTestHooks } from '../worker/keep-protocol';
import './dialog.css';
import './tool-controls.css';

/** Start the app in the page (once). */
export function startApp(): void {
  const client = createCorpusClient();
  const keeping = new CorpusKeeping(client);
  // The browser tests' save hooks (lib/test-hooks.ts): only a test build (`vite build --mode e2e`)
  // reads them; in the production build the condition is the constant false and the module is
  // left out of the bundle. A link cannot set them.
  const hooks: Promise<KeepTestHooks | undefined> = import.meta.env.MODE === 'e2e'
    ? import('./lib/test-hooks').then((m) => m.testHooks())
    : Promise.resolve(undefined);
  // Relative to the page, so the site works from any folder of any static host. Once the corpus is
  // open, dictionary words an older page kept in localStorage move into it (user-words-migration.ts).
  void chooseCorpusSource(location.href, document.baseURI, (...a) => fetch(...a))
    .then(async (choice) => keeping.begin(choice, await hooks))
    // A failed move keeps the old key: the next visit tries again.
    .then(() => (keeping.confirm || client.error ? 0 : moveLegacyUserWords(client, safeLocalStorage()).catch(() => 0)));

  // index.html paints a static shell (and carries the page-wide CSS) before any script runs; the
  // app takes its place in the same task, so no frame shows neither.
  const target = document.getElementById('app')!;
  target.replaceChildren();
  mount(App, { target, props: { client, keeping } });

  // What this tab is loading is noted in localStorage; a tab that died mid-load (out of memory
  // takes the whole tab) is named by the next page (src/ui/lib/crash-journal.ts).
  const journal = new CrashJournal(safeLocalStorage(), navigator.locks ?? null);
  void journal.open().then((earlier) => { if (earlier && !client.crash) client.crash = earlier; });
  journal.follow(client, keepInStep, window);

  if (import.meta.env.PROD) registerServiceWorker(new URL('sw.js', document.baseURI).href);
}
