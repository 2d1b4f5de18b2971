/**
 * From a moderation result and the user's settings to what happens: allow, warn, block or hold.
 * Per-category overrides win over the mode, so a user can ignore one category or always block another
 * (never "Sexual (minors)": CATEGORY_FLOORS in lib/settings keeps it at Warn or above).
 */
import type { ModerationRecord } from '../model/types';
import type {
  CategoryOverride,
  ModerationResult,
  ModerationSettings,
  ModerationVerdict,
} from '../model/moderation';
import { flooredOverride } from '../settings';

const RANK = { allow: 0, warn: 1, block: 2 } as const;

function actionFor(
  category: string,
  stored: CategoryOverride | undefined,
  mode: 'warn' | 'block',
): 'allow' | 'warn' | 'block' {
  // Settings arriving any other way than normalizeSettings still cannot ignore a floored category.
  const override = stored ? flooredOverride(category, stored) : stored;
  if (!override || override === 'default') return mode;
  return override === 'ignore' ? 'allow' : override;
}

/**
 * Turns a provider's result into allow, warn, block or hold under the user's settings and fail
 * mode.
 */
export function decide(result: ModerationResult, settings: ModerationSettings): ModerationVerdict {
  if (settings.mode === 'off' || settings.provider === 'none')
    return { action: 'allow', categories: [], checked: false };
  if (!result.ok) {
    // An endpoint without moderation (a local server's 404) is said once in settings, not on
    // every message; fail-closed still holds the message (issue 14: it follows the fail mode).
    if (result.reason === 'unsupported' && settings.failMode !== 'hold') {
      return { action: 'allow', categories: [], checked: false };
    }
    return {
      action: settings.failMode === 'hold' ? 'hold' : 'allow',
      categories: [],
      checked: false,
      unavailable: true,
    };
  }
  let action: 'allow' | 'warn' | 'block' = 'allow';
  const categories: string[] = [];
  for (const category of result.categories) {
    const categoryAction = actionFor(category, settings.categoryOverrides[category], settings.mode);
    if (categoryAction === 'allow') continue;
    categories.push(category);
    if (RANK[categoryAction] > RANK[action]) action = categoryAction;
  }
  return { action, categories, checked: true };
}

/** What is kept on the message: the verdict and the raw scores, for the user and for reports. */
export function toRecord(verdict: ModerationVerdict, result: ModerationResult): ModerationRecord {
  return {
    flagged: verdict.categories.length > 0,
    categories: verdict.categories,
    checked: verdict.checked,
    action:
      verdict.action === 'block' || verdict.action === 'hold'
        ? 'block'
        : verdict.action === 'warn'
          ? 'warn'
          : 'none',
    ...(result.ok ? { scores: result.scores } : {}),
  };
}
