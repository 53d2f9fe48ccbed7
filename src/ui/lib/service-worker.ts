// Registers the service worker (public/sw.js, with its list of files written by the build:
// build/service-worker.ts) so that the page, its WASM and the sample corpus load offline after
// the first visit. Failing to register only costs the offline mode.

/** Register `url` (the page's folder is its scope) once the page has loaded. */
export function registerServiceWorker(url: string): void {
  if (!('serviceWorker' in navigator)) return;
  const go = () => {
    navigator.serviceWorker.register(url, { type: 'classic' }).catch((e: unknown) => {
      console.warn(`offline mode unavailable: ${e instanceof Error ? e.message : String(e)}`);
    });
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
