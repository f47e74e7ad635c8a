// Before a number is added: is it on a do-not-call list kept on this device (src/lib/dnc)? The
// names of the lists holding it, in the lists' order; none when the device's storage cannot answer.
import { e164ToKey, findOnDncLists } from '../../../lib/dnc';

/** The names of the device's do-not-call lists holding an E.164 number. */
export type DncLookup = (e164: string) => Promise<string[]>;

export const dncListsHolding: DncLookup = async (e164) => {
  const key = e164ToKey(e164);
  if (!key) return [];
  return (await findOnDncLists(key)).map((match) => match.list.name);
};

/** "'Internal DNC', 'National registry'": the names as the message quotes them. */
export const quoteListNames = (names: readonly string[]): string =>
  names.map((name) => `'${name}'`).join(', ');
