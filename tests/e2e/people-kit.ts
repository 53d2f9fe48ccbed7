// Steps the people browser tests share: open the people view, open a person's page.
import type { Page } from 'playwright-core';

/** Open the people view and wait until the index on screen is the worker's current one. */
export async function openPeople(page: Page): Promise<void> {
  await page.getByTestId('view-people').click();
  await page.locator('[data-testid="people-view"][data-state="ready"]').waitFor({ timeout: 60_000 });
}

/** Filter the people list to `name` and open that person's page. */
export async function openPerson(page: Page, name: string): Promise<void> {
  await page.getByTestId('people-filter').fill(name);
  const item = page.getByTestId('person-item').filter({ has: page.getByRole('button', { name, exact: true }) });
  await item.first().getByRole('button', { name, exact: true }).click();
  await page.getByTestId('person-post').first().waitFor();
}
