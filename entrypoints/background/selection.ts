/**
 * "Ask about highlighted code": the context menu, the keyboard command and the panel's button all
 * end here. The panel opens first (Chrome needs sidePanel.open() inside the gesture, before any
 * await), then the selection is read in every frame and handed to the panel as an attachment.
 */
import { browser, type Browser } from 'wxt/browser';
import type { CapturedSelection } from '@/lib/selection/capture';
import { toAttachment, SELECTION_ERRORS } from '@/lib/selection/to-attachment';
import { DEFAULT_MAX_SELECTION_CHARS } from '@/lib/selection/normalize';
import type { AttachmentsEvent, CaptureFailedEvent } from '@/lib/protocol';
import { installSelectionTestHooks } from '@/tests/hooks/selection-hooks';
import { t } from '@/components/common/i18n';

export const MENU_ASK = 'ask-parley';
export const MENU_EXPLAIN = 'explain-code';
export const COMMAND_ATTACH = 'attach-selection';

type Tab = Pick<Browser.tabs.Tab, 'id' | 'windowId' | 'url' | 'title'>;
type Deliver = (event: AttachmentsEvent | CaptureFailedEvent) => void;

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface SidebarApi {
  open(): Promise<void>;
}

/** Must run synchronously in the gesture's handler; failures (no gesture in tests) are harmless. */
function openPanel(tab: Tab | undefined): void {
  const g = globalThis as {
    chrome?: { sidePanel?: SidePanelApi };
    browser?: { sidebarAction?: SidebarApi };
  };
  try {
    if (g.chrome?.sidePanel && tab?.windowId !== undefined) {
      g.chrome.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    } else {
      g.browser?.sidebarAction?.open().catch(() => undefined);
    }
  } catch {
    // Without a user gesture (tests, some shortcuts) the panel may be open already; capture goes on.
  }
}

/** The unlisted script (entrypoints/capture-selection.ts) that reads one frame's selection. */
const CAPTURE_SCRIPT = '/capture-selection.js';

async function readFrames(tabId: number): Promise<CapturedSelection[] | null> {
  try {
    // A file, not `func`: the capture is a bundle of modules, and `func` sends only its own source.
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: [CAPTURE_SCRIPT],
    });
    // The frame id lets the context menu's frame win (see to-attachment's rank).
    return results
      .map((r): CapturedSelection | null => {
        const capture = (r.result ?? null) as CapturedSelection | null;
        return capture ? { ...capture, frameId: r.frameId } : null;
      })
      .filter((r): r is CapturedSelection => r !== null);
  } catch {
    // The PDF viewer, chrome:// pages and the Web Store refuse injection.
    return null;
  }
}

export function createSelectionCapture(deliver: Deliver) {
  const capture = async (
    tab: Tab | undefined,
    selectionText?: string,
    suggestedText?: string,
    frameId?: number,
  ) => {
    const frames = tab?.id !== undefined ? await readFrames(tab.id) : null;
    const fallback =
      (!frames || frames.length === 0) && selectionText
        ? { selectionText, url: tab?.url ?? '', title: tab?.title ?? '' }
        : undefined;
    // null (not []) when the page refused injection: without menu text that is "unreadable".
    const result = toAttachment(frames, {
      maxChars: DEFAULT_MAX_SELECTION_CHARS,
      id: crypto.randomUUID(),
      // The menu's frame and text pick the right frame when several hold a selection.
      ...(selectionText ? { selectionText } : {}),
      ...(frameId !== undefined ? { frameId } : {}),
      ...(tab?.url ? { pageUrl: tab.url } : {}),
      ...(fallback ? { fallback } : {}),
    });
    if (result.ok) {
      deliver({
        type: 'attachments',
        attachments: [result.attachment],
        ...(suggestedText ? { suggestedText } : {}),
      });
    } else {
      deliver({ type: 'capture_failed', message: SELECTION_ERRORS[result.error] });
    }
  };

  const onMenuClick = (
    info: { menuItemId: string | number; selectionText?: string; frameId?: number },
    tab?: Tab,
  ) => {
    if (info.menuItemId !== MENU_ASK && info.menuItemId !== MENU_EXPLAIN) return;
    openPanel(tab);
    void capture(
      tab,
      info.selectionText,
      info.menuItemId === MENU_EXPLAIN ? 'Explain this code.' : undefined,
      info.frameId,
    );
  };

  const onCommand = (command: string, tab?: Tab) => {
    if (command !== COMMAND_ATTACH) return;
    openPanel(tab);
    void capture(tab);
  };

  /** The panel's "Add page selection" button: the active web page of the panel's window. */
  const captureActiveTab = async (windowId?: number) => {
    const [tab] = await browser.tabs.query(
      windowId === undefined
        ? { active: true, lastFocusedWindow: true }
        : { active: true, windowId },
    );
    if (!tab?.id || !tab.url || !/^(https?|file):/.test(tab.url)) {
      deliver({ type: 'capture_failed', message: 'Select some text on a web page first.' });
      return;
    }
    await capture(tab);
  };

  return { onMenuClick, onCommand, captureActiveTab };
}

export function registerSelectionEntryPoints(
  selection: ReturnType<typeof createSelectionCapture>,
): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_ASK,
        title: t('extension.askAboutSelection'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: MENU_EXPLAIN,
        title: t('extension.explainCode'),
        contexts: ['selection'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => selection.onMenuClick(info, tab));
  browser.commands.onCommand.addListener((command, tab) => selection.onCommand(command, tab));
  // Playwright can neither click a native menu nor press a browser shortcut (DESIGN §7); the
  // hooks live in tests/hooks, and behind this compile-time branch production drops them.
  if (import.meta.env.MODE === 'e2e') installSelectionTestHooks(selection);
}
