import type { ComponentPropsWithRef, ReactNode } from 'react';
import './controls.css';

/**
 * An icon-only button: the DESIGN §6 name is its `aria-label` and its tooltip, shown on hover and
 * on keyboard focus (a `title` alone never shows for keyboard users). The tooltip is decoration
 * for sighted users, hidden from the accessibility tree so the name is read once.
 */
export function IconButton({
  label,
  icon,
  tooltip = 'below',
  className,
  children,
  ...rest
}: Omit<ComponentPropsWithRef<'button'>, 'aria-label'> & {
  label: string;
  icon: ReactNode;
  /** Where the tooltip opens: below (headers), above (composer, reply actions). */
  tooltip?: 'below' | 'above';
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      {...rest}
      aria-label={label}
      className={`icon-btn${className ? ` ${className}` : ''}`}
      data-tooltip-side={tooltip}
    >
      {icon}
      {children}
      <span className="icon-btn-tip" aria-hidden="true">
        {label}
      </span>
    </button>
  );
}
