export { default as ra } from 'ra-language-english';
