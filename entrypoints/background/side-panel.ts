/**
 * The toolbar button opens the panel: Chrome's sidePanel does it natively; Firefox's sidebar is
 * toggled from the action click.
 */
import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  toggle(): Promise<void>;
}

export function openPanelOnActionClick(): void {
  const g = globalThis as {
    chrome?: { sidePanel?: ChromeSidePanel };
    browser?: { sidebarAction?: FirefoxSidebar };
  };
  const sidePanel = g.chrome?.sidePanel;
  if (sidePanel) {
    void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  const sidebar = g.browser?.sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle());
}
