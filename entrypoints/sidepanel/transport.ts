/**
 * The panel's side of port "chat", behind a small interface so the store is testable with an
 * in-memory pair. Reconnects when the worker goes away (it is restarted by connecting).
 */
import { browser } from 'wxt/browser';
// The port module itself, not the index: the event checks (events.ts) load on start, outside the
// initial bundle, and a static import of the index would pull them back in.
import {
  CHAT_PORT_NAME,
  type BackgroundToPanel,
  type PanelToBackground,
} from '@/lib/protocol/port';

export interface ChatTransport {
  post(message: PanelToBackground): void;
  /** `onConnect(reconnected)` fires after every (re)connection. */
  start(handlers: {
    onEvent: (event: BackgroundToPanel) => void;
    onDisconnect: () => void;
    onConnect: (reconnected: boolean) => void;
  }): void;
}

const RECONNECT_DELAY_MS = 100;

export function createPortTransport(): ChatTransport {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let outbox: PanelToBackground[] = [];
  return {
    post(message) {
      if (!port) {
        outbox.push(message);
        return;
      }
      try {
        port.postMessage(message);
      } catch {
        outbox.push(message);
      }
    },
    start(handlers) {
      // Every event is checked on receipt (lib/protocol/events.ts). Nothing arrives before the
      // first connection, so the checks load first; messages posted meanwhile wait in the outbox.
      void import('@/lib/protocol/events').then(({ parseBackgroundMessage }) => {
        const connect = (reconnected: boolean) => {
          const next = browser.runtime.connect({ name: CHAT_PORT_NAME });
          next.onMessage.addListener((raw: unknown) => {
            const event = parseBackgroundMessage(raw);
            if (event) handlers.onEvent(event);
          });
          next.onDisconnect.addListener(() => {
            port = undefined;
            handlers.onDisconnect();
            setTimeout(() => connect(true), RECONNECT_DELAY_MS);
          });
          port = next;
          const queued = outbox;
          outbox = [];
          handlers.onConnect(reconnected);
          for (const message of queued) next.postMessage(message);
        };
        connect(false);
      });
    },
  };
}
