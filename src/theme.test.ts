import { createTheme, getContrastRatio } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme } from './theme';

// axe-core checks the pages in the browser; this pins the palette pairs it depends on, per theme.
describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
])('the %s theme', (_name, options) => {
  const { palette } = createTheme(options);
  const AA = 4.5;

  it('has AA contrast for text on the page and on paper', () => {
    for (const background of [palette.background.default, palette.background.paper]) {
      expect(getContrastRatio(palette.text.primary, background)).toBeGreaterThanOrEqual(AA);
      expect(getContrastRatio(palette.text.secondary, background)).toBeGreaterThanOrEqual(AA);
      // Links and text buttons are drawn in primary.
      expect(getContrastRatio(palette.primary.main, background)).toBeGreaterThanOrEqual(AA);
    }
  });

  it('has AA contrast on every coloured button and on the app bar (secondary)', () => {
    for (const colour of [
      palette.primary,
      palette.secondary,
      palette.error,
      palette.warning,
      palette.info,
      palette.success,
    ]) {
      expect(getContrastRatio(colour.contrastText, colour.main)).toBeGreaterThanOrEqual(AA);
    }
  });

  it('keeps react-admin’s own theme settings', () => {
    expect(options.sidebar?.width).toBe(240);
    expect(options.components?.MuiTextField?.defaultProps?.variant).toBe('filled');
  });
});
