/**
 * The offscreen document that runs the built-in model where the worker has no `LanguageModel`
 * (issue 15, entrypoints/background/builtin-host.ts). It answers the worker's port only; the
 * worker owns each generation, and this page only streams the text back.
 */
import { browser } from 'wxt/browser';
import { createBuiltinProvider, type BuiltinProvider } from '@/lib/llm/builtin/provider';
import type { LanguageModelStatic } from '@/lib/llm/builtin/prompt-api';
import {
  BUILTIN_PORT_NAME,
  serveBuiltin,
  type HostAnswer,
  type MiniPort,
} from '@/lib/llm/builtin/remote';
import { isOwnExtensionPage } from '@/lib/protocol/sender';
import { installOffscreenFake } from '@/tests/hooks/fake-lm-offscreen';

let provider: BuiltinProvider | null = null;
// Created on the first request, so the E2E build's fake is in place before it is read.
const current = () =>
  (provider ??= createBuiltinProvider({
    languageModel: (globalThis as { LanguageModel?: LanguageModelStatic }).LanguageModel,
  }));

browser.runtime.onConnect.addListener((port) => {
  // Only this extension's worker (sender URL is its script): never a page or another extension.
  if (
    port.name !== BUILTIN_PORT_NAME ||
    !isOwnExtensionPage(port.sender, browser.runtime.id, browser.runtime.getURL('/'))
  ) {
    return;
  }
  if (import.meta.env.MODE === 'e2e') installOffscreenFake(port);
  serveBuiltin(port as unknown as MiniPort<HostAnswer, unknown>, current);
  port.onDisconnect.addListener(() => {
    provider?.dispose();
    provider = null;
  });
});
