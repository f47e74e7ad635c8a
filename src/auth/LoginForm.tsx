import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  Stack,
  Typography,
} from '@mui/material';
import { createRef, type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { FormField } from './FormField';
import { defaultApiUrl, getSession, takeSignOutReason } from './session';
import { TokenField } from './TokenField';

export interface LoginParams {
  token: string;
  accountId: string;
  apiUrl: string;
  remember: boolean;
}

/** react-admin's `useLogin()` in the console; a lazily loaded authProvider.login on the first screen. */
export type LoginFunction = (params: LoginParams) => Promise<unknown>;

interface Values {
  token: string;
  accountId: string;
  apiUrl: string;
  remember: boolean;
}

type Field = 'token' | 'accountId' | 'apiUrl';

// Which field an authProvider.login() rejection is about, so the operator lands on what to fix.
const fieldOfError: Record<string, Field> = {
  'app.auth.errors.missingToken': 'token',
  'app.auth.errors.rejected': 'token',
  'app.auth.errors.missingAccount': 'accountId',
  'app.auth.errors.forbidden': 'accountId',
  'app.auth.errors.unknownAccount': 'accountId',
  'app.auth.errors.unreachable': 'apiUrl',
  'app.auth.errors.blockedByPolicy': 'apiUrl',
  'app.auth.errors.invalidApiUrl': 'apiUrl',
  'app.auth.errors.notApi': 'apiUrl',
};

/** authProvider.login() rejects with an i18n key; anything else must not leak raw text (or a token). */
const errorKey = (error: unknown): string => {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return message.startsWith('app.') ? message : 'app.auth.errors.unexpected';
};

const initialValues = (): Values => {
  // A session that ended (sign-out, revoked token) leaves nothing behind; reuse only what is safe.
  const session = getSession();
  return {
    token: '',
    accountId: session?.accountId ?? '',
    apiUrl: session?.apiUrl ?? defaultApiUrl(),
    remember: false,
  };
};

export interface LoginFormProps {
  login: LoginFunction;
  /** Called as the operator types (every change of a field): the gate fetches the console meanwhile. */
  onInput?: () => void;
}

export const LoginForm = ({ login, onInput }: LoginFormProps) => {
  const translate = useTranslate();
  const [values, setValues] = useState(initialValues);
  const [advancedOpen, setAdvancedOpen] = useState(() => values.apiUrl !== defaultApiUrl());
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const refs = useRef<Record<Field, RefObject<HTMLInputElement | null>>>({
    token: createRef(),
    accountId: createRef(),
    apiUrl: createRef(),
  }).current;
  const advancedId = useId();
  const rememberHelpId = useId();
  const errorField = error ? fieldOfError[error] : undefined;

  // In an effect, not a state initializer: StrictMode calls initializers twice and the reason is read once.
  useEffect(() => {
    const signOutReason = takeSignOutReason();
    if (signOutReason) setReason(signOutReason);
  }, []);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) => {
      onInput?.();
      setValues((previous) => ({ ...previous, [key]: value }));
    };

  // Each failure asks once for its field to be focused, after the commit that opens "Advanced" and
  // marks the field invalid (a timer could fire before that commit on a slow machine).
  const [focusRequest, setFocusRequest] = useState<{ field: Field } | null>(null);
  useEffect(() => {
    if (focusRequest) refs[focusRequest.field].current?.focus();
  }, [focusRequest, refs]);

  const fail = (key: string) => {
    setError(key);
    const field = fieldOfError[key];
    if (field === 'apiUrl') setAdvancedOpen(true);
    if (field) setFocusRequest({ field });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setReason(null);
    const token = values.token.trim();
    const accountId = values.accountId.trim();
    const apiUrl = values.apiUrl.trim() || defaultApiUrl();
    if (!token) return fail('app.auth.errors.missingToken');
    if (!accountId) return fail('app.auth.errors.missingAccount');
    setError(null);
    setSubmitting(true);
    try {
      await login({ token, accountId, apiUrl, remember: values.remember });
    } catch (loginError) {
      fail(errorKey(loginError));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={submit} aria-busy={submitting}>
      <Stack spacing={2}>
        {reason && !error ? (
          <Alert severity="warning" role="alert">
            {translate(reason)}
          </Alert>
        ) : null}
        {error ? (
          <Alert severity="error" role="alert">
            {translate(error)}
          </Alert>
        ) : null}
        <TokenField
          value={values.token}
          onChange={set('token')}
          inputRef={refs.token}
          invalid={errorField === 'token'}
        />
        <FormField
          label={translate('app.auth.accountId')}
          value={values.accountId}
          onChange={set('accountId')}
          inputRef={refs.accountId}
          invalid={errorField === 'accountId'}
          required
          autoComplete="username"
        />
        <Box>
          <FormControlLabel
            control={
              <Checkbox
                checked={values.remember}
                onChange={(event) => set('remember')(event.target.checked)}
                slotProps={{ input: { 'aria-describedby': rememberHelpId } }}
              />
            }
            label={translate('app.auth.remember')}
          />
          <Typography id={rememberHelpId} variant="body2" color="text.secondary" sx={{ ml: 4 }}>
            {translate('app.auth.rememberHelp')}
          </Typography>
        </Box>
        <Box>
          <Button
            variant="text"
            size="small"
            aria-expanded={advancedOpen}
            aria-controls={advancedOpen ? advancedId : undefined}
            onClick={() => setAdvancedOpen((open) => !open)}
            endIcon={advancedOpen ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            sx={{ px: 0.75, ml: -0.75 }}
          >
            {translate('app.auth.advanced')}
          </Button>
          {advancedOpen ? (
            <Box id={advancedId} sx={{ pt: 1.5 }}>
              <FormField
                label={translate('app.auth.apiUrl')}
                value={values.apiUrl}
                onChange={set('apiUrl')}
                inputRef={refs.apiUrl}
                invalid={errorField === 'apiUrl'}
                helperText={translate('app.auth.apiUrlHelp')}
                type="url"
                autoComplete="url"
              />
            </Box>
          ) : null}
        </Box>
        <Button
          type="submit"
          variant="contained"
          size="large"
          fullWidth
          disabled={submitting}
          startIcon={submitting ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
        >
          {translate(submitting ? 'app.auth.signingIn' : 'app.auth.signIn')}
        </Button>
      </Stack>
    </Box>
  );
};
