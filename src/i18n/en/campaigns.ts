// campaigns messages (en). Keys live under the top-level namespace given in src/i18n/index.ts.
export const campaigns = {};
