// What the number search sends: the digits of what the operator typed, read as the add form reads
// a number. Separators ("(865) 492", "865-492", "865.492", "865/492", spaces) are dropped, and a
// leading "+" is dropped with them: "+1 865 492" searches "1865492", which is part of
// +18654929608 as stored (E.164). The API's `number` filter is a substring match, so the digits
// find the number in any stored form. Anything else (letters) is sent as typed, trimmed.

const SEPARATORS = /[\s\-.()/\u00a0]/g;
const SEARCHABLE = /^\+?[\d\s\-.()/\u00a0]*$/;

export const searchDigits = (text: string): string => {
  const trimmed = text.trim();
  if (!SEARCHABLE.test(trimmed)) return trimmed;
  return trimmed.replace(SEPARATORS, '').replace(/^\+/, '');
};
