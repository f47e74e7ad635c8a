// Campaign list filters, all always on (visible labels, no hidden "add filter" menu). The list
// keeps them in the URL; the data provider sends them as the API's documented filter keys.
// A single-value select's "no filter" option is labelled ("All"), never a blank line.
import { DateInput, SelectArrayInput, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../../components/choices';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, DIALER_MODES } from '../../types';

// The API compares startDate_gte with local date-times such as "2024-12-01T00:00:00".
const parseDate = (value: string) => (value ? `${value}T00:00:00` : null);

export const campaignFilters = [
  <TextInput key="name" source="name" label="resources.campaigns.filters.name" alwaysOn />,
  <SelectArrayInput
    key="status"
    source="status"
    label="resources.campaigns.filters.status"
    choices={enumChoices(CAMPAIGN_STATUSES, 'resources.campaigns.values.status')}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
  <SelectInput
    key="type"
    source="type"
    label="resources.campaigns.filters.type"
    choices={enumChoices(CAMPAIGN_TYPES, 'resources.campaigns.values.type')}
    emptyText="resources.campaigns.filters.all"
    alwaysOn
    sx={{ minWidth: 140 }}
  />,
  <SelectInput
    key="dialer.mode"
    source="dialer.mode"
    label="resources.campaigns.filters.dialerMode"
    choices={enumChoices(DIALER_MODES, 'resources.campaigns.values.mode')}
    emptyText="resources.campaigns.filters.all"
    alwaysOn
    // Wide enough for "Modo de marcación" beside the select's arrow.
    sx={{ minWidth: 200 }}
  />,
  <DateInput
    key="startDate_gte"
    source="startDate_gte"
    label="resources.campaigns.filters.startsAfter"
    parse={parseDate}
    alwaysOn
  />,
];
