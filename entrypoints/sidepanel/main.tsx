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
import { createPortTransport } from './transport';

// Tell components/panel/store-context the store's and PanelData's types: the wiring depends on the
// components, so the types flow down by declaration merging instead of an upward import.
declare module '@/components/panel/store-context' {
  interface PanelStoreTypes {
    store: ChatStore;
    data: PanelData;
  }
}

// Dexie and lib/db load beside the first render, not in the initial JS (DESIGN §8, M9). The
// E2E storage-fault hook runs in that module, before the database's first use.
const data = createLazyPanelData(() =>
  import('./dexie-panel-data').then((m) => m.createDexiePanelData()),
);
const store = createChatStore(createPortTransport(), data);
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
