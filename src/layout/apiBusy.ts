// Where the app hears that the API is busy: the data provider's `onBusy` (wired in src/app/providers.ts)
// feeds it, and <ApiBusyNotice> listens while the console's layout is on screen.
import type { BusyEvent } from '../dataProvider';

const listeners = new Set<(event: BusyEvent) => void>();

/** Tells every listener that a read waits for a busy API: the data provider's `onBusy`. */
export const reportApiBusy = (event: BusyEvent): void => {
  for (const listener of listeners) listener(event);
};

/** Calls `listener` at each report; returns the unsubscribe. */
export const onApiBusy = (listener: (event: BusyEvent) => void): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
