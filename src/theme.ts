import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

// Stock react-admin themes fail WCAG AA: a #2196f3 app bar under white text (3.1:1), MUI's
// contrastThreshold of 3, and 38%-alpha disabled text. Every colour pair below is chosen for at least
// 4.5:1 (axe-core's threshold for normal text) on the surfaces it is drawn on, in both modes.

type Tree = Record<string, unknown>;
const isPlainObject = (value: unknown): value is Tree =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Deep merge of theme options (later wins); arrays and style functions are replaced, not merged. */
const deepmerge = (base: RaThemeOptions, override: RaThemeOptions): RaThemeOptions => {
  const merged: Tree = { ...(base as Tree) };
  for (const [key, value] of Object.entries(override as Tree)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepmerge(current, value) : value;
  }
  return merged as RaThemeOptions;
};

const fontFamily = [
  'Inter',
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

const shared: RaThemeOptions = {
  // MUI derives contrastText with this ratio; 3 lets light buttons get white text below AA.
  palette: { contrastThreshold: 4.5 },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily,
    h1: { fontSize: '1.5rem', fontWeight: 650, letterSpacing: '-0.01em' },
    h6: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiAppBar: { defaultProps: { elevation: 0 } },
    MuiLink: { defaultProps: { underline: 'always' } },
    MuiCard: { defaultProps: { variant: 'outlined' } },
  },
};

export const lightTheme: RaThemeOptions = deepmerge(deepmerge(defaultLightTheme, shared), {
  palette: {
    mode: 'light',
    primary: { main: '#1d4ed8', light: '#3b6ff0', dark: '#1e3a8a', contrastText: '#ffffff' },
    // The app bar is painted in `secondary` by react-admin.
    secondary: { main: '#0f2f57', light: '#24497a', dark: '#081a33', contrastText: '#ffffff' },
    error: { main: '#b3261e', contrastText: '#ffffff' },
    warning: { main: '#8a4b00', contrastText: '#ffffff' },
    success: { main: '#1b6b34', contrastText: '#ffffff' },
    info: { main: '#0b5c8e', contrastText: '#ffffff' },
    background: { default: '#f3f5f9', paper: '#ffffff' },
    text: { primary: '#111827', secondary: '#4b5563', disabled: '#6b7280' },
    divider: 'rgba(15, 23, 42, 0.14)',
  },
  components: {
    MuiFilledInput: {
      styleOverrides: { root: { backgroundColor: 'rgba(15, 23, 42, 0.05)' } },
    },
    RaToolbar: { styleOverrides: { root: { backgroundColor: '#e5e9f0' } } },
  },
} satisfies RaThemeOptions);

export const darkTheme: RaThemeOptions = deepmerge(deepmerge(defaultDarkTheme, shared), {
  palette: {
    mode: 'dark',
    primary: { main: '#93c5fd', light: '#bfdbfe', dark: '#60a5fa', contrastText: '#0b1220' },
    secondary: { main: '#1e293b', light: '#334155', dark: '#0f172a', contrastText: '#f8fafc' },
    error: { main: '#fca5a5', contrastText: '#0b1220' },
    warning: { main: '#fcd34d', contrastText: '#0b1220' },
    success: { main: '#86efac', contrastText: '#0b1220' },
    info: { main: '#7dd3fc', contrastText: '#0b1220' },
    background: { default: '#0b1220', paper: '#131c2e' },
    text: { primary: '#f1f5f9', secondary: '#cbd5e1', disabled: '#94a3b8' },
    divider: 'rgba(241, 245, 249, 0.16)',
  },
  components: {
    // MUI paints dark app bars grey unless told to use the palette colour.
    MuiAppBar: { defaultProps: { enableColorOnDark: true } },
    // Elevation overlays lighten dark paper unevenly; contrast is computed on the plain colour.
    MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    RaToolbar: { styleOverrides: { root: { backgroundColor: '#1b2538' } } },
  },
} satisfies RaThemeOptions);
