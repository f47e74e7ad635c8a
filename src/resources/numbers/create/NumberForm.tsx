import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, AlertTitle, Box, Button, Paper, Stack, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRedirect, useTranslate } from 'react-admin';
import { describeError } from '../../../components/describeError';
import { canChangeNumbers } from '../../../contract';
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import { checkNumber, countryName } from '../../../lib/phone';
import type { Campaign, NewNumber } from '../../../types';
import { BlockedNotice } from '../shared/BlockedNotice';
import { CountrySelect } from '../shared/CountrySelect';
import { useDefaultCountry } from '../shared/deviceSettings';
import { tone } from '../shared/tone';
import { VariableFields, type VariableRow, variableError, variableValueId } from './VariableFields';

interface NumberFormProps {
  campaign: Campaign;
  initialVarCount: number;
  names: string[];
  /** Stores the variables' names on this device (positional, per campaign). */
  onNamesChange: (names: string[]) => void;
}

const NUMBER_FIELD_ID = 'number-create-number';

let nextKey = 0;
const row = (name = '', value = ''): VariableRow => ({ key: nextKey++, value, name });

/** Names are positional per campaign: the form's rows replace the first ones, later ones are kept. */
export const mergeNames = (rows: VariableRow[], stored: string[]): string[] => {
  const merged = [...rows.map((r) => r.name.trim()), ...stored.slice(rows.length)];
  while (merged.length > 0 && merged[merged.length - 1] === '') merged.pop();
  return merged;
};

export const NumberForm = ({ campaign, initialVarCount, names, onNamesChange }: NumberFormProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<SipCallerDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  const [country, setCountry] = useDefaultCountry();
  const [number, setNumber] = useState('');
  const [numberTouched, setNumberTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [rows, setRows] = useState<VariableRow[]>(() =>
    Array.from({ length: Math.max(initialVarCount, 0) }, (_, i) => row(names[i] ?? '')),
  );
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const addAnother = useRef(false);
  const numberInput = useRef<HTMLInputElement>(null);
  const allowed = canChangeNumbers(campaign);

  const check = checkNumber(number, country);
  const showNumberError = (numberTouched || submitted) && check.kind !== 'valid';
  const numberHelper =
    check.kind === 'valid' ? (
      <Box
        component="span"
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: tone('success') }}
      >
        <CheckIcon sx={{ fontSize: 16 }} aria-hidden />
        {translate('upload.create.willBeSentAs', { e164: check.e164 })}
      </Box>
    ) : showNumberError ? (
      translate(check.kind === 'empty' ? 'upload.create.numberRequired' : 'upload.create.numberInvalid', {
        country: countryName(country, locale),
      })
    ) : (
      translate('upload.create.numberHelp', { country: countryName(country, locale) })
    );

  const focusVariable = (key: number) =>
    requestAnimationFrame(() => document.getElementById(variableValueId(key))?.focus());

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const another = addAnother.current;
    addAnother.current = false;
    setSubmitted(true);
    if (!allowed || saving) return;
    if (check.kind !== 'valid') {
      numberInput.current?.focus();
      return;
    }
    const tooLong = rows.find((r) => variableError(r.value));
    if (tooLong) {
      focusVariable(tooLong.key);
      return;
    }
    const data: NewNumber = { number: check.e164 };
    if (rows.length > 0) data.varValues = rows.map((r) => r.value);
    // The names describe the campaign, not this number: kept even if the server refuses the number.
    onNamesChange(mergeNames(rows, names));
    setSaving(true);
    setServerError(null);
    try {
      await dataProvider.create('numbers', { data, meta: { campaignId: campaign.id } });
    } catch (error) {
      // Every value stays in the form; the operator fixes the cause and presses Save again.
      setServerError(describeError(error, translate));
      setSaving(false);
      return;
    }
    setSaving(false);
    void queryClient.invalidateQueries({ queryKey: ['numbers'] });
    notify('upload.create.added', {
      type: 'success',
      messageArgs: { number: check.e164, name: campaign.name },
    });
    if (another) {
      setNumber('');
      setNumberTouched(false);
      setSubmitted(false);
      setRows((current) => current.map((r) => ({ ...r, value: '' })));
      numberInput.current?.focus();
    } else {
      redirect('show', 'campaigns', campaign.id);
    }
  };

  return (
    <Paper
      component="form"
      noValidate
      onSubmit={handleSubmit}
      sx={{ p: { xs: 2, sm: 3 } }}
      variant="outlined"
    >
      <Stack spacing={3}>
        {allowed ? null : <BlockedNotice campaign={campaign} />}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField
            id={NUMBER_FIELD_ID}
            inputRef={numberInput}
            label={translate('upload.create.number')}
            value={number}
            onChange={(event) => setNumber(event.target.value)}
            onBlur={() => setNumberTouched(number.trim() !== '')}
            error={showNumberError}
            helperText={numberHelper}
            required
            autoFocus
            autoComplete="off"
            slotProps={{ htmlInput: { inputMode: 'tel' } }}
            sx={{ flex: '1 1 320px', minWidth: 0, width: { xs: '100%', md: 'auto' } }}
          />
          <CountrySelect
            sx={{ flex: '0 1 340px', minWidth: 220, width: { xs: '100%', md: 'auto' } }}
            value={country}
            onChange={setCountry}
            helperText={translate('upload.country.help')}
          />
        </Stack>
        <VariableFields
          rows={rows}
          showErrors={submitted}
          disabled={false}
          onChange={(index, patch) =>
            setRows((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)))
          }
          onAdd={() => {
            const added = row(names[rows.length] ?? '');
            setRows((current) => [...current, added]);
            focusVariable(added.key);
          }}
          onRemove={(index) => setRows((current) => current.filter((_, i) => i !== index))}
        />
        {serverError ? (
          <Alert severity="error" role="alert">
            <AlertTitle>{translate('upload.create.notAdded')}</AlertTitle>
            {serverError}
          </Alert>
        ) : null}
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={!allowed || saving}>
            {translate('upload.create.save')}
          </Button>
          <Button
            type="submit"
            variant="outlined"
            disabled={!allowed || saving}
            onClick={() => {
              addAnother.current = true;
            }}
          >
            {translate('upload.create.addAnother')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
};
