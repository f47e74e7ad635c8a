// The number search of the grid's filter bar. The box keeps what the operator typed ("(865) 492");
// the list's `number` filter, and so the URL and the API, get its digits ("865492"). Like the
// other filters it follows typing, one request after a pause, not one per key stroke.
import { useEffect, useRef, useState } from 'react';
import { ResettableTextField, useListContext, useTranslate } from 'react-admin';
import { searchDigits } from './numberSearch';

const DEBOUNCE_MS = 500;

export interface NumberSearchInputProps {
  source: string;
  label: string;
  /** Set by react-admin's filter bar. */
  alwaysOn?: boolean;
  size?: 'small' | 'medium';
}

export const NumberSearchInput = ({ source, label, size = 'small' }: NumberSearchInputProps) => {
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const applied = typeof filterValues[source] === 'string' ? (filterValues[source] as string) : '';
  const [text, setText] = useState(applied);
  const latest = useRef({ filterValues, displayedFilters, text });
  latest.current = { filterValues, displayedFilters, text };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A change from elsewhere (Clear filters, the back button, a link) shows in the box; what the
  // operator typed stays as typed while it still means the applied digits.
  useEffect(() => {
    if (timer.current === undefined && searchDigits(latest.current.text) !== applied) setText(applied);
  }, [applied]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      const { filterValues: current, displayedFilters: displayed } = latest.current;
      const digits = searchDigits(value);
      if (digits === (current[source] ?? '')) return;
      setFilters({ ...current, [source]: digits || undefined }, displayed);
    }, DEBOUNCE_MS);
  };

  return (
    <ResettableTextField
      id={`filter-${source}`}
      className={`ra-input ra-input-${source}`}
      label={translate(label)}
      value={text}
      onChange={(event) => change(event.target.value)}
      size={size}
      helperText={false}
      slotProps={{ htmlInput: { inputMode: 'tel', autoComplete: 'off' } }}
    />
  );
};
