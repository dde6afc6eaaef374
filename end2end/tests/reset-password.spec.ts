import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, PASSWORD, test, unique } from '../fixtures';
import type { StampProgram } from '../pages/owner-page';

/**
 * An owner who forgot the password: whoever runs the server prints a one-time code with
 * `regulars-server reset-password EMAIL`, which ends the owner's sessions; the owner opens the
 * printed link, sets a new password with the code and is logged in.
 *
 * The operator's command runs the real server binary on the database of the server under test:
 * `cargo xtask test` names both (REGULARS_SERVER_BIN, REGULARS_DATA_DIR). Against a server of your
 * own, set them yourself.
 */

const ROOT = path.resolve(__dirname, '../..');
const NEW_PASSWORD = 'a much newer passphrase';
const RESET_INTRO = /Ask whoever runs your shop's Regulars server for a reset code: they run regulars-server reset-password with your e-mail address/;
const CODE_REFUSED = 'This code is wrong, already used or more than an hour old. Ask whoever runs the Regulars server for a new one.';

function program(): StampProgram {
  const id = unique('reset');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Lamplight Books ${id}`,
    rewardName: 'Free tea',
    stampsPerReward: 8,
  };
}

function targetDir(): string {
  const dir = process.env.CARGO_TARGET_DIR;
  if (!dir) return path.join(ROOT, 'target');
  return path.isAbsolute(dir) ? dir : path.join(ROOT, dir);
}

/** The data folder of the server under test: `cargo xtask test` sets REGULARS_DATA_DIR. */
function dataDir(): string {
  const dir = process.env.REGULARS_DATA_DIR;
  if (!dir || !existsSync(dir)) {
    throw new Error('REGULARS_DATA_DIR must name the data folder of the server under test (cargo xtask test sets it)');
  }
  return dir;
}

type Reset = { code: string; link: string; output: string };

/** `regulars-server reset-password EMAIL` as the operator runs it, beside the running server. */
function resetPassword(host: string, dataDir: string, email: string): Reset {
  const binary = process.env.REGULARS_SERVER_BIN ?? path.join(targetDir(), 'release', 'regulars-server');
  const env: NodeJS.ProcessEnv = { ...process.env, REGULARS_DATA_DIR: dataDir, REGULARS_LISTEN: host };
  delete env.REGULARS_DATABASE_URL;
  delete env.REGULARS_CONFIG;
  const output = execFileSync(binary, ['reset-password', email], { cwd: ROOT, env, encoding: 'utf8' });
  const code = /^\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\s*$/m.exec(output)?.[1];
  const link = /\((?:for example )?(https?:\/\/\S+\/admin\/reset#code=[0-9A-Z-]+)\)/.exec(output)?.[1];
  if (!code || !link) throw new Error(`no code and link in the output of reset-password:\n${output}`);
  return { code, link, output };
}

test('an owner who forgot the password sets a new one with the code the operator printed', async ({ owner, baseURL }) => {
  const host = new URL(baseURL ?? 'http://127.0.0.1:8080').host;
  const shop = program();
  const page = owner.page;

  await test.step('the owner sets up a shop and is logged in', async () => {
    await owner.open();
    await owner.setUp(shop);
  });

  const reset = await test.step('the operator prints a one-time code for the owner', async () => {
    const reset = resetPassword(host, dataDir(), shop.email);
    expect(reset.output).toContain(`Every session of ${shop.email} has ended.`);
    expect(reset.link).toBe(`http://${host}/admin/reset#code=${reset.code}`);
    return reset;
  });

  await test.step('the owner\'s open page is logged out', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Set up your loyalty program' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: shop.shopName, exact: true })).toBeHidden();
    await page.getByRole('button', { name: 'I already have an account', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log in', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Forgot your password?', exact: true })).toHaveAttribute('href', '/admin/reset');
  });

  const codeField = page.getByLabel('Reset code', { exact: true });
  const passwordField = page.getByLabel('New password (at least 10 characters)', { exact: true });
  const setPassword = page.getByRole('button', { name: 'Set new password', exact: true });

  await test.step('the printed link opens the reset page with the code filled in, and leaves no code in the address', async () => {
    await page.goto(reset.link);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect(page.getByText(RESET_INTRO)).toContainText('The code works once, for an hour.');
    await expect(codeField).toHaveValue(reset.code);
    await expect(page).toHaveURL(`http://${host}/admin/reset`);
    expect(await page.evaluate(() => window.location.hash)).toBe('');
  });

  await test.step('a wrong code is refused in words', async () => {
    const wrong = reset.code.startsWith('ZZZZ') ? 'YYYY-YYYY-YYYY-YYYY' : 'ZZZZ-ZZZZ-ZZZZ-ZZZZ';
    await codeField.fill(wrong);
    await passwordField.fill(NEW_PASSWORD);
    await setPassword.click();
    await expect(page.getByRole('alert')).toHaveText(CODE_REFUSED);
    await expect(page).toHaveURL(/\/admin\/reset$/);
  });

  await test.step('the right code and a new password open the dashboard', async () => {
    // The owner types it in lower case with spaces: case, spaces and dashes do not matter.
    await codeField.fill(reset.code.toLowerCase().replaceAll('-', ' '));
    await passwordField.fill(NEW_PASSWORD);
    await setPassword.click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: shop.shopName, exact: true })).toBeVisible();
  });

  await test.step('after logging out, the old password fails and the new one works', async () => {
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log in', exact: true })).toBeVisible();
    const logIn = async (password: string) => {
      await page.getByLabel('Email', { exact: true }).fill(shop.email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
    };
    await logIn(shop.password);
    await expect(page.getByRole('alert')).toHaveText('Wrong e-mail or password.');
    await logIn(NEW_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: shop.shopName, exact: true })).toBeVisible();
  });

  await test.step('the code works only once; the login form\'s link leads to the reset page', async () => {
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByRole('link', { name: 'Forgot your password?', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect(codeField).toHaveValue('');
    await codeField.fill(reset.code);
    await passwordField.fill('yet another passphrase');
    await setPassword.click();
    await expect(page.getByRole('alert')).toHaveText(CODE_REFUSED);
  });
});
