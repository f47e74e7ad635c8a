// The add form's values and rules, apart from its components: what react-hook-form holds, how the
// typed number is checked (one message for the validator and the helper line), what is sent.
import type { Validator } from 'react-admin';
import { checkNumber, type NumberCheck } from '../../../lib/phone';
import type { NewNumber } from '../../../types';

export interface VariableValue {
  value: string;
  /** Remembered on this device (positional, per campaign), never sent. */
  name: string;
}

/** What the form holds (react-hook-form's values): the number as typed and the variables in order. */
export interface NumberFormValues {
  number: string;
  variables: VariableValue[];
}

export const initialValues = (varCount: number, names: readonly string[]): NumberFormValues => ({
  number: '',
  variables: Array.from({ length: Math.max(varCount, 0) }, (_, i) => ({ value: '', name: names[i] ?? '' })),
});

/** After "Add another": an empty number and empty values, the variables' names kept. */
export const nextValues = (values: NumberFormValues): NumberFormValues => ({
  number: '',
  variables: values.variables.map((variable) => ({ ...variable, value: '' })),
});

/** The i18n key of what is wrong with a number (its args: `country`, the country's name). */
export const numberProblem = (check: NumberCheck): string | null =>
  check.kind === 'valid'
    ? null
    : check.kind === 'empty'
      ? 'upload.create.numberRequired'
      : 'upload.create.numberInvalid';

/** react-admin validator: the number must be valid in `country` (national input) or in its own (+…). */
export const validNumber =
  (country: string, countryLabel: string): Validator =>
  (value) => {
    const problem = numberProblem(checkNumber(typeof value === 'string' ? value : '', country));
    return problem ? { message: problem, args: { country: countryLabel } } : undefined;
  };

/** The record the API receives: the E.164 number, and the values only when the form has variables. */
export const toNewNumber = (values: NumberFormValues, country: string): NewNumber => {
  const check = checkNumber(values.number, country);
  // Validation ran before: a number that is not valid never gets here.
  const data: NewNumber = { number: check.kind === 'valid' ? check.e164 : values.number };
  if (values.variables.length > 0) data.varValues = values.variables.map((variable) => variable.value);
  return data;
};

/** Names are positional per campaign: the form's rows replace the first ones, later ones are kept. */
export const mergeNames = (rows: readonly VariableValue[], stored: readonly string[]): string[] => {
  const merged = [...rows.map((r) => r.name.trim()), ...stored.slice(rows.length)];
  while (merged.length > 0 && merged[merged.length - 1] === '') merged.pop();
  return merged;
};
