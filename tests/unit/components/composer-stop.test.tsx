// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerProps } from '@/components/chat/composer';

afterEach(cleanup);

function setup() {
  const onStop = vi.fn();
  const props: ComposerProps = {
    text: 'hello',
    onTextChange: () => undefined,
    hasAttachments: false,
    busy: false,
    canSend: true,
    onSend: () => undefined,
    onStop,
  };
  const view = render(<Composer {...props} />);
  const busy = (value: boolean) => view.rerender(<Composer {...props} busy={value} />);
  return { onStop, busy };
}

describe('Send, then Stop in the same spot', () => {
  it('the second click of a double-click on Send does not stop the reply', () => {
    const { onStop, busy } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }), { detail: 1 });
    busy(true);
    fireEvent.click(screen.getByRole('button', { name: 'Stop generating' }), { detail: 2 });
    expect(onStop).not.toHaveBeenCalled();
  });

  it('a click on Stop after a send by Enter stops at once', () => {
    const { onStop, busy } = setup();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'Enter' });
    busy(true);
    fireEvent.click(screen.getByRole('button', { name: 'Stop generating' }), { detail: 1 });
    expect(onStop).toHaveBeenCalledTimes(1);
  });
});
