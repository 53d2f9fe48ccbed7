// The address holds the desk's state: read and written losslessly, a new history entry per
// search (one per typing burst), back/forward applied to the client, a linked article opened
// once the corpus is ready.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { EMPTY_LOCATION, readLocation, UrlState, writeLocation, type WindowLike } from '../../src/ui/lib/url-state.svelte';
import { FakeClient, detail } from './fake-client.svelte';

/** A window with a history stack the test can step through. */
class FakeWindow implements WindowLike {
  entries: string[] = [''];
  at = 0;
  listeners: Array<() => void> = [];
  pushes = 0;
  location = { search: '', pathname: '/', hash: '' };
  history = {
    pushState: (_: unknown, __: string, url: string) => {
      this.entries = [...this.entries.slice(0, this.at + 1), new URL(url, 'http://x').search];
      this.at++;
      this.pushes++;
      this.location.search = this.entries[this.at];
    },
    replaceState: (_: unknown, __: string, url: string) => {
      this.entries[this.at] = new URL(url, 'http://x').search;
      this.location.search = this.entries[this.at];
    },
  };
  addEventListener(_: 'popstate', l: () => void) { this.listeners.push(l); }
  removeEventListener(_: 'popstate', l: () => void) { this.listeners = this.listeners.filter((x) => x !== l); }
  go(delta: number) {
    this.at += delta;
    this.location.search = this.entries[this.at];
    for (const l of this.listeners) l();
  }
}

describe('the address', () => {
  it('writes and reads every part of the state, leaving defaults out', () => {
    const state = {
      query: '学习 -会议 "a b"', filters: [{ field: 'district' as const, value: '红旗区' }, { field: 'year' as const, value: '2026' }],
      sort: 'newest' as const, everyPrinting: true, offset: 50, article: '0123456789abcdef.3', view: 'sql',
    };
    expect(readLocation(writeLocation(state))).toEqual(state);
    expect(writeLocation(EMPTY_LOCATION)).toBe('');
    expect(readLocation('?f=nonsense&f=district:&sort=sideways&p=-3&a=../x')).toEqual(EMPTY_LOCATION);
  });
});

describe('UrlState', () => {
  function setup(search = '') {
    const client = new FakeClient();
    const win = new FakeWindow();
    win.location.search = search;
    win.entries = [search];
    let view = 'search';
    let now = 0;
    const url = new UrlState(client, { get: () => view, set: (v) => { view = v; } }, win, () => now);
    const stop = url.start();
    return { client, win, stop, tick: (ms: number) => { now += ms; }, view: () => view };
  }

  it('restores a linked search at start and opens the linked article once the corpus is ready', () => {
    const { client, stop } = setup('?q=%E5%AD%A6%E4%B9%A0&f=district:%E7%BA%A2%E6%97%97%E5%8C%BA&a=0123456789abcdef.1&view=bulletins');
    expect(client.calls[0]).toEqual(['applySearch', { ...EMPTY_LOCATION, query: '学习', filters: [{ field: 'district', value: '红旗区' }], article: '0123456789abcdef.1', view: 'bulletins' }]);
    client.status = 'loading';
    flushSync();
    expect(client.calls.some(([k]) => k === 'openArticleRef')).toBe(false);
    client.status = 'ready';
    flushSync();
    expect(client.calls).toContainEqual(['openArticleRef', '0123456789abcdef.1']);
    stop();
  });

  it('makes one history entry per burst of typing and one per chip, order or article', () => {
    const { client, win, stop, tick } = setup();
    for (const q of ['学', '学习']) {
      client.query = q;
      flushSync();
      tick(200);
    }
    expect(win.entries).toEqual(['', '?q=%E5%AD%A6%E4%B9%A0']);
    tick(2000);
    client.query = '防汛';
    flushSync();
    expect(win.entries.length).toBe(3);
    client.addFilter({ field: 'year', value: '2026' });
    flushSync();
    client.article = detail();
    flushSync();
    expect(win.entries.length).toBe(5);
    expect(win.location.search).toContain('a=0123456789abcdef.1');
    stop();
  });

  it('applies back and forward to the client', () => {
    const { client, win, stop, tick } = setup();
    client.query = '学习';
    flushSync();
    tick(2000);
    client.query = '防汛';
    flushSync();
    win.go(-1);
    expect(client.calls.at(-1)).toEqual(['applySearch', { ...EMPTY_LOCATION, query: '学习' }]);
    expect(client.query).toBe('学习');
    flushSync();
    expect(win.entries.length).toBe(3); // going back wrote nothing new
    win.go(1);
    expect(client.query).toBe('防汛');
    stop();
  });
});
