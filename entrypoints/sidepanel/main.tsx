import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/common/theme.css';
import { followTheme } from '@/components/common/theme';
import { App } from './app';
import { preloadMarkdown } from '@/components/markdown/lazy-markdown';
import { createChatStore } from './chat-store';
import { getDb } from '@/lib/db/schema';
import { injectE2EStorageFaults } from '@/tests/hooks/fault-source';
import { createDexiePanelData } from './panel-data';
import { PanelDataContext, StoreContext } from './store-context';
import { createPortTransport } from './transport';

// Tests make the database fail to open or to write (DESIGN §7); before its first use. The hook
// lives in tests/hooks: behind this compile-time branch, the production build drops it.
if (import.meta.env.MODE === 'e2e') injectE2EStorageFaults(getDb());
const data = createDexiePanelData();
const store = createChatStore(createPortTransport(), data);
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
