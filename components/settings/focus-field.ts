/**
 * Which settings field an error is about (issue 16): "Open settings" on an error card takes the
 * user to the key when it is missing or rejected, to the model when the server has none by that
 * name, else to the base URL. The chat's latest reply says which error it was.
 */
import type { ChatMessage } from '@/lib/model/types';
import type { PublicSettings } from '@/lib/protocol';
import { requiresKey } from '@/lib/settings';

/** A settings field the form can focus as it opens. */
export type FocusField = 'key' | 'model' | 'baseUrl';

/** The field an error on the chat's latest reply is about; the key when none is saved. */
export function fieldNeedingAttention(
  latest: Pick<ChatMessage, 'state'> | undefined,
  settings: Pick<PublicSettings, 'hasApiKey' | 'baseUrl'>,
): FocusField {
  const code = latest?.state.kind === 'error' ? latest.state.code : null;
  if (code === 'no_key' || code === 'auth' || code === 'forbidden') return 'key';
  if (code === 'model_not_found') return 'model';
  return !settings.hasApiKey && requiresKey(settings.baseUrl) ? 'key' : 'baseUrl';
}
