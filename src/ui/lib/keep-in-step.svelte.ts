// A Svelte effect for plain modules: run a function now and again whenever the reactive state it
// reads changes, for the page's lifetime (the crash journal follows the file list with it).

/** Run `fn` in a root effect that lives as long as the page. */
export function keepInStep(fn: () => void): void {
  $effect.root(() => {
    $effect(fn);
  });
}
