import { readdirSync, readFileSync } from 'node:fs';
import { startHarness } from './tests/e2e/harness';
const N = Number(process.argv[2] ?? 490);
const seeds = readdirSync('seeds').filter((n) => n.endsWith('.txt')).sort().map((n) => ({ n, b: readFileSync('seeds/' + n) }));
const files = [];
for (let c = 1; files.length < N; c++) for (const s of seeds) files.push({ name: `copy-${String(c).padStart(3, '0')}-${s.n}`, mimeType: 'text/plain', buffer: Buffer.concat([s.b, Buffer.from('\n'.repeat(c))]) });
const h = await startHarness();
try {
  const { page, errors } = await h.openApp({ width: 1280, height: 860 });
  await page.getByTestId('view-people').click();
  await page.locator('[data-testid=people-view][data-state=ready]').waitFor({ timeout: 60000 });
  const st = page.getByTestId('entities-status');
  console.log('seeds:', await st.getAttribute('data-articles'), await st.getAttribute('data-timings'));
  const t0 = Date.now();
  await page.getByTestId('file-input').setInputFiles(files);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=article-count]')?.getAttribute('data-value')) > 4000, null, { timeout: 600000 });
  await page.locator('[data-testid="app"][data-state="ready"]').waitFor({ timeout: 600000 });
  console.log('loaded in', (Date.now() - t0) / 1000, 's', await page.getByTestId('article-count').getAttribute('data-value'));
  await page.waitForFunction(() => { const e = document.querySelector('[data-testid=entities-status]'); return e?.getAttribute('data-phase') === 'ready' && Number(e.getAttribute('data-articles')) > 4000; }, null, { timeout: 600000, polling: 200 });
  console.log('entities ready at', (Date.now() - t0) / 1000, 's');
  console.log(await st.getAttribute('data-articles'), await st.getAttribute('data-timings'), await st.innerText());
  // search responsiveness while idle
  await page.getByTestId('view-search').click();
  const s0 = Date.now();
  await page.getByTestId('search-input').fill('政绩观');
  await page.locator('[data-testid=result-list][data-state=idle][data-query="政绩观"]').waitFor({ timeout: 60000 });
  console.log('search after', (Date.now() - s0) / 1000, 's');
  console.log(errors);
} finally { await h.close(); }
