// Entry point: start the corpus worker, load the sample corpus, mount the page.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { createCorpusClient } from './ui/lib/corpus-client.svelte';
import './ui/app.css';

const client = createCorpusClient();
// Relative to the page, so the site works from any folder of any static host.
void client.start(new URL('seeds/manifest.json', document.baseURI).href);

mount(App, { target: document.getElementById('app')!, props: { client } });
