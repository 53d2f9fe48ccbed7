// Entry point: start the corpus worker, open the corpus (the one saved in this browser, else the
// site's own or the built-in samples: src/ui/lib/corpus-source.ts), mount the page, and register
// the service worker that makes the page work offline after the first visit.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { createCorpusClient } from './ui/lib/corpus-client.svelte';
import { CorpusKeeping } from './ui/lib/corpus-keeping.svelte';
import { chooseCorpusSource } from './ui/lib/corpus-source';
import { registerServiceWorker } from './ui/lib/service-worker';
import { CrashJournal, safeLocalStorage } from './ui/lib/crash-journal';
import { keepInStep } from './ui/lib/keep-in-step.svelte';
import type { KeepTestHooks } from './worker/keep-protocol';
import './ui/app.css';

const client = createCorpusClient();
const keeping = new CorpusKeeping(client);
// Set only by the browser tests (before the page's scripts run); a link cannot set it.
const hooks = (globalThis as { __baoxunTestHooks?: KeepTestHooks }).__baoxunTestHooks;
// Relative to the page, so the site works from any folder of any static host.
void chooseCorpusSource(location.href, document.baseURI, (...a) => fetch(...a)).then((choice) => keeping.begin(choice, hooks));

mount(App, { target: document.getElementById('app')!, props: { client, keeping } });

// What this tab is loading is noted in localStorage; a tab that died mid-load (out of memory
// takes the whole tab) is named by the next page (src/ui/lib/crash-journal.ts).
const journal = new CrashJournal(safeLocalStorage(), navigator.locks ?? null);
void journal.open().then((earlier) => { if (earlier && !client.crash) client.crash = earlier; });
journal.follow(client, keepInStep, window);

if (import.meta.env.PROD) registerServiceWorker(new URL('sw.js', document.baseURI).href);
