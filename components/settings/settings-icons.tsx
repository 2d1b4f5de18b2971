/** Settings' own icons (issue 16): 24 viewBox drawn at 16 px, stroked in the text colour. */
import { iconBase } from '@/components/common/icons';

/** A tray with an arrow going into it: bring a file in. */
export function ImportIcon() {
  return (
    <svg {...iconBase}>
      <path d="M12 4v11" />
      <path d="m7.5 10.5 4.5 4.5 4.5-4.5" />
      <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
    </svg>
  );
}
