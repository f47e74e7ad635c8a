import { useEffect } from 'react';
import { useNotify } from 'react-admin';
import { onApiBusy } from './apiBusy';

/** Says so while a read waits for a busy API (429/503): the data provider retries it after Retry-After. */
export const ApiBusyNotice = () => {
  const notify = useNotify();
  useEffect(
    () =>
      onApiBusy(({ status, delayMs }) =>
        notify('app.errors.busyRetrying', {
          type: 'warning',
          messageArgs: { status, seconds: Math.max(1, Math.ceil(delayMs / 1000)) },
        }),
      ),
    [notify],
  );
  return null;
};
