import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageBeforeSignIn, SignInGate } from './SignInGate';
import { saveSession } from './session';

// The machine is shared and busy: give findBy*/waitFor more than the 1 s default (no timing is asserted).
configure({ asyncUtilTimeout: 5000 });

const login = vi.fn();
vi.mock('../authProvider', () => ({ authProvider: { login: (params: unknown) => login(params) } }));
vi.mock('../App', () => ({ default: () => <p>the console</p> }));

// Pasting, not typing key by key: the same events for the form, a fraction of the time on a busy machine.
const fill = async (user: ReturnType<typeof userEvent.setup>, label: string, value: string) => {
  await user.click(screen.getByLabelText(label));
  await user.paste(value);
};

describe('SignInGate', () => {
  beforeEach(() => {
    login.mockReset();
    window.history.replaceState(null, '', '/');
  });

  it('opens the console directly when a session exists', async () => {
    saveSession({ token: 't', accountId: '1001', apiUrl: 'http://127.0.0.1/v1' }, false);
    render(<SignInGate />);
    expect(await screen.findByText('the console', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('shows the sign-in screen on its own, then the console once the token is accepted', async () => {
    const user = userEvent.setup();
    login.mockResolvedValue(undefined);
    render(<SignInGate />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Sign in to SIP Caller Console' }),
    ).toBeInTheDocument();
    await fill(user, 'API token', 'tok');
    await fill(user, 'Account ID', '1001');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('the console', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(login).toHaveBeenCalledWith({
      token: 'tok',
      accountId: '1001',
      apiUrl: expect.any(String),
      remember: false,
    });
  });

  it('stays on the sign-in screen with the reason when the token is rejected', async () => {
    const user = userEvent.setup();
    login.mockRejectedValue(new Error('app.auth.errors.rejected'));
    render(<SignInGate />);
    await fill(user, 'API token', 'bad');
    await fill(user, 'Account ID', '1001');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/The API token was rejected/);
    expect(screen.getByLabelText('API token')).toHaveValue('bad');
    expect(screen.queryByText('the console')).not.toBeInTheDocument();
  });

  it('leaves the /login address for the console home after signing in there', async () => {
    const user = userEvent.setup();
    login.mockResolvedValue(undefined);
    window.history.replaceState(null, '', '/login');
    render(<SignInGate />);
    await fill(user, 'API token', 'tok');
    await fill(user, 'Account ID', '1001');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('the console', {}, { timeout: 10_000 });
    expect(window.location.pathname).toBe('/');
  });

  it('goes back to the page the session ended on when the sign-in page was reloaded', async () => {
    const user = userEvent.setup();
    login.mockResolvedValue(undefined);
    // What react-admin's logout leaves in the history entry of /login (react-router keeps it under `usr`).
    window.history.replaceState(
      { usr: { nextPathname: '/campaigns/7/show', nextSearch: '?page=3&perPage=25' }, key: 'x', idx: 1 },
      '',
      '/login',
    );
    render(<SignInGate />);
    await fill(user, 'API token', 'tok');
    await fill(user, 'Account ID', '1001');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('the console', {}, { timeout: 10_000 });
    expect(`${window.location.pathname}${window.location.search}`).toBe(
      '/campaigns/7/show?page=3&perPage=25',
    );
  });

  it('opens a deep link where it was opened, with its query', async () => {
    const user = userEvent.setup();
    login.mockResolvedValue(undefined);
    window.history.replaceState(null, '', '/campaigns/7/show?page=2');
    render(<SignInGate />);
    await fill(user, 'API token', 'tok');
    await fill(user, 'Account ID', '1001');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('the console', {}, { timeout: 10_000 });
    expect(`${window.location.pathname}${window.location.search}`).toBe('/campaigns/7/show?page=2');
  });
});

describe('pageBeforeSignIn', () => {
  it('takes only a path of this console', () => {
    const state = (nextPathname: unknown, nextSearch?: unknown) => ({ usr: { nextPathname, nextSearch } });
    expect(pageBeforeSignIn(state('/campaigns/7/show', '?page=2'))).toBe('/campaigns/7/show?page=2');
    expect(pageBeforeSignIn(state('/campaigns'))).toBe('/campaigns');
    expect(pageBeforeSignIn(null)).toBe('/');
    expect(pageBeforeSignIn({})).toBe('/');
    expect(pageBeforeSignIn(state('//evil.example/x'))).toBe('/');
    expect(pageBeforeSignIn(state('https://evil.example/'))).toBe('/');
    expect(pageBeforeSignIn(state('/\\evil.example'))).toBe('/');
    expect(pageBeforeSignIn(state('/login'))).toBe('/');
    expect(pageBeforeSignIn(state('/campaigns', '#x'))).toBe('/campaigns');
  });
});
