// An analysis shown while the device's do-not-call lists change (another tab loads, replaces, adds
// to or deletes a list) would mark the wrong rows: the panel reads the lists again when it is shown
// and when the window regains focus, and has the file analysed again if they changed since.
import { useEffect } from 'react';
import type { CsvAnalysis } from '../../../lib/csv';
import { listDncLists } from '../../../lib/dnc';

export const useDoNotCallRecheck = (
  analysis: CsvAnalysis | null,
  enabled: boolean,
  analyseAgain: () => void,
) => {
  useEffect(() => {
    const checked = analysis?.doNotCall;
    if (!enabled || !checked || checked.error !== undefined || checked.checkedAt === undefined) return;
    const { checkedAt } = checked;
    const names = [...checked.lists].sort().join('\n');
    let gone = false;
    const check = () => {
      listDncLists().then(
        (lists) => {
          if (gone) return;
          const renamedOrDeleted =
            lists
              .map((list) => list.name)
              .sort()
              .join('\n') !== names;
          const written = lists.some((list) => Math.max(list.loadedAt, list.updatedAt ?? 0) >= checkedAt);
          if (renamedOrDeleted || written) {
            gone = true;
            analyseAgain();
          }
        },
        // Storage that cannot be read now: the figures stay as the analysis found them.
        () => undefined,
      );
    };
    check();
    window.addEventListener('focus', check);
    return () => {
      gone = true;
      window.removeEventListener('focus', check);
    };
  }, [analysis, enabled, analyseAgain]);
};
