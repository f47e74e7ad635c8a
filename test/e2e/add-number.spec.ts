import {
  apiNumbers,
  campaignPath,
  campaignUrl,
  createCampaign,
  expect,
  expectNoA11yViolations,
  numbersApiPath,
  signIn,
  test,
} from './fixtures';

test.describe('adding one number', () => {
  test('with two named variables: the E.164 form is sent and the grid shows it', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'E2E add: two variables' });
    await signIn(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(campaignPath(campaign.id));
    await page.getByRole('link', { name: 'Add number' }).click();
    await expect(page).toHaveURL(campaignUrl(campaign.id, 'numbers/create'));
    await expect(page.getByRole('heading', { level: 1 }).first()).toContainText(
      'Add a number to E2E add: two variables',
    );

    const number = page.getByRole('textbox', { name: /^Number/ });
    await expect(page.getByLabel('Default country')).toHaveValue('US');
    await number.fill('(800) 555-1234');
    await expect(page.getByText('Will be sent as +18005551234')).toBeVisible();
    // A new campaign carries no variables yet: add two.
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Variable 1', { exact: true }).fill('John');
    await page.getByLabel('Name of variable 1').fill('Name');
    await page.getByLabel('Variable 2', { exact: true }).fill('199');
    await page.getByLabel('Name of variable 2').fill('Amount');
    await expect(page.getByRole('button', { name: 'Remove variable 2' })).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    await expectNoA11yViolations(page);
    // The README's screenshot, when asked for (SIPCALLER_SCREENSHOTS=1): a test run leaves the checkout as it was.
    if (process.env.SIPCALLER_SCREENSHOTS === '1')
      await page.screenshot({ path: 'docs/screenshots/add-number.png', fullPage: true });

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(campaignUrl(campaign.id));
    await expect(page.getByText('Added +18005551234 to E2E add: two variables')).toBeVisible();
    await expect(page.getByText('+18005551234').first()).toBeVisible();
    // The names typed in the form title the grid's columns.
    await expect(page.getByRole('columnheader', { name: 'Amount' })).toBeVisible();
    const rows = await apiNumbers(request, campaign.id);
    expect(rows.map((row) => [row.number, ...row.varValues])).toEqual([['+18005551234', 'John', '199']]);
  });

  test('a refusal keeps every value; "Add another" keeps the form open', async ({ page, request }) => {
    const campaign = await createCampaign(request, { name: 'E2E add: errors', numbers: 3, varCount: 2 });
    await signIn(page);
    await page.goto(campaignPath(campaign.id, 'numbers/create'));
    // The campaign's numbers carry two variables: the form starts with two.
    await expect(page.getByLabel('Variable 2', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Variable 3', { exact: true })).toHaveCount(0);
    const number = page.getByRole('textbox', { name: /^Number/ });
    await number.fill('+44 20 7946 0958');
    await expect(page.getByText('Will be sent as +442079460958')).toBeVisible();
    await page.getByLabel('Variable 1', { exact: true }).fill('Ada');
    await page.getByLabel('Variable 2', { exact: true }).fill('42');

    // The server refuses once (an injected 409, as when the campaign is paused meanwhile).
    const fault = await request.post('/_emulator/faults', {
      // POST only: the form's look-up of the number (a GET) must not use it up.
      data: { status: 409, count: 1, method: 'POST', pathContains: numbersApiPath(campaign.id) },
    });
    expect(fault.ok()).toBe(true);
    await page.getByRole('button', { name: 'Add another' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The number was not added' });
    await expect(alert).toContainText('Injected fault: the emulator answers 409.');
    await expect(number).toHaveValue('+44 20 7946 0958');
    await expect(page.getByLabel('Variable 1', { exact: true })).toHaveValue('Ada');
    await expect(page.getByLabel('Variable 2', { exact: true })).toHaveValue('42');

    await page.getByRole('button', { name: 'Add another' }).click();
    await expect(page.getByText('Added +442079460958 to E2E add: errors')).toBeVisible();
    await expect(number).toHaveValue('');
    await expect(number).toBeFocused();
    await expect(page.getByLabel('Variable 1', { exact: true })).toHaveValue('');
    await expect(page).toHaveURL(campaignUrl(campaign.id, 'numbers/create'));

    // An invalid number never reaches the API.
    await number.fill('12');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(/Not a valid phone number for United States/)).toBeVisible();
    const rows = await apiNumbers(request, campaign.id);
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)?.number).toBe('+442079460958');
    expect(rows.at(-1)?.varValues).toEqual(['Ada', '42']);
  });

  test('a campaign that is not Dynamic and Active says why, with Save disabled', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'E2E add: static', type: 'Static' });
    await signIn(page);
    await page.goto(campaignPath(campaign.id, 'numbers/create'));
    await expect(
      page.getByText('Numbers can be added only while a Dynamic campaign is Active.', { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
    await expectNoA11yViolations(page);
    // And in the dark theme.
    await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
    await page.mouse.move(0, 0);
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await expectNoA11yViolations(page);
    // And in Spanish.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toContainText(
      'Añadir un número a E2E add: static',
    );
    await expect(page.getByRole('button', { name: 'Guardar', exact: true })).toBeDisabled();
    await expect(
      page.getByText('Solo se pueden añadir números mientras una campaña Dynamic está Active.'),
    ).toBeVisible();
  });
});
