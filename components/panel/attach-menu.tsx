/**
 * The composer's attach button and its popover. Not a `menu`: its entries stay buttons with the
 * names tests and DESIGN §6 use ("Add page selection"). Escape or a click elsewhere closes it;
 * Escape gives the focus back to the button.
 */
import { t } from '@/components/common/i18n';
import { IconButton } from '@/components/common/icon-button';
import { usePopover } from '@/components/common/use-popover';
import { PlusIcon, SelectionIcon } from './panel-icons';
import { useChat } from './store-context';

export function AttachMenu() {
  const capture = useChat((s) => s.captureSelection);
  const { open, setOpen, close, button, popup: box, id } = usePopover('button');

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
