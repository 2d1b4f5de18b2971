/**
 * What the header says about the model that answers next. Nothing until the panel knows: before
 * settings arrive, and on a first run while setup is still open, a default such as gpt-4o-mini
 * would name a model that is not going to answer.
 */
import type { PublicSettings } from '@/lib/protocol/rpc';
import { requiresKey } from '@/lib/endpoint';

/** Setup is needed: a provider that wants a key and has none (the panel opens Settings then). */
export function needsSetup(settings: PublicSettings): boolean {
  return settings.provider !== 'builtin' && !settings.hasApiKey && requiresKey(settings.baseUrl);
}

/** How many characters of a long name stay after the ellipsis (a quantisation, a size). */
const TAIL = 10;

/**
 * The model's name split for a middle ellipsis: `head` shrinks, `tail` stays, so at 320 px a
 * name reads "org/an-exception…Q4_K_M.gguf" rather than losing the part that tells models apart.
 * Null when no model is known yet.
 */
export function modelLabel(
  settings: PublicSettings | null,
  conversationModel: string | undefined,
  builtinName: string,
): { full: string; head: string; tail: string } | null {
  if (!settings || needsSetup(settings)) return null;
  if (settings.provider === 'builtin') return { full: builtinName, head: builtinName, tail: '' };
  const full = (conversationModel || settings.model).trim();
  if (!full) return null;
  const cut = full.length > TAIL * 2 ? full.length - TAIL : full.length;
  return { full, head: full.slice(0, cut), tail: full.slice(cut) };
}
