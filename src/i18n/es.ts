import { catalog } from './catalog';
import { app } from './es/app';
import { campaigns } from './es/campaigns';
import { dnc } from './es/dnc';
import { numbers } from './es/numbers';
import { ra } from './es/ra';
import { upload } from './es/upload';

/** The Spanish catalog, its own chunk: src/i18n/index.ts loads it when Spanish is chosen. */
export const es = catalog(ra, app, campaigns, numbers, upload, dnc);
