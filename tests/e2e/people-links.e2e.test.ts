// Person and post pages in the address, people as a search filter and facet, and the corpus
// timeline, in real Chromium over the sample corpus.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openPeople, openPerson } from './people-kit';
import { expectNumber, numberIn, screenshot, useHarness, waitUntilReady } from './harness';

const h = useHarness();

describe('people in links and searches', () => {
  it("a copied link reopens a person's page, and a post page's address reopens the post", async () => {
    const { page, context, errors } = await h.openApp();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openPeople(page);
    await openPerson(page, '刘怀斌');
    await page.getByTestId('person-page').getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('copy-link').getAttribute('data-state')).toBe('copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(decodeURIComponent(link)).toContain('page=person:刘怀斌@红旗区');

    const other = await context.newPage();
    await other.goto(link);
    await waitUntilReady(other);
    await expect.poll(() => other.getByTestId('person-name').innerText().catch(() => ''), { timeout: 60_000 }).toBe('刘怀斌');
    expect(await other.getByTestId('person-post').count()).toBeGreaterThan(1);

    // A post page: its address reopens it; back returns to the person.
    await page.getByTestId('person-post').filter({ has: page.getByRole('button', { name: '红旗区委书记', exact: true }) }).getByRole('button', { name: '红旗区委书记', exact: true }).click();
    await expect.poll(() => page.getByTestId('post-name').innerText().catch(() => '')).toBe('红旗区委书记');
    const postUrl = page.url();
    expect(decodeURIComponent(postUrl)).toContain('page=post:红旗区委书记|红旗区');
    await other.goto(postUrl);
    await waitUntilReady(other);
    await expect.poll(() => other.getByTestId('post-name').innerText().catch(() => ''), { timeout: 60_000 }).toBe('红旗区委书记');
    await page.goBack();
    await expect.poll(() => page.getByTestId('person-name').innerText().catch(() => '')).toBe('刘怀斌');
    expect(errors).toEqual([]);
  });

  it("a person's articles open as a search with a people chip, and the facets list the people of the results", async () => {
    const { page, errors } = await h.openApp();
    await openPeople(page);
    await openPerson(page, '丁文广');
    const articles = await page.getByTestId('person-article').count();
    await page.getByTestId('person-search').click();
    await expect.poll(() => page.getByTestId('filter-chip').innerText().catch(() => '')).toContain('丁文广');
    await expectNumber(page, 'result-count', articles);
    const facet = page.locator('[data-testid="facet"][data-field="person"]');
    await facet.waitFor();
    expect(await facet.locator('[data-testid="facet-value"][data-value="丁文广@凤泉区"]').getAttribute('data-count')).toBe(String(articles));
    await screenshot(page, 'people-facet.png');
    // Another person from the facet is ORed in.
    const second = facet.locator('[data-testid="facet-value"][aria-pressed="false"]').first();
    await second.click();
    await expect.poll(() => page.getByTestId('filter-chip').count()).toBe(2);
    expect(await numberIn(page, 'result-count')).toBeGreaterThanOrEqual(articles);
    expect(errors).toEqual([]);
  });

  it('the timeline shows articles by month, a month narrows the search to it, and its data saves as CSV', async () => {
    const { page, errors } = await h.openApp();
    await page.getByTestId('view-analysis').click();
    await page.getByTestId('analysis-tab-time').click();
    await page.getByTestId('timeline-chart').waitFor({ timeout: 30_000 });
    const months = await page.getByTestId('timeline-month').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-month')!, Number(g.getAttribute('data-articles')), Number(g.getAttribute('data-events'))] as const));
    expect(months.length).toBeGreaterThan(1);
    const busiest = [...months].sort((a, b) => b[1] - a[1])[0];
    expect(months.some((m) => m[2] > 0)).toBe(true);
    await screenshot(page, 'timeline.png');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-export-csv').click()]);
    const csv = (await readFile((await file.path())!, 'utf-8')).replace(/^\ufeff/, '').split('\r\n');
    expect(csv[0]).toBe('month,articles,event_dates,articles_naming_dates');
    expect(csv).toContain(`${busiest[0]},${busiest[1]},${busiest[2]},${csv.find((l) => l.startsWith(`${busiest[0]},`))!.split(',')[3]}`);
    await page.locator(`[data-testid="timeline-month"][data-month="${busiest[0]}"] rect`).first().click();
    await expect.poll(() => page.getByTestId('filter-chip').count()).toBe(1);
    await expect.poll(() => page.getByTestId('analysis-scope').getAttribute('data-total')).toBe(String(busiest[1]));
    expect(errors).toEqual([]);
  });
});
