// Counts in messages: formatted for the console's language ("2,100" / "2100", "400,040" /
// "400.040"), with the raw number as polyglot's smart_count for the plural form. The numbers views
// and the campaigns list share one formatter (src/components/localeFormat.ts).
import { useLocaleFormat } from '../../../components/localeFormat';

export const useCountFormat = () => {
  const { count, countArgs } = useLocaleFormat();
  return { format: count, countArgs };
};
