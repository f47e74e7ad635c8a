import { describe, expect, it } from 'vitest';
import { initialValues, mergeNames, nextValues, numberProblem, toNewNumber, validNumber } from './numberForm';

describe('the add form’s values', () => {
  it('starts with one variable per carried value, named from this device', () => {
    expect(initialValues(2, ['Name'])).toEqual({
      number: '',
      variables: [
        { value: '', name: 'Name' },
        { value: '', name: '' },
      ],
    });
    expect(initialValues(0, ['Name'])).toEqual({ number: '', variables: [] });
  });

  it('"Add another" empties the number and the values, the names kept', () => {
    expect(nextValues({ number: '8005551234', variables: [{ value: 'John', name: 'Name' }] })).toEqual({
      number: '',
      variables: [{ value: '', name: 'Name' }],
    });
  });

  it('sends the E.164 number, and the values only when there are variables', () => {
    expect(toNewNumber({ number: '(800) 555-1234', variables: [] }, 'US')).toEqual({
      number: '+18005551234',
    });
    expect(
      toNewNumber(
        {
          number: '+44 20 7946 0958',
          variables: [
            { value: 'Ada', name: '' },
            { value: '', name: 'Amount' },
          ],
        },
        'US',
      ),
    ).toEqual({ number: '+442079460958', varValues: ['Ada', ''] });
  });

  it('merges the form’s names over the stored ones by position', () => {
    expect(mergeNames([{ value: '', name: ' Name ' }], ['Old', 'Amount'])).toEqual(['Name', 'Amount']);
    expect(mergeNames([{ value: '', name: '' }], [])).toEqual([]);
  });
});

describe('the number validator', () => {
  const validate = validNumber('US', 'United States');

  it('says what is wrong with the same keys as the helper line', () => {
    expect(validate('', {}, {})).toEqual({
      message: 'upload.create.numberRequired',
      args: { country: 'United States' },
    });
    expect(validate('   ', {}, {})).toMatchObject({ message: 'upload.create.numberRequired' });
    expect(validate('12345', {}, {})).toEqual({
      message: 'upload.create.numberInvalid',
      args: { country: 'United States' },
    });
    expect(validate('8005551234', {}, {})).toBeUndefined();
    expect(numberProblem({ kind: 'valid', e164: '+18005551234' })).toBeNull();
  });

  it('reads a national number in the default country, an international one in its own', () => {
    expect(validNumber('GB', 'United Kingdom')('020 7946 0958', {}, {})).toBeUndefined();
    expect(validate('020 7946 0958', {}, {})).toMatchObject({ message: 'upload.create.numberInvalid' });
    expect(validate('+44 20 7946 0958', {}, {})).toBeUndefined();
  });
});
