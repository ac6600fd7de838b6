import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NoticesProvider } from './components/Notices';
import { StoreGate } from './store/StoreGate';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <NoticesProvider>
        <StoreGate>
          <App />
        </StoreGate>
      </NoticesProvider>
    </ErrorBoundary>
  </StrictMode>,
);
