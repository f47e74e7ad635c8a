// Numbers grid filters. The list debounces filter changes, so the search follows typing
// without a request per key stroke.
import { SelectArrayInput, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../../../components/choices';
import { NUMBER_STATUSES, RING_RESULTS } from '../../../types';

export const numberFilters = [
  <TextInput key="number" source="number" label="resources.numbers.filters.search" alwaysOn />,
  <SelectArrayInput
    key="status"
    source="status"
    label="resources.numbers.filters.status"
    choices={enumChoices(NUMBER_STATUSES, 'resources.numbers.values.status')}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
  <SelectInput
    key="ringResult"
    source="ringResult"
    label="resources.numbers.filters.ringResult"
    choices={enumChoices(RING_RESULTS, 'resources.numbers.values.ringResult')}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
];
