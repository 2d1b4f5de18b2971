/** Hands the panel's store and its storage (PanelData) to components without prop drilling. */
import { createContext, useContext } from 'react';
import type { ChatStore, UseChatStore } from './chat-store';
import type { PanelData } from './panel-data';

export const StoreContext = createContext<UseChatStore | null>(null);

/** The panel's PanelData, created once in main.tsx; the same object the store was given. */
export const PanelDataContext = createContext<PanelData | null>(null);

export function useChat<T>(selector: (state: ChatStore) => T): T {
  const useStore = useContext(StoreContext);
  if (!useStore) throw new Error('useChat outside StoreContext');
  return useStore(selector);
}

/** The store's actions as one stable object (they never change, so memoised rows stay memoised). */
export function useChatActions(): ChatStore {
  const useStore = useContext(StoreContext);
  if (!useStore) throw new Error('useChatActions outside StoreContext');
  return useStore.getState();
}

export function usePanelData(): PanelData {
  const data = useContext(PanelDataContext);
  if (!data) throw new Error('usePanelData outside PanelDataContext');
  return data;
}
