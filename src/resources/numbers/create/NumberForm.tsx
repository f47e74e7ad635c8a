import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, AlertTitle, Box, Button, Paper, Stack, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type FocusEvent, useState } from 'react';
import {
  CreateBase,
  Form,
  required,
  useDataProvider,
  useInput,
  useLocaleState,
  useNotify,
  useRedirect,
  useSaveContext,
  useStoreContext,
  useTranslate,
} from 'react-admin';
import { type FieldValues, useFormContext, useWatch } from 'react-hook-form';
import { describeError } from '../../../components/describeError';
import { useLocaleFormat } from '../../../components/localeFormat';
import { canChangeNumbers } from '../../../contract';
import { checkNumber, countryName } from '../../../lib/phone';
import type { Campaign, NewNumber } from '../../../types';
import { BlockedNotice } from '../shared/BlockedNotice';
import { CountrySelect } from '../shared/CountrySelect';
import { useDefaultCountry } from '../shared/deviceSettings';
import { numbersGridStoreKey, type StoredListParams } from '../shared/gridStore';
import { tone } from '../shared/tone';
import { filtersHiding, findInCampaign } from './alreadyInCampaign';
import {
  initialValues,
  mergeNames,
  type NumberFormValues,
  nextValues,
  numberProblem,
  toNewNumber,
  validNumber,
} from './numberForm';
import { type DncLookup, dncListsHolding, quoteListNames } from './onDncLists';
import { VariableFields } from './VariableFields';

interface NumberFormProps {
  campaign: Campaign;
  initialVarCount: number;
  names: string[];
  /** Stores the variables' names on this device (positional, per campaign). */
  onNamesChange: (names: string[]) => void;
  /** The do-not-call lists holding a number (the device's lists by default; tests inject one). */
  lookupDnc?: DncLookup;
}

/**
 * Saves the values; `onAdded` runs once the API has taken the number. Unless `anyway`, a number
 * already in the campaign or on a do-not-call list of this device is not saved: the form says so
 * (naming the lists) and offers "Add anyway".
 */
type Submit = (values: NumberFormValues, onAdded: () => void, anyway?: boolean) => Promise<void>;

/**
 * A number found in the campaign or on do-not-call lists before saving, and what the save that
 * found it was to do next.
 */
interface Duplicate {
  e164: string;
  /** Found in the campaign. */
  inCampaign: boolean;
  createdAt: string | null;
  /** The do-not-call lists holding it. */
  dncLists: string[];
  onAdded: () => void;
}

/**
 * "On do-not-call list 'Internal DNC'" and "Already in this campaign (added 3 Mar 2026)", with Add
 * anyway, while the number typed is still that one.
 */
const DuplicateNotice = ({
  duplicate,
  country,
  disabled,
  onSubmit,
}: {
  duplicate: Duplicate;
  country: string;
  disabled: boolean;
  onSubmit: Submit;
}) => {
  const translate = useTranslate();
  const { date } = useLocaleFormat();
  const { handleSubmit } = useFormContext<NumberFormValues>();
  const typed = useWatch<NumberFormValues, 'number'>({ name: 'number' });
  const check = checkNumber(typed ?? '', country);
  if (check.kind !== 'valid' || check.e164 !== duplicate.e164) return null;
  return (
    <Alert
      severity="warning"
      role="alert"
      action={
        <Button
          color="inherit"
          variant="outlined"
          disabled={disabled}
          onClick={handleSubmit((values) => onSubmit(values, duplicate.onAdded, true))}
        >
          {translate('upload.create.addAnyway')}
        </Button>
      }
    >
      {duplicate.dncLists.length > 0 && (
        <Box component="span" sx={{ display: 'block' }}>
          {translate('resources.numbers.dnc.onList', {
            smart_count: duplicate.dncLists.length,
            names: quoteListNames(duplicate.dncLists),
          })}
        </Box>
      )}
      {duplicate.inCampaign && (
        <Box component="span" sx={{ display: 'block' }}>
          {duplicate.createdAt
            ? translate('upload.create.alreadyInCampaign', { date: date(duplicate.createdAt) })
            : translate('upload.create.alreadyInCampaignUndated')}
        </Box>
      )}
    </Alert>
  );
};

