// Shell, sign-in and shared error messages (en), under `app.*`. src/i18n/es/app.ts has the same keys.
export const app = {
  name: 'SIP Caller Console',
  loading: 'Loading the console…',
  auth: {
    title: 'Sign in to SIP Caller Console',
    subtitle: 'Manage the numbers your SIP Caller campaigns call.',
    token: 'API token',
    showToken: 'Show API token',
    hideToken: 'Hide API token',
    accountId: 'Account ID',
    advanced: 'Advanced',
    apiUrl: 'API URL',
    apiUrlHelp: 'Where the SIP Caller REST API answers. Change it only to use another server.',
    remember: 'Remember me on this device',
    rememberHelp: 'Keeps you signed in after the browser closes. Leave it off on a shared computer.',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    help: 'Create an API token in the SIP Caller Web Console under Settings → API Keys. Your account ID is shown in the Web Console too.',
    errors: {
      missingToken: 'Enter your API token.',
      missingAccount: 'Enter your account ID.',
      rejected:
        'The API token was rejected. Check that you copied all of it and that it has not been revoked.',
      forbidden: 'This API token has no access to that account. Check the account ID.',
      unknownAccount: 'There is no account with that ID. Check the account ID.',
      unreachable:
        'The SIP Caller API cannot be reached at that API URL. Check your connection and the API URL.',
      blockedByPolicy:
        "This console's security policy does not allow calls to that API URL. Whoever runs the console's server can allow its origin in SIPCALLER_CONNECT_SRC (comma-separated origins, e.g. https://api.example.com), or proxy the API through the server with SIPCALLER_API_URL.",
      invalidApiUrl:
        'That API URL is not a valid URL. Enter the address of the SIP Caller API, ending in /v1 (for example https://api.sipcaller.com/v1).',
      notApi:
        'That API URL does not look like the SIP Caller API: it did not answer as the API does (a web page, perhaps). Check that the API URL ends in /v1.',
      unexpected: 'Signing in failed for an unexpected reason. Try again in a moment.',
      revoked: 'Your API token was rejected or revoked. Sign in again.',
    },
  },
  layout: {
    account: 'Account %{id}',
    language: 'Language',
    lightTheme: 'Use the light theme',
    darkTheme: 'Use the dark theme',
  },
  notFound: {
    title: 'Page not found',
    message: 'There is nothing at this address. You may have typed a wrong URL or followed an old link.',
    home: 'Go to campaigns',
  },
  errors: {
    network: 'The SIP Caller API cannot be reached. Check your connection and the API URL.',
    busyRetrying: 'The SIP Caller API is busy (HTTP %{status}); trying again in %{seconds} s…',
  },
};
