import { useEffect } from 'react';

/**
 * Closes a surface (drawer, dialog, form, menu) on Escape. Listens on the document in the capture
 * phase so the innermost open surface, registered last, wins: it stops the event before an outer
 * surface's handler sees it.
 */
export function useEscape(onEscape: () => void, active = true): void {
  useEffect(() => {
    if (!active) return;
    const handler = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      onEscape();
    };
    stack.push(handler);
    const listener = (event: KeyboardEvent) => {
      if (stack[stack.length - 1] === handler) handler(event);
    };
    document.addEventListener('keydown', listener, true);
    return () => {
      document.removeEventListener('keydown', listener, true);
      stack.splice(stack.indexOf(handler), 1);
    };
  }, [onEscape, active]);
}

// The open surfaces, innermost last: only the innermost one closes on one Escape.
const stack: ((event: KeyboardEvent) => void)[] = [];
