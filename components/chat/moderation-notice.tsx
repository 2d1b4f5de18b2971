/**
 * What moderation said about a message, and the way to tell Parley it got it wrong. The research
 * preview asked for exactly these reports of false positives and negatives.
 */
import type { ModerationRecord } from '@/lib/model/types';
import { categoryLabel } from '@/lib/model/moderation';
import { safeCategories, safeModeration } from '@/lib/export/record-guard';

/** The categories in words; a stored list that is missing or malformed reads "unspecified". */
export function categoriesText(categories: readonly string[] | undefined): string {
  const valid = safeCategories(categories);
  return valid.length ? valid.map(categoryLabel).join(', ') : 'unspecified';
}

export interface ModerationNoticeProps {
  record: ModerationRecord;
  /** The text before the categories, e.g. "This reply was flagged by the content policy". */
  lead: string;
  hint?: string;
  reported: boolean;
  onReport: () => void;
}

export function ModerationNotice({
  record,
  lead,
  hint,
  reported,
  onReport,
}: ModerationNoticeProps) {
  // Records come from storage, which an old import or a hand edit may have left malformed.
  const safe = safeModeration(record);
  return (
    <div className="moderation-notice" role="alert">
      <p>
        {lead}: {categoriesText(safe?.categories)}.{hint ? ` ${hint}` : ''}
      </p>
      <button type="button" className="button link small" disabled={reported} onClick={onReport}>
        {reported ? 'Reported, thank you' : 'Report: flagged by mistake'}
      </button>
    </div>
  );
}

export function NotCheckedMark() {
  return (
    <p className="not-checked muted" role="status">
      Not checked: moderation was unavailable.
    </p>
  );
}
