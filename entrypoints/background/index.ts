/**
 * Background worker: wiring only (DESIGN §1). It owns every generation; logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { createChatService, type ChatServiceDeps } from '@/lib/engine/service';
import { getDb } from '@/lib/db/schema';
import { purgeDeletedConversations } from '@/lib/db/conversations';
import { injectE2EStorageFaults } from '@/tests/hooks/fault-source';
import { createOpenAiCompatibleProvider } from '@/lib/llm/openai-compatible';
import {
  KEY_STORAGE_KEYS,
  moderationUnsupportedItem,
  readKeyRing,
  readSettings,
  restrictStorageToExtensionPages,
} from '@/lib/settings-store';
import { keysFor } from '@/lib/credentials';
import { saveContextWindow, serverFactsCache } from '@/lib/context-size-store';
import { acceptChatPorts, createPortHub } from './chat-port';
import { createKeepAlive } from './keep-alive';
import { keepOriginRuleInStep } from './origin-rule';
import { providerWithHeaders } from './endpoint-headers';
import { acceptRpc } from './rpc';
import { withBuiltinModel } from './builtin-factory';
import { openPanelOnActionClick } from './side-panel';
import { createSelectionCapture, registerSelectionEntryPoints } from './selection';

export default defineBackground(() => {
  // Tests make the database fail to open or to write (DESIGN §7); before its first use. The hook
  // lives in tests/hooks: behind this compile-time branch, the production build drops it.
  if (import.meta.env.MODE === 'e2e') injectE2EStorageFaults(getDb());
  const hub = createPortHub();
  // Settings and keys are read once and kept until they change, instead of three storage round
  // trips in a row before every request (bench M1).
  let config: ReturnType<ChatServiceDeps['loadConfig']> | null = null;
  const loadConfig = () => {
    // Each key is the one bound to the origin its requests go to, or none (issue 12).
    config ??= Promise.all([readSettings(), readKeyRing()]).then(([settings, ring]) => ({
      settings,
      ...keysFor(ring, settings),
    }));
    config.catch(() => {
      config = null;
    });
    return config;
  };
  // Only these keys (and @wxt-dev/storage's `$` metadata beside them); a draft save is not one.
  const configKeys = new Set(['settings', ...KEY_STORAGE_KEYS]);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (Object.keys(changes).some((key) => configKeys.has(key.replace(/\$$/, '')))) config = null;
  });
  // Every endpoint's requests carry the custom headers saved for its origin (issue 14).
  const provider = withBuiltinModel(providerWithHeaders(createOpenAiCompatibleProvider));
  const keepAlive = createKeepAlive(() => browser.runtime.getPlatformInfo());
  const service = createChatService({
    db: getDb(),
    loadConfig,
    // Chat, title and moderation requests go to OpenAI-compatible endpoints.
    provider,
    onModerationUnsupported: (baseUrl) => void moderationUnsupportedItem.setValue(baseUrl),
    // What a server said of its context, for the panel's meter (issue 14).
    onContextSize: (baseUrl, model, tokens) =>
      void saveContextWindow(baseUrl, model, tokens).catch(() => undefined),
    // …and for the next worker, which plans its first request without asking again (bench M1).
    serverFacts: serverFactsCache,
    broadcast: hub.broadcast,
    newId: () => crypto.randomUUID(),
    now: () => Date.now(),
    isOnline: () => navigator.onLine,
    onLiveCountChange: (count) => keepAlive.setLiveCount(count),
  });
  // A key an older version stored alone is bound to its endpoint now, before settings can change.
  void readKeyRing().catch(() => undefined);
  // Read now, not at the first send: a restarted worker's first request waits for less (bench M1).
  void loadConfig().catch(() => undefined);
  // Replies a dead worker left `streaming` become interrupted before any panel is answered.
  // Deletions whose undo time passed while no panel was open are finished here.
  void purgeDeletedConversations(getDb(), Date.now()).catch(() => undefined);
  const ready = service.sweep().catch((error: unknown) => {
    console.error('Parley: startup sweep failed', error instanceof Error ? error.name : error);
  });

  const selection = createSelectionCapture(hub.deliver);
  registerSelectionEntryPoints(selection);
  acceptChatPorts(hub, service, selection, ready);
  acceptRpc(provider);
  openPanelOnActionClick();
  // Ollama accepts Parley's requests without OLLAMA_ORIGINS (issue 14).
  keepOriginRuleInStep();
  void restrictStorageToExtensionPages(
    (
      globalThis as {
        chrome?: {
          storage?: { local?: { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } };
        };
      }
    ).chrome?.storage?.local,
  );
});
