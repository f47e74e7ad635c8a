// Numbers grid filters, all always on (visible labels, no hidden "add filter" menu). The list
// keeps them in the URL; a filter change waits for a pause in typing before it asks the API.
import { SelectArrayInput } from 'react-admin';
import { enumChoices } from '../../../components/choices';
import { RING_RESULT_NOT_CALLED } from '../../../contract';
import { NUMBER_STATUSES, RING_RESULTS, type RingResult } from '../../../types';
import { NumberSearchInput } from './NumberSearchInput';

/**
 * "Not called yet" in the Last result filter. The API's `ringResult` filter takes `null` for a
 * number never called (src/contract.ts); a select's option can't carry null, so the input shows
 * this id and the filter holds null.
 */
export const NOT_CALLED = 'notCalled';

type RingResultFilter = RingResult | null;

/** The filter's value (null = never called; a single value from an older link) as the select's ids. */
export const formatRingResults = (value: unknown): string[] => {
  if (value === undefined || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (item === RING_RESULT_NOT_CALLED ? NOT_CALLED : String(item)));
};

export const parseRingResults = (value: unknown): RingResultFilter[] =>
  (Array.isArray(value) ? value : []).map((id) =>
    id === NOT_CALLED ? RING_RESULT_NOT_CALLED : (id as RingResult),
  );

const ringResultChoices = [
  ...enumChoices(RING_RESULTS, 'resources.numbers.values.ringResult'),
  { id: NOT_CALLED, name: 'resources.numbers.filters.notCalled' },
];

export const numberFilters = [
  <NumberSearchInput key="number" source="number" label="resources.numbers.filters.search" alwaysOn />,
  <SelectArrayInput
    key="status"
    source="status"
    label="resources.numbers.filters.status"
    choices={enumChoices(NUMBER_STATUSES, 'resources.numbers.values.status')}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
  <SelectArrayInput
    key="ringResult"
    source="ringResult"
    label="resources.numbers.filters.ringResult"
    choices={ringResultChoices}
    format={formatRingResults}
    parse={parseRingResults}
    alwaysOn
    // Wide enough for "Último resultado" beside the select's arrow.
    sx={{ minWidth: 200 }}
  />,
];
