/**
 * What an attachment's chip says about it: where its text came from and what was removed. Apart
 * from to-attachment.ts so the panel, which only shows attachments, does not load the capture
 * code and its language guesser.
 */
import type { Attachment } from '../model/types';
import type { HiddenReason } from './capture';
import { notice } from '../model/notices';

/** Why a passage was removed, as the chip says it. */
export const HIDDEN_REASON_LABELS: Record<HiddenReason | 'invisible-characters', string> = {
  'not-displayed': notice('reasonNotDisplayed'),
  invisible: notice('reasonInvisible'),
  transparent: notice('reasonTransparent'),
  'same-colour': notice('reasonSameColour'),
  tiny: notice('reasonTiny'),
  collapsed: notice('reasonCollapsed'),
  clipped: notice('reasonClipped'),
  'off-screen': notice('reasonOffScreen'),
  covered: notice('reasonCovered'),
  blurred: notice('reasonBlurred'),
  'invisible-characters': notice('reasonInvisibleCharacters'),
};

const isReason = (r: unknown): r is keyof typeof HIDDEN_REASON_LABELS =>
  typeof r === 'string' && Object.hasOwn(HIDDEN_REASON_LABELS, r);

/**
 * The chip's sentence about removed text ("Removed 3 hidden passages (off-screen, clipped)."),
 * or undefined when nothing was removed. Only known reasons are named: the record may come from
 * an import.
 */
export function describeHidden(
  a: Pick<Attachment, 'hiddenTextRemoved' | 'hiddenPassages'>,
): string | undefined {
  const count = a.hiddenPassages?.count;
  if (typeof count === 'number' && Number.isInteger(count) && count > 0) {
    const reasons = Array.isArray(a.hiddenPassages?.reasons) ? a.hiddenPassages.reasons : [];
    const labels = reasons.filter(isReason).map((r) => HIDDEN_REASON_LABELS[r]);
    if (labels.length === 0)
      return notice(count === 1 ? 'hiddenRemovedOne' : 'hiddenRemovedMany', count);
    const why = labels.reduceRight((rest, label) => notice('listComma', label, rest));
    return notice(count === 1 ? 'hiddenRemovedOneWhy' : 'hiddenRemovedManyWhy', count, why);
  }
  return a.hiddenTextRemoved ? notice('hiddenTextRemoved') : undefined;
}

/** Host and path of an address, without user name or password; the address itself if it has no host. */
function hostAndPath(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    if (parsed.host) return { host: parsed.host, path: `${parsed.pathname}${parsed.search}` };
  } catch {
    // not an address the parser knows: shown as it is
  }
  return { host: url, path: '' };
}

/**
 * Where the chip says the text came from: the frame's host (punycode, never a user name), its
 * path, and the page's host when the text came from a frame of another host.
 */
export function describeSource(source: Attachment['source']): {
  host: string;
  path: string;
  frameIn?: string;
} {
  const own = hostAndPath(source.url);
  const page = typeof source.topUrl === 'string' ? hostAndPath(source.topUrl) : undefined;
  return page && page.host !== own.host ? { ...own, frameIn: page.host } : own;
}
