// @vitest-environment happy-dom
/**
 * The Conversations drawer with 20,000 conversations renders a window of rows, keeps its landmark,
 * search box and group regions, and moves between rows with the keyboard (issue 12, item 4).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConversationDrawer, type DrawerData } from '@/components/drawer/conversation-drawer';
import type { Conversation } from '@/lib/model/types';

afterEach(() => cleanup());

const now = Date.now();
const conversations: Conversation[] = Array.from({ length: 20_000 }, (_, i) => ({
  id: `c${i}`,
  title: `Chat ${i}`,
  createdAt: now - i * 60_000,
  updatedAt: now - i * 60_000,
  model: 'm',
  systemPrompt: '',
  currentLeafId: null,
  ...(i === 5 ? { pinned: true } : {}),
}));
const data: DrawerData = {
  list: async () => conversations,
  messages: async () => [],
  rename: async () => undefined,
  pin: async () => undefined,
};

function renderDrawer() {
  return render(
    <ConversationDrawer
      data={data}
      currentId={null}
      version={0}
      onOpen={() => undefined}
      onDelete={() => undefined}
      pendingDeletes={[]}
      onImported={() => undefined}
    />,
  );
}

describe('windowed drawer', () => {
  it('renders a window of rows with the landmark, search box and group regions', async () => {
    renderDrawer();
    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    await within(nav).findByRole('button', { name: /^Chat 0/ });
    expect(within(nav).getByRole('searchbox', { name: 'Search conversations' })).toBeTruthy();
    expect(within(nav).getByRole('region', { name: 'Pinned' })).toBeTruthy();
    expect(within(nav).getByRole('region', { name: 'Today' })).toBeTruthy();
    expect(nav.querySelectorAll('li').length).toBeLessThan(100);
    const first = nav.querySelector('li[data-window-kind="row"]');
    expect(first?.getAttribute('aria-setsize')).toBe('1');
  });

  it('Down from the search box enters the list; End reaches the last row, Home the first', async () => {
    renderDrawer();
    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    await within(nav).findByRole('button', { name: /^Chat 0/ });
    fireEvent.keyDown(within(nav).getByRole('searchbox'), { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toMatch(/^Chat 5/);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toMatch(/^Chat 0/);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Chat 19999/));
    expect(nav.querySelectorAll('li').length).toBeLessThan(100);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Chat 5/));
  });
});
