/**
 * The panel's `LanguageModel` (issue 15). The panel asks it directly, not through the worker:
 * the download must start from a click here (user activation), availability is the same for the
 * whole profile, and it saves a round trip. The E2E build installs its fake first (tests/hooks).
 */
import type { LanguageModelStatic } from '@/lib/llm/builtin/prompt-api';
import { installPanelFake } from '@/tests/hooks/fake-lm-panel';

/** The panel's `LanguageModel`, or undefined where the browser has none (Firefox). */
export async function getPanelLanguageModel(): Promise<LanguageModelStatic | undefined> {
  if (import.meta.env.MODE === 'e2e') await installPanelFake();
  return (globalThis as { LanguageModel?: LanguageModelStatic }).LanguageModel;
}