const NUMBER_FIELD_ID = 'number-create-number';

/** The text as typed: useInput's default parse would turn an emptied field into null. */
const asTyped = (value: string) => value;
const numberRequired = required('upload.create.numberRequired');

/** Number: validated against the default country; its helper line says what will be sent. */
const NumberInput = ({ country }: { country: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { resetField } = useFormContext<NumberFormValues>();
  const countryLabel = countryName(country, locale);
  const { id, field, fieldState, formState, isRequired } = useInput({
    source: 'number',
    id: NUMBER_FIELD_ID,
    parse: asTyped,
    validate: [numberRequired, validNumber(country, countryLabel)],
    // Leaving the field empty takes its "touched" mark back, so the hint returns as before anything
    // was typed: resetField with the current text as its default does that and nothing else.
    onBlur: (event: FocusEvent<HTMLInputElement>) => {
      if (event.target.value.trim() === '') {
        resetField('number', { defaultValue: event.target.value, keepError: true });
      }
    },
  });
  // The helper line follows the number and the country as they are typed (the validator's verdict
  // would be the one of the last validation); both share numberProblem, so the words are the same.
  const check = checkNumber(field.value, country);
  const problem = numberProblem(check);
  const showError = problem !== null && (formState.isSubmitted || fieldState.isTouched);
  const helperText =
    check.kind === 'valid' ? (
      <Box
        component="span"
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: tone('success') }}
      >
        <CheckIcon sx={{ fontSize: 16 }} aria-hidden />
        {translate('upload.create.willBeSentAs', { e164: check.e164 })}
      </Box>
    ) : (
      translate(showError && problem ? problem : 'upload.create.numberHelp', { country: countryLabel })
    );
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      label={translate('upload.create.number')}
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={showError}
      helperText={helperText}
      required={isRequired}
      autoFocus
      autoComplete="off"
      slotProps={{ htmlInput: { inputMode: 'tel' } }}
      sx={{ flex: '1 1 320px', minWidth: 0, width: { xs: '100%', md: 'auto' } }}
    />
  );
};

/**
 * "Add another": like react-admin's <SaveButton type="button">, it validates and saves by itself, and
 * once the number is added empties the number and the values (names kept) for the next one.
 */
const AddAnotherButton = ({ disabled, onSubmit }: { disabled: boolean; onSubmit: Submit }) => {
  const translate = useTranslate();
  const { handleSubmit, getValues, reset } = useFormContext<NumberFormValues>();
  return (
    <Button
      type="button"
      variant="outlined"
      disabled={disabled}
      onClick={handleSubmit((values) =>
        onSubmit(values, () => {
          reset(nextValues(getValues()));
          document.getElementById(NUMBER_FIELD_ID)?.focus();
        }),
      )}
    >
      {translate('upload.create.addAnother')}
    </Button>
  );
};

