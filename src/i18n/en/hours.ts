// Calling hours and number types in the upload panel (en). Namespace `upload.hours.*`.
export const hours = {
  title: 'Calling hours and number types',
  unavailable:
    'The time zones and types of the numbers could not be loaded (%{error}). The upload still works, but nothing can be left out by calling hours or type.',
  start: 'Calling hours start',
  end: 'Calling hours end',
  windowHelp:
    "Local time at each number's location. A number with several time zones is called only in the hours they all share.",
  windowInvalid: 'Enter the hours as HH:MM, for example 08:00 and 21:00.',
  windowEmpty: 'The start and the end are the same: that leaves no hour to call.',
  at: 'Campaign start',
  atFromCampaign: "The campaign's start date, read in this device's time zone (%{zone}).",
  atNone:
    "This campaign has no start date: choose when it will call, in this device's time zone (%{zone}). Now by default.",
  atInvalid: 'Choose a date and a time.',
  now: 'Outside calling hours now',
  atStart: 'Outside calling hours at the campaign start',
  unknownZone: 'Unknown time zone',
  byZone: 'Numbers by country and time zone',
  byType: 'Numbers by type',
  column: {
    country: 'Country',
    zones: 'Time zones',
    numbers: 'Numbers',
    localNow: 'Local time now',
    hoursNow: 'Now',
    hoursAtStart: 'At the campaign start',
    type: 'Type',
  },
  international: 'International (no country)',
  manyZones: '%{zones}, … (%{count} time zones)',
  noZone: 'Unknown',
  verdict: {
    inside: 'Inside',
    outside: 'Outside',
    unknown: 'Unknown',
  },
  type: {
    MOBILE: 'Mobile',
    FIXED_LINE: 'Fixed line',
    FIXED_LINE_OR_MOBILE: 'Fixed line or mobile',
    TOLL_FREE: 'Toll free',
    PREMIUM_RATE: 'Premium rate',
    SHARED_COST: 'Shared cost',
    VOIP: 'VoIP',
    PERSONAL_NUMBER: 'Personal number',
    PAGER: 'Pager',
    UAN: 'Universal access number (UAN)',
    VOICEMAIL: 'Voicemail',
    UNKNOWN: 'Unknown',
  },
  fixedOrMobile:
    'The type of %{count} number cannot be told: its numbering plan (every "+1" number: the US, Canada, the Caribbean) gives mobiles and fixed lines the same ranges, so it is shown as "Fixed line or mobile", not guessed. |||| The type of %{count} numbers cannot be told: their numbering plan (every "+1" number: the US, Canada, the Caribbean) gives mobiles and fixed lines the same ranges, so they are shown as "Fixed line or mobile", not guessed.',
  leaveOut: 'Leave out of "only the valid rows"',
  leaveOutHours:
    'Numbers outside calling hours at the campaign start, and those of unknown time zone (%{count})',
  leaveOutType: '%{type} numbers (%{count})',
  premiumDefault: 'Premium-rate numbers are left out unless you untick them.',
  leftOut:
    '%{count} valid number will be left out by these choices. |||| %{count} valid numbers will be left out by these choices.',
  asIsNote: 'These choices apply to "only the valid rows"; "the file as it is" sends every row.',
  download: 'Download one file per time zone',
  downloading: 'Writing the files…',
  downloadHelp:
    'Each file holds the rows "only the valid rows" would send, with the choices above, for a campaign whose working hours match its zone.',
  downloadFile: '%{zones}: %{count} number |||| %{zones}: %{count} numbers',
  downloadFailed: 'The files could not be written. %{message}',
  choiceLeftOut:
    '%{count} valid row is left out by calling hours and number types (see above). |||| %{count} valid rows are left out by calling hours and number types (see above).',
  files: 'Files by time zone',
};
