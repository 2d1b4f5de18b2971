import { ChevronLeftIcon, ChevronRightIcon } from '@/components/common/icons';
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
      <button
        type="button"
        className="button ghost icon"
        aria-label="Previous response"
        disabled={!onPrevious}
        onClick={onPrevious}
      >
        <ChevronLeftIcon />
      </button>
      <span className="pager-count">
        {index} / {total}
      </span>
      <button
        type="button"
        className="button ghost icon"
        aria-label="Next response"
        disabled={!onNext}
        onClick={onNext}
      >
        <ChevronRightIcon />
      </button>
    </span>
  );
}
