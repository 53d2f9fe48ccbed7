// Untrusted text never becomes HTML or code: no component uses {@html}, and no page or worker
// code writes markup or evaluates strings. Svelte's text interpolation escapes everything, so
// with none of these anywhere, a bulletin full of <script> can only ever be shown as text.
// Should one of them ever be needed, it must get its own escaping and a test of it, and be
// listed in ALLOWED here with the reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-run';

/** Ways to turn a string into markup or code in the page or a worker. */
const SINKS: Array<[RegExp, string]> = [
  [/\{@html\b/, '{@html}'],
  [/\.innerHTML\b/, 'innerHTML'],
  [/\.outerHTML\b/, 'outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bcreateContextualFragment\b/, 'createContextualFragment'],
  [/\bdocument\.write(ln)?\b/, 'document.write'],
  [/\bsrcdoc\b/, 'srcdoc'],
  [/\bparseFromString\b/, 'DOMParser.parseFromString'],
  [/\bnew Function\b/, 'new Function'],
  [/(^|[^\w.])eval\s*\(/, 'eval'],
  [/\bsetTimeout\(\s*['"`]/, 'setTimeout with a string'],
  [/\bhref=\{[^}]*\}/, 'an href taken from data'],
  [/javascript:/i, 'a javascript: URL'],
];

/** Exceptions, each with its reason (none so far). */
const ALLOWED: Array<{ file: string; sink: string; why: string }> = [];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('no untrusted text becomes HTML', () => {
  it('no component, page or worker code has a way to turn a string into markup or code', () => {
    const files = [...sources(join(ROOT, 'src')), join(ROOT, 'index.html'), join(ROOT, 'build', 'sw-template.js')];
    expect(files.filter((f) => f.endsWith('.svelte')).length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of files) {
      const rel = relative(ROOT, file);
      // Comments may name the sinks (as this project's comments explain what is avoided).
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
      for (const [pattern, sink] of SINKS) {
        if (pattern.test(code) && !ALLOWED.some((a) => a.file === rel && a.sink === sink)) found.push(`${rel}: ${sink}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('would notice a {@html} or an innerHTML', () => {
    const [html, inner] = [SINKS[0][0], SINKS[1][0]];
    expect(html.test('<p>{@html article.body}</p>')).toBe(true);
    expect(inner.test('el.innerHTML = text;')).toBe(true);
    expect(SINKS.some(([p]) => p.test('<p>{article.body}</p>'))).toBe(false);
  });
});
