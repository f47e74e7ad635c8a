const MB = 1024 * 1024;
const KB = 1024;

/** Sizes in one unit for both figures ("1.2 of 5.0 MB"); KB and bytes for small files, so they read sensibly. */
export const byteUnit = (total: number): { unit: 'MB' | 'KB' | 'B'; divisor: number; digits: number } =>
  total >= MB
    ? { unit: 'MB', divisor: MB, digits: 1 }
    : total >= KB
      ? { unit: 'KB', divisor: KB, digits: 1 }
      : { unit: 'B', divisor: 1, digits: 0 };

export const formatAmount = (bytes: number, divisor: number, digits: number, locale: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    bytes / divisor,
  );

export const formatSize = (bytes: number, locale: string) => {
  const { unit, divisor, digits } = byteUnit(bytes);
  return `${formatAmount(bytes, divisor, digits, locale)} ${unit}`;
};

export const formatCount = (count: number, locale: string) => new Intl.NumberFormat(locale).format(count);

/** "customers.csv" → "customers-problems.csv". */
export const derivedName = (fileName: string, suffix: string) =>
  `${fileName.replace(/\.(csv|txt)$/i, '') || 'numbers'}-${suffix}.csv`;
