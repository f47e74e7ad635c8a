// What `require('object.entries')` resolves to in the console (resolve.alias in vite.config.ts):
// node-polyglot, under ra-i18n-polyglot, calls the polyfill as a function, and every browser the
// console supports has the native one, which is what the polyfill returns there anyway.
module.exports = Object.entries;
