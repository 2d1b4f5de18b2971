// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { MenuButton } from '@/components/common/menu';
import { IconButton } from '@/components/common/icon-button';
import { useEscape } from '@/components/common/use-escape';

afterEach(cleanup);

const items = (onExport: () => void) => [
  { label: 'Chat settings', onSelect: vi.fn() },
  { label: 'Export JSON', onSelect: onExport },
  { label: 'Delete chat', onSelect: vi.fn(), danger: true },
];

describe('IconButton', () => {
  it('is named by its label and shows it as a tooltip hidden from the accessibility tree', () => {
    render(<IconButton label="Copy" icon={<svg />} />);
    const button = screen.getByRole('button', { name: 'Copy' });
    const tip = button.querySelector('.icon-btn-tip');
    expect(tip?.textContent).toBe('Copy');
    expect(tip?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('MenuButton', () => {
  it('opens on click with focus on the first item; arrows move; Escape closes and refocuses', () => {
    render(<MenuButton label="More actions" icon={<svg />} items={items(vi.fn())} />);
    const button = screen.getByRole('button', { name: 'More actions' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const entries = screen.getAllByRole('menuitem');
    expect(entries.map((e) => e.textContent)).toEqual([
      'Chat settings',
      'Export JSON',
      'Delete chat',
    ]);
    expect(document.activeElement).toBe(entries[0]);
    fireEvent.keyDown(entries[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(entries[1]);
    fireEvent.keyDown(entries[1]!, { key: 'ArrowUp' });
    fireEvent.keyDown(entries[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(entries[2]);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('runs the chosen item once and closes', () => {
    const onExport = vi.fn();
    render(<MenuButton label="More actions" icon={<svg />} items={items(onExport)} />);
    fireEvent.click(screen.getByRole('button', { name: 'More actions' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Export JSON' }));
    expect(onExport).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes when the pointer goes down outside it', () => {
    render(
      <div>
        <MenuButton label="More actions" icon={<svg />} items={items(vi.fn())} />
        <p>outside</p>
      </div>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'More actions' }));
    fireEvent.pointerDown(screen.getByText('outside'));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('useEscape', () => {
  function Surface({ name, onClose }: { name: string; onClose: (name: string) => void }) {
    useEscape(() => onClose(name));
    return <p>{name}</p>;
  }
  function Nested({ onClose }: { onClose: (name: string) => void }) {
    const [inner, setInner] = useState(true);
    return (
      <>
        <Surface name="outer" onClose={onClose} />
        {inner && (
          <Surface
            name="inner"
            onClose={(name) => {
              onClose(name);
              setInner(false);
            }}
          />
        )}
      </>
    );
  }

  it('closes only the innermost open surface per Escape', () => {
    const closed: string[] = [];
    render(<Nested onClose={(name) => closed.push(name)} />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(closed).toEqual(['inner']);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(closed).toEqual(['inner', 'outer']);
  });
});
