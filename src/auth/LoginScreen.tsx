import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import { Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DocumentLanguage } from '../layout/DocumentLanguage';
import { LoginForm, type LoginFormProps } from './LoginForm';
import { LanguageSwitch, ThemeSwitch } from './SignInSwitches';

/**
 * The sign-in screen, shown by react-admin as `loginPage` (src/auth/LoginPage.tsx) and on its own by the
 * entry chunk (src/auth/SignInGate.tsx): it must not import the console's heavy parts.
 */
export const LoginScreen = ({ login, onInput }: LoginFormProps) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        bgcolor: 'background.default',
        backgroundImage: (theme) =>
          `radial-gradient(circle at 20% 0%, ${theme.palette.mode === 'dark' ? 'rgba(147,197,253,0.10)' : 'rgba(29,78,216,0.08)'}, transparent 55%)`,
      }}
    >
      <DocumentLanguage />
      <Box
        component="header"
        sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 0.5, p: 1.5 }}
      >
        <LanguageSwitch />
        <ThemeSwitch />
      </Box>
      <Box
        component="main"
        sx={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', px: 2, pb: 6 }}
      >
        <Card sx={{ width: '100%', maxWidth: 480, mt: { xs: 1, sm: 6 } }}>
          <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 3 }}>
              <Box
                aria-hidden
                sx={{
                  width: 40,
                  height: 40,
                  borderRadius: 2,
                  display: 'grid',
                  placeItems: 'center',
                  bgcolor: 'primary.main',
                  color: 'primary.contrastText',
                }}
              >
                <PhoneInTalkIcon />
              </Box>
              <Typography variant="subtitle1" component="p" sx={{ fontWeight: 700 }}>
                {translate('app.name')}
              </Typography>
            </Stack>
            <Typography variant="h1" sx={{ mb: 1 }}>
              {translate('app.auth.title')}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 3 }}>
              {translate('app.auth.subtitle')}
            </Typography>
            <LoginForm login={login} onInput={onInput} />
            <Divider sx={{ my: 3 }} />
            <Typography variant="body2" color="text.secondary">
              {translate('app.auth.help')}
            </Typography>
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
};
