import english from 'ra-language-english';
// TODO(issue 3): a complete Spanish translation of react-admin's own messages.
export const ra = english;
