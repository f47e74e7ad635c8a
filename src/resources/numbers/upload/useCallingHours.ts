// The operator's choices of calling hours and number types for one upload: the window, the instant
// the campaign will call (its start date, or one the operator picks), and what to leave out of
// "only the valid rows". Premium-rate numbers are left out unless the operator says otherwise.
import { useEffect, useMemo, useState } from 'react';
import type { FactsExclusion } from '../../../lib/csv';
import { type CallingWindow, parseLocalDateTime, parseWindow } from '../../../lib/hours';
import type { NumberType } from '../../../lib/phone';
import type { Campaign } from '../../../types';

/** "2026-03-08T09:00": what an <input type="datetime-local"> holds, in this device's zone. */
export const toLocalInput = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

export const DEFAULT_LEFT_OUT_TYPES: readonly NumberType[] = ['PREMIUM_RATE'];

/** The clock, read again every minute, so "now" stays now while the panel is open. */
export const useNow = (): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
};

export interface CallingHours {
  startText: string;
  endText: string;
  atText: string;
  /** The campaign has a start date (else the operator picks one, now by default). */
  atFromCampaign: boolean;
  window: CallingWindow | 'invalid' | 'empty';
  /** The instant chosen, or null when the field does not hold one. */
  at: Date | null;
  leftOutTypes: readonly NumberType[];
  leaveOutHours: boolean;
  /** What the worker leaves out of the valid rows. */
  exclusion: FactsExclusion;
  /** Leaving out by hours is asked for but the window or the instant is not readable: no upload. */
  blocked: boolean;
  set: (patch: Partial<Pick<CallingHours, 'startText' | 'endText' | 'atText' | 'leaveOutHours'>>) => void;
  toggleType: (type: NumberType, leftOut: boolean) => void;
}

export const useCallingHours = (campaign: Campaign): CallingHours => {
  const [state, setState] = useState(() => {
    const start = campaign.startDate ? parseLocalDateTime(campaign.startDate) : null;
    return {
      startText: '08:00',
      endText: '21:00',
      atText: toLocalInput(start ?? new Date()),
      atFromCampaign: start !== null,
      leaveOutHours: false,
      leftOutTypes: DEFAULT_LEFT_OUT_TYPES,
    };
  });
  return useMemo(() => {
    const window = parseWindow(state.startText, state.endText);
    const at = parseLocalDateTime(state.atText);
    const hoursReadable = typeof window === 'object' && at !== null;
    const exclusion: FactsExclusion = {
      types: [...state.leftOutTypes],
      hours: state.leaveOutHours && hoursReadable ? { window, at: at.getTime() } : null,
    };
    return {
      ...state,
      window,
      at,
      exclusion,
      blocked: state.leaveOutHours && !hoursReadable,
      set: (patch) => setState((previous) => ({ ...previous, ...patch })),
      toggleType: (type, leftOut) =>
        setState((previous) => ({
          ...previous,
          leftOutTypes: leftOut
            ? [...previous.leftOutTypes.filter((t) => t !== type), type]
            : previous.leftOutTypes.filter((t) => t !== type),
        })),
    };
  }, [state]);
};
