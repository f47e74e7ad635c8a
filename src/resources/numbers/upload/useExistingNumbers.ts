import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { describeError } from '../../../components/describeError';
import { isAbortError } from '../../../lib/errors';
import type { Id } from '../../../types';
import { fetchAllNumbers } from '../shared/fetchAllNumbers';

export interface ExistingNumbersState {
  /** Stable while the campaign is the same: the analysis compares it by reference. */
  numbers: string[] | null;
  fetched: number;
  loading: boolean;
  error: string | null;
}

const IDLE: ExistingNumbersState = { numbers: null, fetched: 0, loading: false, error: null };

/** The campaign's numbers, fetched page by page once the operator asks to check the file against them. */
export const useExistingNumbers = (campaignId: Id, enabled: boolean): ExistingNumbersState => {
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const [state, setState] = useState<ExistingNumbersState>(IDLE);
  const have = state.numbers !== null;

  useEffect(() => {
    if (!enabled || have) return;
    const controller = new AbortController();
    setState({ ...IDLE, loading: true });
    fetchAllNumbers(dataProvider, {
      campaignId,
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      signal: controller.signal,
      onProgress: (fetched) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, fetched }));
      },
    }).then(
      (rows) => {
        if (!controller.signal.aborted) {
          setState({
            numbers: rows.map((row) => row.number),
            fetched: rows.length,
            loading: false,
            error: null,
          });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState({
          ...IDLE,
          error: translate('upload.settings.existingFailed', { reason: describeError(error, translate) }),
        });
      },
    );
    return () => controller.abort();
  }, [enabled, have, campaignId, dataProvider, translate]);

  return state;
};
