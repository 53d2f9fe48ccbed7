// Hostile archives dropped on the page: a zip bomb (an entry that unpacks to 100 MB from a few
// hundred KB: never unpacked, the limit named), an archive inside an archive (not opened), a
// truncated archive, and an archive with one damaged entry (that entry fails, the others load).
// The tab's memory stays bounded and the corpus holds exactly the good bulletins.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { articleCount, makeBulletin } from './corpus';
import { expectNumber, numberIn, useHarness, waitUntilReady } from './harness';
import { expectRow, watchRendererMemory } from './hostile-kit';
import { resultsFor } from './keep-harness';

const h = useHarness();

/** Make the first entry's deflate data start with an invalid block type. */
function damageFirstEntry(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  if (view.getUint32(0, true) !== 0x04034b50) throw new Error('not a local header');
  const data = 30 + view.getUint16(26, true) + view.getUint16(28, true);
  out[data] = 0xff; // BFINAL=1, BTYPE=11: reserved, an error in any inflater
  return out;
}

describe('hostile archives', () => {
  it('a zip bomb, a nested zip, a truncated zip and a damaged entry are each named; the good bulletins load', async () => {
    const { page, errors } = await h.openApp();
    const before = { bulletins: await numberIn(page, 'bulletin-count'), articles: await numberIn(page, 'article-count') };
    const a = makeBulletin('茶山坳', 2);
    const b = makeBulletin('竹溪湾', 3);
    const c = makeBulletin('桐木岭', 1);
    const d = makeBulletin('柿子沟', 2);
    const bomb = zipSync({ 'bomb.txt': new Uint8Array(100 * 1024 * 1024).fill(0x20), 'a.txt': strToU8(a) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const nested = zipSync({ 'b.txt': strToU8(b), 'inner.zip': zipSync({ 'hidden.txt': strToU8(makeBulletin('藏宝洞', 1)) }) });
    const whole = zipSync({ 'x.txt': strToU8(makeBulletin('断桥镇', 1)) });
    const truncated = whole.slice(0, whole.length - 40);
    const damaged = damageFirstEntry(zipSync({ 'broken.txt': strToU8(makeBulletin('破庙村', 2)), 'c.txt': strToU8(c) }));
    const memory = watchRendererMemory();
    await page.getByTestId('file-input').setInputFiles([
      { name: 'bomb.zip', mimeType: 'application/zip', buffer: Buffer.from(bomb) },
      { name: 'nested.zip', mimeType: 'application/zip', buffer: Buffer.from(nested) },
      { name: 'truncated.zip', mimeType: 'application/zip', buffer: Buffer.from(truncated) },
      { name: 'damaged.zip', mimeType: 'application/zip', buffer: Buffer.from(damaged) },
      { name: 'fake.zip', mimeType: 'application/zip', buffer: Buffer.from('this is not an archive at all') },
      { name: 'd.txt', mimeType: 'text/plain', buffer: Buffer.from(d) },
    ]);

    expect(await expectRow(page, 'bomb.zip/bomb.txt', 'skipped')).toMatch(/文件太大.*100 MB > 64 MB/);
    await expectRow(page, 'bomb.zip/a.txt', 'done');
    expect(await expectRow(page, 'nested.zip/inner.zip', 'skipped')).toMatch(/压缩包中的压缩包/);
    await expectRow(page, 'nested.zip/b.txt', 'done');
    expect(await expectRow(page, 'truncated.zip', 'error')).toMatch(/zip/);
    expect(await expectRow(page, 'fake.zip', 'error')).toMatch(/zip/);
    expect(await expectRow(page, 'damaged.zip/broken.txt', 'error')).toMatch(/压缩包中的这个文件已损坏.*无法解压/);
    await expectRow(page, 'damaged.zip/c.txt', 'done');
    await expectRow(page, 'd.txt', 'done');
    await waitUntilReady(page);
    const peak = memory.stop();
    console.log(`hostile archives: renderer peak ${peak} MB`);
    // The 100 MB entry was never unpacked: the tab never held it.
    if (peak) expect(peak).toBeLessThan(700);

    const good = [a, b, c, d];
    await expectNumber(page, 'bulletin-count', before.bulletins + good.length);
    await expectNumber(page, 'article-count', before.articles + good.reduce((n, t) => n + articleCount(t), 0));
    expect(await resultsFor(page, '藏宝洞')).toBe(0); // the nested archive stayed shut
    expect(await resultsFor(page, '竹溪湾')).toBe(articleCount(b));
    expect(errors).toEqual([]);
  });
});
