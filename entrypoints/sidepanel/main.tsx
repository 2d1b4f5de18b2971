import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/common/theme.css';
import { followTheme } from '@/components/common/theme';
import { applyDocumentLocale } from '@/components/common/i18n';
import { App } from './app';
import { preloadMarkdown } from '@/components/markdown/lazy-markdown';
import { createChatStore, type ChatStore } from './chat-store';
import { createLazyPanelData, type PanelData } from './panel-data';
import { PanelDataContext, StoreContext } from '@/components/panel/store-context';
import { createPortTransport, type ChatTransport } from './transport';
import { loadNotices } from '@/components/notices/localize';

// Tell components/panel/store-context the store's and PanelData's types: the wiring depends on the
// components, so the types flow down by declaration merging instead of an upward import.
declare module '@/components/panel/store-context' {
  interface PanelStoreTypes {
    store: ChatStore;
    data: PanelData;
  }
}

// Dexie, lib/db and the notice matcher load beside the first render, not in the initial JS
// (DESIGN §8, M9). The worker's events and the stored conversation wait for the matcher too, so
// the notices among them show translated from their first frame, never English first. The E2E
// storage-fault hook runs in the Dexie module, before the database's first use.
const notices = loadNotices();
const data = createLazyPanelData(async () => {
  const [{ createDexiePanelData }] = await Promise.all([import('./dexie-panel-data'), notices]);
  return createDexiePanelData();
});
const port = createPortTransport();
const transport: ChatTransport = {
  post: (message) => port.post(message),
  start: (handlers) => void notices.then(() => port.start(handlers)),
};
const store = createChatStore(transport, data);
applyDocumentLocale();
followTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PanelDataContext.Provider value={data}>
        <StoreContext.Provider value={store}>
          <App />
        </StoreContext.Provider>
      </PanelDataContext.Provider>
    </StrictMode>,
  );
}

// The renderer loads right after the first frame, off the critical path.
requestAnimationFrame(() => setTimeout(preloadMarkdown, 0));
