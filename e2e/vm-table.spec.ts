import { expect, test } from './fixtures';

/**
 * Issue 18 item 3: the VM table of a 5,000-VM vCenter (fake core) sorts and filters every row, not a page
 * of them, and stays usable. Times are measured by bench/vcenter-scale.bench.ts; this checks the behaviour.
 */
test('the VM table sorts and filters 5,000 rows', async ({ page, fake }) => {
  const { open, core } = await fake({ tableRows: { vms: 5000 } });
  expect(core.devices.get('vsphere-1')?.snapshot?.tables.vms).toHaveLength(5000);
  await open('#/device/vsphere-1');
  const table = page.getByRole('table', { name: 'Virtual machines' });
  await expect(table.locator('tbody tr')).toHaveCount(50, { timeout: 30_000 });
  await expect(page.getByText(/^5,?000 of 5,?000 rows$/u)).toBeVisible();

  // Sorted by name descending: the last of 5,000 names comes first (numeric collation: 4999 after 999).
  const header = table.getByRole('button', { name: 'VM', exact: true });
  await header.click();
  await expect(table.getByRole('columnheader', { name: 'VM', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await header.click();
  await expect(table.getByRole('columnheader', { name: 'VM', exact: true })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('name-4999');

  // A filter finds a VM far past the first page; the rows count says how many match.
  const filter = page.getByRole('textbox', { name: 'Filter Virtual machines' });
  await filter.fill('name-4321');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('name-4321');
  await expect(page.getByText(/^1 of 5,?000 rows$/u)).toBeVisible();

  // Wider: name-120…129 and name-1200…1299 (row 12 is name-012), still sorted descending.
  await filter.fill('name-12');
  await expect(page.getByText(/^110 of 5,?000 rows$/u)).toBeVisible();
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('name-1299');

  await filter.fill('');
  await expect(page.getByText(/^5,?000 of 5,?000 rows$/u)).toBeVisible();
});
