import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/common/theme.css';
import { followTheme } from '@/components/common/theme';
import { applyDocumentLocale } from '@/components/common/i18n';
import { App } from './app';
import { loadNotices } from '@/components/notices/localize';

// The notice matcher loads beside the first render; every notice here follows an action after it.
void loadNotices();
applyDocumentLocale();
followTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
