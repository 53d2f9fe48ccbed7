import { startHarness } from './tests/e2e/harness';
const h = await startHarness();
try {
  const { page, errors } = await h.openApp({ width: 390, height: 844 });
  await page.getByTestId('view-people').click();
  await page.locator('[data-testid=people-view][data-state=ready]').waitFor({ timeout: 60000 });
  await page.screenshot({ path: '/tmp/shots/m-people.png' });
  await page.getByTestId('people-filter').fill('刘怀斌');
  await page.getByTestId('person-item').first().getByRole('button').click();
  await page.getByTestId('person-post').first().waitFor();
  await page.screenshot({ path: '/tmp/shots/m-person.png', fullPage: true });
  await page.getByTestId('people-back').click();
  await page.getByTestId('people-tab-posts').click();
  await page.getByTestId('people-filter').fill('卫滨区委书记');
  await page.getByTestId('post-item').first().getByRole('button').click();
  await page.getByTestId('post-holder').first().waitFor();
  await page.screenshot({ path: '/tmp/shots/m-post.png' });
  await page.getByTestId('view-analysis').click();
  await page.getByTestId('search-input').fill('政绩观');
  await page.locator('[data-testid=kwic][data-state=idle][data-term="政绩观"]').waitFor({ timeout: 20000 });
  await page.screenshot({ path: '/tmp/shots/m-kwic.png' });
  await page.getByTestId('analysis-tab-trends').click();
  await page.getByTestId('trend-chart').waitFor({ timeout: 20000 });
  await page.screenshot({ path: '/tmp/shots/m-trends.png' });
  await page.getByTestId('analysis-tab-co').click();
  await page.getByTestId('co-network').waitFor({ timeout: 20000 });
  await page.screenshot({ path: '/tmp/shots/m-co.png' });
  console.log(errors);
} finally { await h.close(); }
