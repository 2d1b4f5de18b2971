import { ChevronLeftIcon, ChevronRightIcon } from '@/components/common/icons';
import { IconButton } from '@/components/common/icon-button';
import { t } from '@/components/common/i18n';
import type { PagerInfo } from '@/lib/model/tree';
import type { MessageActions } from './message-item';
/** Moves between sibling replies (regenerations) or sibling branches (edits). */
export interface VariantPagerProps {
  index: number;
  total: number;
  onPrevious?: () => void;
  onNext?: () => void;
}

export function VariantPager({ index, total, onPrevious, onNext }: VariantPagerProps) {
  if (total < 2) return null;
  return (
    <span className="pager">
      <IconButton
        label={t('chat.pager.previous')}
        icon={<ChevronLeftIcon />}
        tooltip="above"
        className="tip-start flip-rtl"
        disabled={!onPrevious}
        onClick={onPrevious}
      />
      <span className="pager-count">{t('chat.pager.count', [String(index), String(total)])}</span>
      <IconButton
        label={t('chat.pager.next')}
        icon={<ChevronRightIcon />}
        tooltip="above"
        className="flip-rtl"
        disabled={!onNext}
        onClick={onNext}
      />
    </span>
  );
}

/** The pager of one message, wired to the list's actions. */
export function MessagePager({ pager, actions }: { pager: PagerInfo; actions: MessageActions }) {
  const { prevId, nextId } = pager;
  return (
    <VariantPager
      index={pager.index}
      total={pager.total}
      onPrevious={prevId ? () => actions.selectVariant(prevId) : undefined}
      onNext={nextId ? () => actions.selectVariant(nextId) : undefined}
    />
  );
}
