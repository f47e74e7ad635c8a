/**
 * Rows per request of a large upload: one request per part keeps each within what a server (or the
 * proxy in front of it) accepts, and a failure costs one part, not the file.
 */
export const DEFAULT_ROWS_PER_PART = 100_000;

/** A per-device override (localStorage `sipcaller.device.rowsPerPart`) for operators behind a strict proxy, and for tests. */
export const rowsPerPart = (): number => {
  try {
    const value = Number(window.localStorage.getItem('sipcaller.device.rowsPerPart'));
    return Number.isInteger(value) && value > 0 ? value : DEFAULT_ROWS_PER_PART;
  } catch {
    return DEFAULT_ROWS_PER_PART;
  }
};
