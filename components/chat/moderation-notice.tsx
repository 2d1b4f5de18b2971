/**
 * What moderation said about a message, and the way to tell Parley it got it wrong. The research
 * preview asked for exactly these reports of false positives and negatives.
 */
import type { ModerationRecord } from '@/lib/model/types';
import { categoryLabel } from '@/lib/model/moderation';
import { safeCategories, safeModeration } from '@/lib/export/record-guard';
import { t } from '@/components/common/i18n';
import { ShieldIcon } from './chat-icons';

/** The categories in words; a stored list that is missing or malformed reads "unspecified". */
export function categoriesText(categories: readonly string[] | undefined): string {
  const valid = safeCategories(categories);
  return valid.length ? valid.map(categoryLabel).join(', ') : t('chat.moderation.unspecified');
}

export interface ModerationNoticeProps {
  record: ModerationRecord;
  /** The text before the categories, e.g. "This reply was flagged by the content policy". */
  lead: string;
  reported: boolean;
  onReport: () => void;
}

export function ModerationNotice({ record, lead, reported, onReport }: ModerationNoticeProps) {
  // Records come from storage, which an old import or a hand edit may have left malformed.
  const safe = safeModeration(record);
  return (
    <div className="moderation-notice" role="alert">
      <p>{t('chat.moderation.lead', [lead, categoriesText(safe?.categories)])}</p>
      <button type="button" className="button link small" disabled={reported} onClick={onReport}>
        {reported ? t('chat.moderation.reportedThanks') : t('chat.moderation.reportMistake')}
      </button>
    </div>
  );
}

/**
 * Said once per conversation, under the first message the check could not run for (an endpoint
 * without moderation, or one that failed open), with the way to the setting.
 */
export function NotCheckedLine({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <p className="not-checked" role="status">
      <ShieldIcon />
      <span>{t('chat.moderation.notChecked')}</span>
      <button type="button" className="button link small" onClick={onOpenSettings}>
        {t('chat.moderation.settings')}
      </button>
    </p>
  );
}
