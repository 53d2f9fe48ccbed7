// The Content-Security-Policy of index.html, tried in Chromium: the app's own scripts and WASM
// run (the page loads and searches; a WASM module compiles), while an injected inline script,
// an inline event handler, eval, a javascript: URL and a script from another origin are blocked,
// each reported as a securitypolicyviolation.
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness';

const h = useHarness();

/** The smallest valid WebAssembly module: the magic number and version. */
const EMPTY_WASM = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

describe('Content-Security-Policy', () => {
  it('lets the app run its own scripts and WASM, and blocks inline scripts, handlers, eval and other origins', async () => {
    const { page, errors } = await h.openApp();
    const url = new URL(page.url());
    const foreign = `${url.protocol}//127.0.0.1:${url.port}`;

    // The policy as the page declares it.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);

    // The app's own scripts ran: the page is ready and searches (the harness waited for it).
    expect(await page.getByTestId('app').getAttribute('data-state')).toBe('ready');

    const outcome = await page.evaluate(async ({ foreign, wasm }) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const w = window as unknown as Record<string, unknown>;

      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.body.append(inline);

      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__handlerRan = true');
      document.body.append(button);
      button.click();

      // From a task of the page's own: DevTools lets code it evaluates call eval, the page may not.
      const evalBlocked = await new Promise<boolean>((resolve) => setTimeout(() => {
        try {
          (0, eval)('window.__evalRan = true');
          resolve(false);
        } catch (e) {
          resolve(e instanceof EvalError);
        }
      }, 0));

      const link = document.createElement('a');
      link.href = 'javascript:window.__linkRan = true';
      document.body.append(link);
      link.click();

      const remote = document.createElement('script');
      remote.src = `${foreign}/assets/anything.js`;
      const remoteOutcome = new Promise<string>((resolve) => {
        remote.onload = () => resolve('loaded');
        remote.onerror = () => resolve('blocked');
      });
      document.body.append(remote);

      let wasmCompiled = false;
      try {
        await WebAssembly.compile(new Uint8Array(wasm));
        wasmCompiled = true;
      } catch {
        wasmCompiled = false;
      }
      const remoteResult = await remoteOutcome;
      await new Promise((r) => setTimeout(r, 200)); // violation events are queued
      return {
        ran: [w.__inlineRan, w.__handlerRan, w.__evalRan, w.__linkRan].map((v) => v === true),
        evalBlocked, remoteResult, wasmCompiled, violations,
      };
    }, { foreign, wasm: EMPTY_WASM });

    expect(outcome.ran, 'inline script, inline handler, eval, javascript: link').toEqual([false, false, false, false]);
    expect(outcome.evalBlocked).toBe(true);
    expect(outcome.remoteResult).toBe('blocked');
    expect(outcome.wasmCompiled, "'wasm-unsafe-eval' lets WASM compile").toBe(true);
    const kinds = outcome.violations.map((v) => v.split(' ')[0]);
    expect(kinds).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src']));
    expect(outcome.violations.some((v) => v.startsWith('script-src-elem') && v.includes('127.0.0.1'))).toBe(true);
    // The blocked attempts are reported by the browser as console errors; nothing else went wrong.
    expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
  });
});
