import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import { Button, IconButton, Stack } from '@mui/material';
import { useLocaleState, useTheme, useTranslate } from 'react-admin';
import { locales } from '../i18n/locales';

// The sign-in screen's own language and theme controls: the console's app bar uses react-admin's
// LocalesMenuButton and ToggleThemeButton, whose menu and tooltip machinery would double the size
// of the first screen. Both write the same store keys, so the choice carries over.

export const LanguageSwitch = () => {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  return (
    <Stack direction="row" role="group" aria-label={translate('app.layout.language')} spacing={0.5}>
      {locales.map((language) => (
        <Button
          key={language.locale}
          lang={language.locale}
          size="small"
          color="inherit"
          aria-pressed={language.locale === locale}
          onClick={() => setLocale(language.locale)}
          sx={{ fontWeight: language.locale === locale ? 700 : 400, color: 'text.primary' }}
        >
          {language.name}
        </Button>
      ))}
    </Stack>
  );
};

export const ThemeSwitch = () => {
  const translate = useTranslate();
  const [theme, setTheme] = useTheme();
  const dark = theme === 'dark';
  return (
    <IconButton
      aria-label={translate(dark ? 'app.layout.lightTheme' : 'app.layout.darkTheme')}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
      sx={{ color: 'text.primary' }}
    >
      {dark ? <LightModeIcon /> : <DarkModeIcon />}
    </IconButton>
  );
};
