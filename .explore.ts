import { startHarness } from './tests/e2e/harness';
const h = await startHarness();
try {
  for (const [w, hgt, name] of [[1400, 900, 'co'], [390, 844, 'm-co']] as const) {
    const { page, errors } = await h.openApp({ width: w, height: hgt });
    await page.getByTestId('view-analysis').click();
    await page.getByTestId('analysis-tab-co').click();
    await page.locator('[data-testid=entities-status][data-phase=ready]').waitFor({ timeout: 30000 });
    await page.getByTestId('co-network').waitFor({ timeout: 20000 });
    await page.getByTestId('co-network').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/${name}.png` });
    console.log(errors);
  }
} finally { await h.close(); }
