import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NoticesProvider } from './components/Notices';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <NoticesProvider>
        <App />
      </NoticesProvider>
    </ErrorBoundary>
  </StrictMode>,
);
