import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const rootElement = document.getElementById('root');
if (!rootElement) {
  throw new Error('index.html has no element with id "root" to mount the explorer into.');
}

createRoot(rootElement).render(
  <StrictMode>
    <h1>GP Sensitivity Explorer</h1>
  </StrictMode>,
);
