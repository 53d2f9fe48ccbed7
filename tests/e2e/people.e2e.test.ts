// The people index in real Chromium: computed in the worker after the sample corpus loads, a
// person's posts over time, who held a post when, places (with an ambiguous one left ambiguous),
// and the same index as SQL tables in the console.
import { describe, expect, it } from 'vitest';
import { openPeople, openPerson } from './people-kit';
import { flat } from './corpus';
import { screenshot, useHarness } from './harness';

const h = useHarness();

describe('people index', () => {
  it("the people view shows 丁文广's posts over time", async () => {
    const { page, errors } = await h.openApp();
    await openPeople(page);
    expect(await page.getByTestId('person-item').count()).toBeGreaterThan(50);
    await screenshot(page, 'people.png');
    await openPerson(page, '丁文广');
    const person = page.getByTestId('person-page');
    expect(await person.getByTestId('person-name').innerText()).toBe('丁文广');
    // 凤泉区 区长 in 2023, 区委书记 in 2026: in that order on the timeline.
    const posts = await page.getByTestId('person-post').evaluateAll((rows) => rows.map((r) => [
      r.getAttribute('data-post'), r.querySelector('[data-testid="person-post-first"]')?.getAttribute('data-date') ?? '',
    ]));
    const mayor = posts.findIndex(([p]) => p === '凤泉区区长');
    const secretary = posts.findIndex(([p]) => p === '凤泉区委书记');
    expect(mayor).toBeGreaterThanOrEqual(0);
    expect(secretary).toBeGreaterThan(mayor);
    expect(posts[mayor][1]).toMatch(/^2023/);
    expect(posts[secretary][1]).toMatch(/^2026/);
    // How sure, and why.
    expect(await page.getByTestId('person-confidence').getAttribute('data-confidence')).toBe('high');
    expect(await page.getByTestId('person-confidence').innerText()).toContain('凤泉区');
    await screenshot(page, 'person.png');
    // The first dated mention opens its article, which names him.
    await page.getByTestId('person-post').nth(secretary).getByTestId('person-post-first').click();
    await expect.poll(async () => flat(await page.getByTestId('article-view').innerText().catch(() => ''))).toContain('丁文广');
    expect(errors).toEqual([]);
  });

  it('a post page lists who held 卫滨区委书记 when', async () => {
    const { page, errors } = await h.openApp();
    await openPeople(page);
    await page.getByTestId('people-tab-posts').click();
    await page.getByTestId('people-filter').fill('卫滨区委书记');
    await page.getByTestId('post-item').filter({ hasText: '卫滨区委书记' }).first().getByRole('button').click();
    await page.getByTestId('post-holder').first().waitFor();
    expect(await page.getByTestId('post-name').innerText()).toBe('卫滨区委书记');
    const holders = await page.getByTestId('post-holder').evaluateAll((rows) => rows.map((r) => [
      r.querySelector('button')?.textContent?.trim(), r.querySelector('[data-testid="post-holder-first"]')?.getAttribute('data-date') ?? '',
    ]));
    expect(holders.map((x) => x[0])).toEqual(['李海潮', '邓国永']);
    expect(holders[0][1]).toMatch(/^2023/);
    expect(holders[1][1]).toMatch(/^2026/);
    await screenshot(page, 'post.png');
    // A holder opens their own page.
    await page.getByTestId('post-holder').nth(1).getByRole('button', { name: '邓国永' }).click();
    await expect.poll(() => page.getByTestId('person-name').innerText()).toBe('邓国永');
    expect(errors).toEqual([]);
  });

  it('places are placed under their district and city, and an ambiguous 城关镇 is shown with its candidates', async () => {
    const { page, errors } = await h.openApp();
    // A bulletin whose only place is a town name that a hundred counties have.
    await page.getByTestId('paste-input').fill('## 城关镇召开防汛工作会议\n\n本报讯 近日，城关镇召开防汛工作推进会，镇党委书记王德胜主持会议。会议要求压实防汛责任。\n');
    await page.getByTestId('paste-submit').click();
    await page.locator('[data-testid="app"][data-state="ready"]').waitFor();
    await openPeople(page);
    await expect.poll(() => page.getByTestId('entities-status').getAttribute('data-articles')).not.toBe('0');
    await page.getByTestId('people-tab-places').click();
    const hongmen = page.getByTestId('place-item').filter({ hasText: '洪门镇' });
    expect(await hongmen.getAttribute('data-status')).toBe('resolved');
    expect(await hongmen.getAttribute('data-level')).toBe('town');
    expect(await hongmen.innerText()).toMatch(/河南省\s*›\s*新乡市\s*›\s*红旗区\s*›\s*洪门镇/);
    const chengguan = page.getByTestId('place-item').filter({ hasText: '城关镇' });
    await chengguan.waitFor();
    expect(await chengguan.getAttribute('data-status')).toBe('ambiguous');
    expect(await chengguan.getByTestId('place-candidate').count()).toBeGreaterThan(2);
    await page.getByTestId('places-level-ambiguous').click();
    expect(await page.getByTestId('place-item').evaluateAll((items) => items.every((i) => i.getAttribute('data-status') === 'ambiguous'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the people tables answer who held a post when in the SQL console', async () => {
    const { page, errors } = await h.openApp();
    await openPeople(page); // the pass has written the tables
    await page.getByTestId('view-sql').click();
    await page.getByTestId('sql-input').fill(`SELECT p.name, pp.first_date FROM person_posts pp JOIN people p ON p.id = pp.person_id
      WHERE pp.post = '卫滨区委书记' ORDER BY pp.first_date`);
    await page.getByTestId('sql-run').click();
    await page.locator('[data-testid="sql-console"][data-state="done"]').waitFor({ timeout: 30_000 });
    const rows = await page.getByTestId('sql-row').evaluateAll((rs) =>
      rs.map((r) => [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual(['李海潮', '邓国永']);
    expect(rows[0][1]).toMatch(/^2023/);
    expect(rows[1][1]).toMatch(/^2026/);
    expect(errors).toEqual([]);
  });

  it('the people view and a person page fit a phone', async () => {
    const { page, errors } = await h.openApp({ width: 390, height: 844 });
    await openPeople(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'people-phone.png');
    await openPerson(page, '刘怀斌');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'person-phone.png');
    expect(errors).toEqual([]);
  });
});
