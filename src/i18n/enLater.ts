import { numbers } from './en/numbers';
import { upload } from './en/upload';

/**
 * The English messages of the campaign page, the numbers grid, the add-number form and the CSV upload:
 * their own chunk, loaded with those views (src/i18n/index.ts, `withNumberMessages`), so the first
 * campaigns page does not download them. Spanish comes whole in its own chunk (src/i18n/es.ts).
 */
export const enLater = { numbers, upload };
