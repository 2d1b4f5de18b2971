/**
 * The built-in model as the panel sees it (issue 15): whether it can run here, why not, and the
 * download from a click. The panel asks `LanguageModel` itself (it has one, and the download
 * needs the click's user activation, which only a visible page has); `getLanguageModel` is
 * passed in through BuiltinModelContext, so the E2E build can put its fake there first.
 */
import { t } from '@/components/common/i18n';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import {
  BUILTIN_OPTIONS,
  type Availability,
  type LanguageModelStatic,
} from '@/lib/llm/builtin/prompt-api';
import type { ProviderKind } from '@/lib/settings';

/** What the settings need to offer the built-in model: where it is, and who answers now. */
export interface BuiltinModelEnv {
  getLanguageModel: () => Promise<LanguageModelStatic | undefined>;
  provider: ProviderKind;
  /** First run: a model that cannot run is simply not offered (Settings says why). */
  setup: boolean;
  /** Saves who answers (the set_provider request); resolves once saved. */
  choose: (provider: ProviderKind) => Promise<void>;
}

/** Given by the settings view; without it the form shows only the servers. */
export const BuiltinModelContext = createContext<BuiltinModelEnv | null>(null);

/** The built-in model here: checking, absent (no `LanguageModel`), or its availability. */
export type BuiltinState = 'checking' | 'absent' | Availability;

/** Why the built-in model cannot be used here, in one paragraph. */
export function unavailableReason(state: BuiltinState): string {
  if (state === 'absent') {
    return /firefox/i.test(navigator.userAgent)
      ? t('settings.builtin.noneFirefox')
      : t('settings.builtin.noneHere');
  }
  return t('settings.builtin.cannotRun');
}

/** Whether the state lets the user choose the model (now, or after a download). */
export const isOffered = (state: BuiltinState) =>
  state === 'available' || state === 'downloadable' || state === 'downloading';

/** The built-in model's availability, and a download that reports progress 0…1. */
export function useBuiltinModel() {
  const env = useContext(BuiltinModelContext);
  const [state, setState] = useState<BuiltinState>('checking');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!env) return;
    let live = true;
    void env
      .getLanguageModel()
      .then((lm) => (lm ? lm.availability(BUILTIN_OPTIONS) : 'absent'))
      .catch((): BuiltinState => 'absent')
      .then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [env]);

  // Runs from the click: create() needs the page's user activation to start a download.
  const download = useCallback(async (): Promise<boolean> => {
    const lm = await env?.getLanguageModel();
    if (!lm) return false;
    setError(null);
    setProgress(0);
    try {
      const session = await lm.create({
        ...BUILTIN_OPTIONS,
        monitor: (m) => m.addEventListener('downloadprogress', (e) => setProgress(e.loaded)),
      });
      session.destroy();
      setState('available');
      return true;
    } catch (e) {
      setError(
        (e as { name?: string })?.name === 'NotAllowedError'
          ? t('settings.builtin.notAllowed')
          : t('settings.builtin.unfinished'),
      );
      return false;
    } finally {
      setProgress(null);
    }
  }, [env]);

  return { env, state, progress, error, download };
}
