import { startHarness } from './tests/e2e/harness';
const h = await startHarness();
try {
  const { page, errors } = await h.openApp({ width: 1280, height: 860 });
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('view-people').click();
  await page.locator('[data-testid=people-view][data-state=ready]').waitFor({ timeout: 60000 });
  await page.getByTestId('people-filter').fill('刘怀斌');
  await page.getByTestId('person-item').first().getByRole('button').click();
  await page.getByTestId('person-post').first().waitFor();
  await page.screenshot({ path: '/tmp/shots/en-person.png' });
  console.log(errors);
} finally { await h.close(); }
