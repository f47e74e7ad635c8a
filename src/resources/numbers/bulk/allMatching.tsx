// "Select all N matching": a mode, not a list of ids. The ids are fetched only when an action
// needs them (delete), page by page with progress, so a million-number campaign stays cheap to select.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useListContext } from 'react-admin';

interface AllMatchingState {
  allMatching: boolean;
  setAllMatching: (value: boolean) => void;
}

const AllMatchingContext = createContext<AllMatchingState>({ allMatching: false, setAllMatching: () => {} });

export const useAllMatching = () => useContext(AllMatchingContext);

export const AllMatchingProvider = ({ children }: { children: ReactNode }) => {
  const { filterValues, sort, page, perPage, selectedIds } = useListContext();
  const [allMatching, setAllMatching] = useState(false);
  // Any change of what "matching" means, or of the selection itself, ends the mode.
  const scope = JSON.stringify([filterValues, sort, page, perPage, selectedIds]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scope is the trigger, by design.
  useEffect(() => setAllMatching(false), [scope]);
  const value = useMemo(() => ({ allMatching, setAllMatching }), [allMatching]);
  return <AllMatchingContext.Provider value={value}>{children}</AllMatchingContext.Provider>;
};
