/** The drawer's icons (issue 16): 24 viewBox at 16 px, stroked in currentColor. */
import { iconBase } from '@/components/common/icons';

/** Rename: a pencil. */
export function PencilIcon() {
  return (
    <svg {...iconBase}>
      <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L8 18l-4 1 1-4z" />
    </svg>
  );
}

/** Pin / Unpin: a pushpin. */
export function PinIcon() {
  return (
    <svg {...iconBase}>
      <path d="M9 4h6M10 4v6l-3 4h10l-3-4V4M12 14v7" />
    </svg>
  );
}
