/**
 * The frame's icons (issue 16): drawn here, 24 viewBox at 16 px, stroked in currentColor like
 * components/common/icons.tsx, so they follow the theme and need no icon font.
 */
import { iconBase } from '@/components/common/icons';

/** Conversations: a list beside a rail, the history's shape. */
export function HistoryIcon() {
  return (
    <svg {...iconBase}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M9 4v16M13 9h4M13 13h4" />
    </svg>
  );
}

/** New chat: a pencil over a page. */
export function NewChatIcon() {
  return (
    <svg {...iconBase}>
      <path d="M12 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-6" />
      <path d="M17.5 3.5a2.1 2.1 0 0 1 3 3L13 14l-4 1 1-4z" />
    </svg>
  );
}

/** Settings: sliders (a gear reads poorly at 16 px). */
export function SettingsIcon() {
  return (
    <svg {...iconBase}>
      <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </svg>
  );
}

/** Send: an arrow up, out of the box (no direction to mirror). */
export function SendIcon() {
  return (
    <svg {...iconBase}>
      <path d="M12 19V5M5 12l7-7 7 7" />
    </svg>
  );
}

/** Stop generating: a square. */
export function StopIcon() {
  return (
    <svg {...iconBase} fill="currentColor">
      <rect x="6" y="6" width="12" height="12" rx="2" />
    </svg>
  );
}

/** Add context: a plus. */
export function PlusIcon() {
  return (
    <svg {...iconBase}>
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

/** Attach this page: a page with a folded corner. */
export function PageIcon() {
  return (
    <svg {...iconBase}>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5M9 13h6M9 17h4" />
    </svg>
  );
}

/** Add page selection: a text cursor between brackets. */
export function SelectionIcon() {
  return (
    <svg {...iconBase}>
      <path d="M8 4H6a2 2 0 0 0-2 2v2M16 4h2a2 2 0 0 1 2 2v2M8 20H6a2 2 0 0 1-2-2v-2M16 20h2a2 2 0 0 0 2-2v-2M12 8v8M10 8h4M10 16h4" />
    </svg>
  );
}

/** Export: an arrow down onto a tray. */
export function DownloadIcon() {
  return (
    <svg {...iconBase}>
      <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
    </svg>
  );
}

/** Chat settings: a sliders-in-a-bubble shape. */
export function TuneIcon() {
  return (
    <svg {...iconBase}>
      <path d="M4 5h16v11H9l-5 4z" />
      <path d="M8 9h8M8 12h5" />
    </svg>
  );
}
