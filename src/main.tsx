import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignInGate } from './auth/SignInGate';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SignInGate />
  </StrictMode>,
);
