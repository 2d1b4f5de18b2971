import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/common/theme.css';
import { followTheme } from '@/components/common/theme';
import { applyDocumentLocale } from '@/components/common/i18n';
import { App } from './app';

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
