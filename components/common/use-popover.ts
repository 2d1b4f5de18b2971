import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useEscape } from './use-escape';

/**
 * What a button with a popup (a menu, the composer's attach popover) shares: opening moves focus
 * to the popup's first `focusFirst` element; Escape closes it and gives focus back to the button;
 * a pointer down anywhere else closes it and leaves focus where the pointer put it.
 */
export function usePopover(focusFirst: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const id = useId();

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);
  const closeAndRefocus = useCallback(() => close(true), [close]);
  useEscape(closeAndRefocus, open);

  useEffect(() => {
    if (!open) return;
    popup.current?.querySelector<HTMLElement>(focusFirst)?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popup.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open, close, focusFirst]);

  return { open, setOpen, close, button, popup, id };
}
