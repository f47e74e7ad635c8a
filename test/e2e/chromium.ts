// Chromium as every browser test and benchmark launches it: Debian's binary (no browser downloads
// here), and no network beyond loopback (background services would only fail on a closed network).
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
