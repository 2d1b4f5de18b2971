/**
 * Port "chat": panels connect here. A port closing means a panel closed; the generation goes on.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  CHAT_PORT_NAME,
  isOwnExtensionPage,
  parsePanelMessage,
  type BackgroundToPanel,
} from '@/lib/protocol';
import type { ChatService } from '@/lib/engine/service';
import { requestFailureText } from '@/lib/db/storage-errors';

type Port = Browser.runtime.Port;

export function createPortHub() {
  const ports = new Set<Port>();
  // Page text captured while no panel is connected yet (it is opening) waits for the first sync.
  let waiting: BackgroundToPanel[] = [];
  const broadcast = (event: BackgroundToPanel) => {
    for (const port of ports) {
      try {
        port.postMessage(event);
      } catch {
        ports.delete(port);
      }
    }
  };
  return {
    ports,
    broadcast,
    deliver(event: BackgroundToPanel) {
      if (ports.size > 0) broadcast(event);
      else waiting.push(event);
    },
    takeWaiting(): BackgroundToPanel[] {
      const events = waiting;
      waiting = [];
      return events;
    },
  };
}

export interface PortActions {
  captureActiveTab(windowId?: number): Promise<void>;
}

export function acceptChatPorts(
  hub: ReturnType<typeof createPortHub>,
  service: ChatService,
  actions: PortActions,
  ready: Promise<unknown>,
): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onConnect.addListener((port: Port) => {
    if (
      port.name !== CHAT_PORT_NAME ||
      !isOwnExtensionPage(port.sender, browser.runtime.id, origin)
    ) {
      port.disconnect();
      return;
    }
    hub.ports.add(port);
    port.onDisconnect.addListener(() => hub.ports.delete(port));
    port.onMessage.addListener((raw: unknown) => {
      const message = parsePanelMessage(raw);
      if (!message) return;
      // The startup sweep must finish first, or a panel could see a dead reply as live.
      void ready
        .then(() => handle(port, message))
        .catch((error: unknown) => {
          if ('requestId' in message) {
            const text = requestFailureText(error);
            port.postMessage({
              type: 'request_failed',
              requestId: message.requestId,
              message: text,
            });
          }
        });
    });
  });

  async function handle(port: Port, message: NonNullable<ReturnType<typeof parsePanelMessage>>) {
    switch (message.type) {
      case 'send':
        return service.send(message);
      case 'regenerate':
        return service.regenerate(message);
      case 'stop':
        return service.stop(message.messageId, message.shownLength);
      case 'sync':
        port.postMessage({ type: 'snapshot', generations: service.liveGenerations() });
        for (const event of hub.takeWaiting()) port.postMessage(event);
        return;
      case 'capture_selection':
        return actions.captureActiveTab(message.windowId);
      case 'salvage':
        return service.salvage(message.messageId, message.content);
      case 'conversation_deleted':
        return service.conversationDeleted(message.conversationId);
    }
  }
}
