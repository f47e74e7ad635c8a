// Counts in messages: formatted for the console's language ("2,100" / "2.100"), with the raw
// number as polyglot's smart_count for the plural form.
import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

export const useCountFormat = () => {
  const [locale] = useLocaleState();
  const format = useCallback((n: number) => n.toLocaleString(locale), [locale]);
  const countArgs = useCallback((n: number) => ({ smart_count: n, count: format(n) }), [format]);
  return { format, countArgs };
};
