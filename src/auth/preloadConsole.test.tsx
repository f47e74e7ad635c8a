import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignInGate } from './SignInGate';

// A file of its own: the console's module is loaded once per file, and this test watches that moment.
configure({ asyncUtilTimeout: 5000 });

const loaded = vi.hoisted(() => ({ console: 0, authProvider: 0 }));
vi.mock('../App', () => {
  loaded.console++;
  return { default: () => <p>the console</p> };
});
vi.mock('../authProvider', () => {
  loaded.authProvider++;
  return { authProvider: { login: () => Promise.resolve() } };
});

describe('the sign-in screen', () => {
  it('fetches the console while the operator types, before Sign in', async () => {
    const user = userEvent.setup();
    render(<SignInGate />);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    // Shown, not yet typed in: the first screen has loaded nothing of the console.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loaded).toEqual({ console: 0, authProvider: 0 });

    await user.click(screen.getByLabelText('API token'));
    await user.paste('tok');
    await waitFor(() => expect(loaded).toEqual({ console: 1, authProvider: 1 }));
    expect(screen.queryByText('the console')).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Account ID'));
    await user.paste('1001');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('the console', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(loaded).toEqual({ console: 1, authProvider: 1 });
  });
});
