// Entry point. index.html paints the page's shell (header, view tabs, "starting") with inline
// CSS before any script runs; the app (ui/start-app.ts, its JavaScript and its stylesheet) is
// loaded only after that first frame, so neither its download nor its evaluation holds the
// shell back (docs/performance.md, cold start).

/** After the browser has painted a frame (at once in a hidden tab, which paints no frames). */
function afterFirstPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    // rAF runs before the paint; the task it queues runs after it. The timeout covers a tab
    // hidden meanwhile, where rAF never fires.
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

void afterFirstPaint()
  .then(() => import('./ui/start-app'))
  .then((app) => app.startApp());
