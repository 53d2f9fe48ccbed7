// The address keeps the corpus it names: writing the view (query, chips, article) never drops a
// `corpus=` parameter, so a link copied from a hosted corpus's page opens that corpus.
import { describe, expect, it } from 'vitest';
import { keepForeignParams } from '../../src/ui/lib/url-state.svelte';

describe('the corpus parameter in the address', () => {
  it('stays first when the view is written, and is absent when the page has none', () => {
    expect(keepForeignParams('?q=%E4%BC%9A%E8%AE%AE', '?corpus=other%2Fmanifest.json&q=x')).toBe('?corpus=other%2Fmanifest.json&q=%E4%BC%9A%E8%AE%AE');
    expect(keepForeignParams('', '?corpus=a.json')).toBe('?corpus=a.json');
    expect(keepForeignParams('?q=x', '?q=y')).toBe('?q=x');
    expect(keepForeignParams('', '')).toBe('');
  });
});
