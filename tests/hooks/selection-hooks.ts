/**
 * The E2E build's worker hooks (DESIGN §7): Playwright can neither click a native context menu nor
 * press a browser shortcut, so tests call `globalThis.parleyTestHooks`, which runs exactly the
 * handlers those browser events run. Installed only behind `import.meta.env.MODE === 'e2e'`.
 */
import type { createSelectionCapture } from '@/entrypoints/background/selection';

type SelectionHandlers = Pick<
  ReturnType<typeof createSelectionCapture>,
  'onCommand' | 'onMenuClick'
>;
type Tab = NonNullable<Parameters<SelectionHandlers['onCommand']>[1]>;

/** Exposes the menu and command handlers on the worker's global for the E2E tests. */
export function installSelectionTestHooks(selection: SelectionHandlers): void {
  (globalThis as { parleyTestHooks?: unknown }).parleyTestHooks = {
    runCommand: (name: string, tab: Tab) => selection.onCommand(name, tab),
    clickContextMenu: (
      info: { menuItemId: string; selectionText?: string; frameId?: number },
      tab: Tab,
    ) => selection.onMenuClick(info, tab),
  };
}
