/**
 * The composer's attach button and its popover. Not a `menu`: its entries stay buttons with the
 * names tests and DESIGN §6 use ("Add page selection"). Escape or a click elsewhere closes it;
 * Escape gives the focus back to the button.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { t } from '@/components/common/i18n';
import { IconButton } from '@/components/common/icon-button';
import { useEscape } from '@/components/common/use-escape';
import { PlusIcon, SelectionIcon } from './panel-icons';
import { useChat } from './store-context';

export function AttachMenu() {
  const capture = useChat((s) => s.captureSelection);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);
  const closeAndRefocus = useCallback(() => close(true), [close]);
  useEscape(closeAndRefocus, open);

  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLElement>('button')?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!box.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open, close]);

  return (
    <span className="attach-anchor">
      <IconButton
        ref={button}
        className="tip-start"
        tooltip="above"
        label={t('panel.composer.attach')}
        icon={<PlusIcon />}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((was) => !was)}
      />
      {open ? (
        <div ref={box} id={id} className="popover attach-popover">
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              close(true);
              capture();
            }}
          >
            <SelectionIcon />
            <span>{t('panel.composer.addSelection')}</span>
          </button>
        </div>
      ) : null}
    </span>
  );
}
