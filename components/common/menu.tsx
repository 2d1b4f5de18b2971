import { useState, type ReactNode } from 'react';
import { IconButton } from './icon-button';
import { usePopover } from './use-popover';

/** One entry of a {@link MenuButton}'s menu. */
export interface MenuItem {
  /** The menuitem's name (DESIGN §6 names stay exactly as written there). */
  label: string;
  onSelect: () => void;
  icon?: ReactNode;
  danger?: boolean;
  disabled?: boolean;
}

/**
 * An icon button that opens a menu of rare actions (WAI-ARIA menu button): arrows, Home and End
 * move between items, Escape and Tab close it, Escape gives focus back to the button. It opens
 * upwards when there is no room below, so a menu under the last reply stays on screen.
 */
export function MenuButton({
  label,
  icon,
  items,
  className,
  tooltip,
}: {
  label: string;
  icon: ReactNode;
  items: MenuItem[];
  className?: string;
  tooltip?: 'below' | 'above';
}) {
  const {
    open,
    setOpen,
    close,
    button,
    popup: menu,
    id,
  } = usePopover('[role="menuitem"]:not(:disabled)');
  const [upwards, setUpwards] = useState(false);

  const toggle = () => {
    if (!open && button.current) {
      const rect = button.current.getBoundingClientRect();
      // Room for about five items below, or open upwards.
      setUpwards(window.innerHeight - rect.bottom < 220 && rect.top > window.innerHeight / 2);
    }
    setOpen((was) => !was);
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const entries = [
      ...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []),
    ];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      entries[(to + entries.length) % entries.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entries.length - 1);
    else if (event.key === 'Tab') close(false);
  };

  return (
    <span className={`menu-anchor${className ? ` ${className}` : ''}`}>
      <IconButton
        ref={button}
        label={label}
        icon={icon}
        tooltip={tooltip}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={toggle}
      />
      {open && (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label={label}
          className={`menu${upwards ? ' menu-up' : ''}`}
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={`menu-item${item.danger ? ' menu-item-danger' : ''}`}
              disabled={item.disabled}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
            >
              {item.icon}
              <span>{item.label}</span>
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
