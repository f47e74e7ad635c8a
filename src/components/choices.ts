/** react-admin choices for an enumeration, each named by its i18n key `<prefix>.<value>`. */
export const enumChoices = (values: readonly string[], prefix: string) =>
  values.map((value) => ({ id: value, name: `${prefix}.${value}` }));