const NumberFormView = ({
  campaign,
  initialVarCount,
  names,
  onNamesChange,
  lookupDnc = dncListsHolding,
}: NumberFormProps) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  const { save, saving = false } = useSaveContext();
  const dataProvider = useDataProvider();
  const store = useStoreContext();
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const [checking, setChecking] = useState(false);
  const busy = saving || checking;
  // A device setting (it outlives the page and follows other tabs), not a value of the record: kept
  // in device storage, outside the form.
  const [country, setCountry] = useDefaultCountry();
  // Read once: names this form saves later must not reset what is typed.
  const [defaultValues] = useState(() => initialValues(initialVarCount, names));
  // Hand-kept: react-hook-form drops a root error at every submit, an invalid one too, and the API's
  // reason must stay on screen until the next request.
  const [serverError, setServerError] = useState<string | null>(null);
  const allowed = canChangeNumbers(campaign);

  // The campaign's grid keeps its search and filters (react-admin's list params in the store): one
  // that would hide the number just added is cleared, and the notice says so.
  const revealInGrid = (e164: string): boolean => {
    const key = numbersGridStoreKey(campaign.id);
    const params = store.getItem<StoredListParams>(key);
    const hiding = params?.filter ? filtersHiding(params.filter, e164) : [];
    if (!params?.filter || hiding.length === 0) return false;
    const filter = Object.fromEntries(
      Object.entries(params.filter).filter(([name]) => !hiding.includes(name)),
    );
    store.setItem(key, { ...params, filter, page: 1 });
    return true;
  };

  const submit: Submit = async (values, onAdded, anyway = false) => {
    if (!allowed || !save) return;
    // The names describe the campaign, not this number: kept even if the server refuses the number.
    onNamesChange(mergeNames(values.variables, names));
    setServerError(null);
    const { number: e164 } = toNewNumber(values, country);
    if (!anyway) {
      setChecking(true);
      // A lookup that fails does not stop the operator: the number is saved as it would have been.
      const [found, dncLists] = await Promise.all([
        findInCampaign(dataProvider, campaign.id, e164).catch(() => null),
        lookupDnc(e164).catch(() => []),
      ]);
      setChecking(false);
      if (found || dncLists.length > 0) {
        setDuplicate({
          e164,
          inCampaign: Boolean(found),
          createdAt: found?.createdAt ?? null,
          dncLists,
          onAdded,
        });
        return;
      }
    }
    setDuplicate(null);
    // react-admin's create: dataProvider.create('numbers', { data, meta: { campaignId } }).
    await save(values, {
      transform: (data: NumberFormValues) => toNewNumber(data, country),
      onSuccess: (_record: unknown, { data }: { data: NewNumber }) => {
        void queryClient.invalidateQueries({ queryKey: ['numbers'] });
        const cleared = revealInGrid(data.number);
        notify(cleared ? 'upload.create.addedSearchCleared' : 'upload.create.added', {
          type: 'success',
          messageArgs: { number: data.number, name: campaign.name },
        });
        onAdded();
      },
      // Every value stays in the form; the operator fixes the cause and presses Save again.
      onError: (error: unknown) => setServerError(describeError(error, translate)),
    });
  };

  return (
    <Form<NumberFormValues>
      defaultValues={defaultValues}
      noValidate
      disableInvalidFormNotification
      onSubmit={(values: FieldValues) =>
        submit(values as NumberFormValues, () => redirect('show', 'campaigns', campaign.id))
      }
    >
      <Paper sx={{ p: { xs: 2, sm: 3 } }} variant="outlined">
        <Stack spacing={3}>
          {allowed ? null : <BlockedNotice campaign={campaign} />}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <NumberInput country={country} />
            <CountrySelect
              sx={{ flex: '0 1 340px', minWidth: 220, width: { xs: '100%', md: 'auto' } }}
              value={country}
              onChange={setCountry}
              helperText={translate('upload.country.help')}
            />
          </Stack>
          <VariableFields names={names} />
          {duplicate ? (
            <DuplicateNotice duplicate={duplicate} country={country} disabled={busy} onSubmit={submit} />
          ) : null}
          {serverError ? (
            <Alert severity="error" role="alert">
              <AlertTitle>{translate('upload.create.notAdded')}</AlertTitle>
              {serverError}
            </Alert>
          ) : null}
          {/* MUI buttons, not <SaveButton>: it puts its icon in the label and swaps it for a spinner. */}
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={!allowed || busy}>
              {translate('upload.create.save')}
            </Button>
            <AddAnotherButton disabled={!allowed || busy} onSubmit={submit} />
          </Box>
        </Stack>
      </Paper>
    </Form>
  );
};

/** The add-number form, on react-admin's create controller and form (react-hook-form). */
export const NumberForm = (props: NumberFormProps) => (
  <CreateBase resource="numbers" mutationOptions={{ meta: { campaignId: props.campaign.id } }}>
    <NumberFormView {...props} />
  </CreateBase>
);
