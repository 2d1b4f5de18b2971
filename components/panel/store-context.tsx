/**
 * Hands the panel's store and its storage (PanelData) to components without prop drilling.
 *
 * The store and PanelData are defined by the side panel's wiring (entrypoints/sidepanel), which
 * depends on these components, not the other way round. So this module names their types through
 * `PanelStoreTypes`, an interface the wiring fills in by declaration merging (see main.tsx), the
 * way TanStack Router's `Register` works: the types reach the components without an upward import.
 */
import { createContext, useContext } from 'react';

/** Filled in by the side panel's wiring with `store` (the zustand state) and `data` (PanelData). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- completed by declaration merging
export interface PanelStoreTypes {}

/** The panel store's state and actions, as registered by the wiring. */
export type PanelStore = PanelStoreTypes extends { store: infer S } ? S : never;
/** The panel's storage (PanelData), as registered by the wiring. */
export type PanelStoreData = PanelStoreTypes extends { data: infer D } ? D : never;

/** The shape of a zustand hook the components need: a selector call and a stable getState. */
export interface PanelStoreHook {
  <T>(selector: (state: PanelStore) => T): T;
  getState(): PanelStore;
}

export const StoreContext = createContext<PanelStoreHook | null>(null);

/** The panel's PanelData, created once in main.tsx; the same object the store was given. */
export const PanelDataContext = createContext<PanelStoreData | null>(null);

export function useChat<T>(selector: (state: PanelStore) => T): T {
  const useStore = useContext(StoreContext);
  if (!useStore) throw new Error('useChat outside StoreContext');
  return useStore(selector);
}

/** The store's actions as one stable object (they never change, so memoised rows stay memoised). */
export function useChatActions(): PanelStore {
  const useStore = useContext(StoreContext);
  if (!useStore) throw new Error('useChatActions outside StoreContext');
  return useStore.getState();
}

export function usePanelData(): PanelStoreData {
  const data = useContext(PanelDataContext);
  if (!data) throw new Error('usePanelData outside PanelDataContext');
  return data;
}
