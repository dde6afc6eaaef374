import { expect, PASSWORD, test, unique } from '../fixtures';
import type { StampProgram } from '../pages/owner-page';

function stampProgram(): StampProgram {
  const id = unique('import');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Old Books Cafe ${id}`,
    rewardName: 'Free espresso',
    stampsPerReward: 10,
  };
}

/** A small linear congruential generator: the same history on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FIRST = [
  'Ada', 'Ben', 'Clara', 'Dev', 'Elif', 'Femi', 'Greta', 'Hugo', 'Ines', 'Jonas',
  'Kira', 'Luca', 'Mila', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tess',
  'Uma', 'Vito', 'Wren', 'Xenia', 'Yusuf', 'Zoe', 'Anton', 'Bea', 'Cyril', 'Dina',
  'Emil', 'Fleur', 'Gus', 'Hana', 'Ivo', 'Jade', 'Karl', 'Lea', 'Mats', 'Nell',
];
const LAST = ['Brandt', 'Costa', 'Dahl', 'Eriksen', 'Fuchs', 'Gomez', 'Haas', 'Ito', 'Jensen', 'Kovac'];
const CATEGORIES = ['Coffee', 'Food', 'Drinks'];

type History = {
  csv: string;
  /** Purchase rows that read (the bad one aside). */
  good: number;
  customers: number;
  /** Line of the bad row in the file (the header is line 1). */
  badLine: number;
  /** The first good row, as the preview shows it. */
  first: { customer: string; day: string; amount: string };
  names: Set<string>;
  /** Heavy regulars who stopped coming months ago. */
  stopped: Set<string>;
};

/**
 * About two years of a cafe's purchases: 400 customers, each joining on some day and coming
 * back at their own pace until they stop (after each visit some chance of never coming again),
 * plus 30 heavy regulars who came about weekly for a year or more and stopped four to eight
 * months ago. Dates are days before today, so every run has the same shape. One row's amount
 * is "abc".
 */
function history(): History {
  const random = lcg(20261207);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const rows: { daysAgo: number; line: string }[] = [];
  const names = new Set<string>();
  const stopped = new Set<string>();
  for (let i = 0; i < 400; i++) {
    const customer = `K${String(i + 1).padStart(4, '0')}`;
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    names.add(name);
    const email = i % 3 === 0 ? `${customer.toLowerCase()}@example.test` : '';
    const heavy = i < 30;
    if (heavy) stopped.add(name);
    const mean = heavy ? between(12, 20) : between(3, 10);
    const favourite = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
    // Visits per week while they keep coming, and the chance of stopping after a visit.
    const perWeek = heavy ? between(0.8, 1.4) : 0.1 + 0.9 * random() ** 2;
    const dropout = heavy ? 0 : 0.04 + 0.25 * random();
    const lastDay = heavy ? Math.round(between(120, 240)) : 1;
    let daysAgo = Math.round(heavy ? between(560, 720) : between(5, 720));
    for (;;) {
      const amount = (mean * between(0.7, 1.3)).toFixed(2);
      const category = random() < 0.8 ? favourite : CATEGORIES[Math.floor(random() * CATEGORIES.length)];
      rows.push({ daysAgo, line: [customer, day(daysAgo), amount, category, email, name].join(',') });
      if (random() < dropout) break;
      daysAgo -= Math.max(1, Math.round((-Math.log(1 - random()) * 7) / perWeek));
      if (daysAgo < lastDay) break;
    }
  }
  rows.sort((a, b) => b.daysAgo - a.daysAgo);
  const lines = rows.map((r) => r.line);
  const bad = `K9999,${day(400)},abc,Coffee,,Nobody`;
  lines.splice(10, 0, bad);
  const header = 'customer,date,amount,category,email,first_name';
  const [customer, date, amount] = lines[0].split(',');
  return {
    csv: [header, ...lines].join('\n') + '\n',
    good: rows.length,
    customers: 400,
    badLine: 12,
    first: { customer, day: date, amount },
    names,
    stopped,
  };
}

test('the owner imports two years of purchase history from a CSV file, skipping a bad row, and Insights predicts from it', async ({ owner }) => {
  test.setTimeout(180_000);
  const program = stampProgram();
  const file = history();
  const page = owner.page;

  await test.step('the owner sets up the shop and opens the import page from the dashboard', async () => {
    await owner.open();
    await owner.setUp(program);
    await page.getByRole('link', { name: 'Import purchase history', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import purchase history' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'What the file looks like' })).toContainText('Importing the same file again adds nothing');
  });

  await test.step('the file is uploaded and checked: the bad row is reported with its line', async () => {
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'history.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file.csv, 'utf8'),
    });
    const job = page.getByTestId('import-job');
    await expect(job.getByRole('heading', { name: 'history.csv' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-counts')).toHaveText(`Has bad rows · ${file.good + 1} rows; 1 cannot be read.`);
    // The header named the columns: each select shows its own.
    await expect(page.getByLabel('Customer', { exact: true })).toHaveValue('customer');
    await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('amount');
    await expect(page.getByLabel('First name', { exact: true })).toHaveValue('first_name');

    const bad = page.getByRole('table', { name: 'Rows that cannot be read' }).locator('tbody tr');
    await expect(bad).toHaveCount(1);
    await expect(bad.getByRole('rowheader')).toHaveText(String(file.badLine));
    await expect(bad.getByRole('cell').nth(0)).toHaveText('amount');
    await expect(bad.getByRole('cell').nth(1)).toContainText('"abc" is not an amount in EUR');

    const preview = page.getByRole('table', { name: 'The first rows, as they will be read' }).locator('tbody tr');
    await expect(preview).toHaveCount(5);
    await expect(preview.first().getByRole('rowheader')).toHaveText(file.first.customer);
    await expect(preview.first()).toContainText(`${file.first.day} 12:00`);
    await expect(preview.first()).toContainText(`${file.first.amount} EUR`);
    await expect(page.getByRole('button', { name: /^Import \d+ purchases$/ })).toHaveCount(0);
  });

  await test.step('skipping the bad row, the import runs with a progress bar, then sums up', async () => {
    await page.getByRole('button', { name: 'Skip the bad rows and import', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByTestId('import-added').locator('dd')).toHaveText(String(file.good));
    await expect(page.getByTestId('import-already-there').locator('dd')).toHaveText('0');
    await expect(page.getByTestId('import-matched-email').locator('dd')).toHaveText('0');
    await expect(page.getByTestId('import-matched-customer').locator('dd')).toHaveText('0');
    await expect(page.getByTestId('import-new-members').locator('dd')).toHaveText(String(file.customers));
    const earlier = page.getByRole('table', { name: 'Earlier imports' });
    await expect(earlier.locator('tbody tr').first()).toContainText('Done');
  });

  await test.step('Insights counts the imported members and predicts from their history', async () => {
    await page.getByRole('link', { name: 'See them in Insights', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
    await expect(page.getByTestId('figure-members').locator('.figure-number')).toHaveText(String(file.customers));

    const panel = page.getByTestId('clv');
    await expect(panel.getByRole('heading', { name: 'Predicted value' })).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId('clv-warning')).toHaveCount(0);
    await expect(panel.getByTestId('clv-words')).toContainText('A typical visit is worth about');
    await expect(panel.getByRole('img', { name: 'How well the model predicts' })).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId('clv-check')).toContainText('Fitted on the visits up to');

    const top = panel.getByTestId('clv-top').locator('tbody tr');
    await expect(top).toHaveCount(10);
    for (const name of await top.locator('td:first-child a').allTextContents()) {
      expect(file.names.has(name), `${name} is a customer of the file`).toBe(true);
    }

    const drifting = panel.getByTestId('clv-drifting').locator('tbody tr');
    await expect(drifting.first()).toBeVisible();
    const drifted = await drifting.locator('td:first-child a').allTextContents();
    for (const name of drifted) {
      expect(file.names.has(name), `${name} is a customer of the file`).toBe(true);
    }
    expect(drifted.some((name) => file.stopped.has(name)), `a regular who stopped is drifting: ${drifted.join(', ')}`).toBe(true);
  });

  await test.step('a file whose header uses other names is read once the owner says which column is which', async () => {
    await page.getByRole('link', { name: 'Import purchase history', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import purchase history' })).toBeVisible();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'till-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Client;Day;Total\nAnna;2025-11-02;3,50\nBert;2025-11-03 09:15;12\n', 'utf8'),
    });
    const job = page.getByTestId('import-job');
    await expect(job.getByRole('heading', { name: 'till-export.csv' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-counts')).toHaveText('Waiting for the columns');
    await expect(job).toContainText('The header does not name the columns customer, date and amount.');
    const customer = page.getByLabel('Customer', { exact: true });
    const date = page.getByLabel('Date', { exact: true });
    const amount = page.getByLabel('Amount', { exact: true });
    await expect(customer).toHaveValue('');
    await expect(page.getByLabel('Category', { exact: true })).toHaveValue('');

    // One column for two fields is refused in words.
    await customer.selectOption('Client');
    await date.selectOption('Day');
    await amount.selectOption('Client');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The column "Client" is already used for another field.' })).toBeVisible();

    await amount.selectOption('Total');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByTestId('import-counts')).toHaveText('Ready to import · 2 rows, all readable.');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(amount).toHaveValue('Total');
    const preview = page.getByRole('table', { name: 'The first rows, as they will be read' }).locator('tbody tr');
    await expect(preview).toHaveCount(2);
    await expect(preview.nth(0).getByRole('rowheader')).toHaveText('Anna');
    await expect(preview.nth(0)).toContainText('2025-11-02 12:00');
    await expect(preview.nth(0)).toContainText('3.50 EUR');
    await expect(preview.nth(1).getByRole('rowheader')).toHaveText('Bert');
    await expect(preview.nth(1)).toContainText('2025-11-03 09:15');
    await expect(preview.nth(1)).toContainText('12.00 EUR');
    await expect(page.getByRole('button', { name: 'Import 2 purchases', exact: true })).toBeEnabled();
  });
});
