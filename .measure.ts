import { startHarness } from './tests/e2e/harness';
import { generateCorpus } from './bench/search/corpus';
const N = Number(process.argv[2] ?? 5000);
const gen = generateCorpus({ articles: N });
console.log('generated', gen.length, 'bulletins', gen.reduce((s, b) => s + b.articles, 0), 'articles');
const files = gen.map((b) => ({ name: b.name, mimeType: 'text/plain', buffer: Buffer.from(b.text) }));
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
  await page.waitForFunction(() => ['tagging', 'extracting', 'resegmenting'].includes(document.querySelector('[data-testid=entities-status]')?.getAttribute('data-phase') ?? ''), null, { timeout: 60000, polling: 50 });
  const st2 = await page.getByTestId('entities-status').getAttribute('data-phase');
  await page.getByTestId('view-search').click();
  const q0 = Date.now();
  await page.getByTestId('search-input').fill('防汛');
  await page.locator('[data-testid=result-list][data-state=idle][data-query="防汛"]').waitFor({ timeout: 60000 });
  console.log('search during', st2, 'took', (Date.now() - q0) / 1000, 's');
  await page.getByTestId('view-people').click();
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
