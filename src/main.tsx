import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignInGate } from './auth/SignInGate';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The Content-Security-Policy admits <style> elements only with this response's nonce (server/security.ts):
// the server writes it into <meta property="csp-nonce" nonce="…"> (Vite's html.cspNonce), and Emotion puts it
// on every <style> it inserts for MUI and react-admin. One cache for the sign-in screen and the console.
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
const emotionCache = createCache({ key: 'css', nonce });

createRoot(root).render(
  <StrictMode>
    <CacheProvider value={emotionCache}>
      <SignInGate />
    </CacheProvider>
  </StrictMode>,
);
