/** Hands the panel's store to components without prop drilling. */
import { createContext, useContext } from 'react';
import type { ChatStore, UseChatStore } from './chat-store';

export const StoreContext = createContext<UseChatStore | null>(null);

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
