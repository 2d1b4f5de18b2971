// @vitest-environment happy-dom
// Settings' design pass (issue 16): "Sexual (minors)" offers no Ignore, "Remove saved key" asks
// first (Escape keeps it), the import is a labelled file input that names the chosen file, and
// the form focuses the field an error is about when it opens with nothing focused.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRef } from 'react';
import { SettingsForm } from '@/components/settings/settings-form';
import { ModerationFields } from '@/components/settings/moderation-fields';
import { FilePicker } from '@/components/settings/file-picker';
import { fieldNeedingAttention } from '@/components/settings/focus-field';
import { DEFAULT_MODERATION_SETTINGS } from '@/lib/model/moderation';
import type { ChatMessage } from '@/lib/model/types';
import type { PublicSettings, RpcRequest, RpcResponse } from '@/lib/protocol';

const initial: PublicSettings = {
  baseUrl: 'http://127.0.0.1:11434/v1',
  model: 'llama3.2',
  systemPrompt: '',
  firstTokenTimeoutMs: 600_000,
  moderation: DEFAULT_MODERATION_SETTINGS,
  hasApiKey: true,
  hasModerationKey: false,
  keyOrigins: ['http://127.0.0.1:11434'],
  moderationKeyOrigins: [],
  moderationUnsupported: false,
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const options = (select: HTMLElement) =>
  [...(select as HTMLSelectElement).options].map((o) => o.textContent);

describe('"Sexual (minors)" is at least Warn in the UI', () => {
  it('offers no Ignore for it, and shows a stored Ignore as Warn; other categories keep Ignore', () => {
    const onChange = vi.fn();
    render(
      <ModerationFields
        value={{ ...DEFAULT_MODERATION_SETTINGS, categoryOverrides: { 'sexual/minors': 'ignore' } }}
        onChange={onChange}
        unsupported={false}
        keyStatus={{ kind: 'none', host: null }}
        keyInput={createRef()}
      />,
    );
    const minors = screen.getByRole('combobox', { name: 'Sexual (minors)', hidden: true });
    expect(options(minors)).toEqual(['As above', 'Warn', 'Block']);
    expect((minors as HTMLSelectElement).value).toBe('warn');
    const sexual = screen.getByRole('combobox', { name: 'Sexual', hidden: true });
    expect(options(sexual)).toEqual(['As above', 'Ignore', 'Warn', 'Block']);
  });

  it('says under Moderation when the endpoint has no moderation endpoint', () => {
    render(
      <ModerationFields
        value={DEFAULT_MODERATION_SETTINGS}
        onChange={() => {}}
        unsupported
        keyStatus={{ kind: 'none', host: null }}
        keyInput={createRef()}
      />,
    );
    const mode = screen.getByRole('combobox', { name: 'Moderation' });
    const described = (mode.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('This endpoint has no moderation endpoint');
  });
});

function renderForm(focusField?: 'key' | 'model' | 'baseUrl') {
  const calls: RpcRequest[] = [];
  const call = async (request: RpcRequest): Promise<RpcResponse> => {
    calls.push(request);
    if (request.type === 'save_settings')
      return { type: 'settings', settings: { ...initial, hasApiKey: false, keyOrigins: [] } };
    return { type: 'rpc_error', message: 'not here' };
  };
  const onSaved = vi.fn();
  render(<SettingsForm initial={initial} call={call} onSaved={onSaved} focusField={focusField} />);
  return { calls, onSaved };
}

describe('"Remove saved key" asks first', () => {
  it('asks "Remove the saved key?"; Keep it and Escape keep the key and return focus', async () => {
    const { calls } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Remove saved key' }));
    const question = screen.getByRole('group', { name: 'Remove the saved key?' });
    expect(question).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }));

    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('group', { name: 'Remove the saved key?' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove saved key' }));

    fireEvent.click(screen.getByRole('button', { name: 'Remove saved key' }));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Remove the saved key?' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove saved key' }));
    expect(calls.filter((c) => c.type === 'save_settings')).toEqual([]);
  });

  it('Remove key removes it (an empty key to the worker)', async () => {
    const { calls, onSaved } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Remove saved key' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.filter((c) => c.type === 'save_settings')).toMatchObject([{ apiKey: '' }]);
  });
});

describe('the import is a styled, labelled file input', () => {
  it('is found by its label, says "No file chosen", then the chosen file\'s name', () => {
    const onFile = vi.fn();
    render(<FilePicker label="Import raw feedback (.jsonl)" accept=".jsonl" onFile={onFile} />);
    const input = screen.getByLabelText('Import raw feedback (.jsonl)') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.tabIndex).not.toBe(-1);
    expect(screen.getByText('No file chosen')).toBeTruthy();
    const file = new File(['{}\n'], 'my-feedback.jsonl', { type: 'application/jsonl' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onFile).toHaveBeenCalledWith(file);
    expect(screen.getByText('my-feedback.jsonl')).toBeTruthy();
    expect(screen.queryByText('No file chosen')).toBeNull();
  });
});

describe('Settings opened from an error focuses the field it is about', () => {
  const reply = (state: ChatMessage['state']) => ({ state });
  it.each([
    [reply({ kind: 'error', code: 'auth' }), initial, 'key'],
    [reply({ kind: 'error', code: 'no_key' }), initial, 'key'],
    [reply({ kind: 'error', code: 'model_not_found' }), initial, 'model'],
    [undefined, initial, 'baseUrl'],
    [
      undefined,
      { ...initial, baseUrl: 'https://api.openai.com/v1', hasApiKey: false, keyOrigins: [] },
      'key',
    ],
  ] as const)('%j → %s', (latest, settings, field) => {
    expect(fieldNeedingAttention(latest, settings)).toBe(field);
  });

  it('focuses the API key input when nothing has focus', () => {
    renderForm('key');
    expect(document.activeElement).toBe(screen.getByLabelText('API key'));
  });

  it('focuses Base URL for other errors', () => {
    renderForm('baseUrl');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Base URL' }));
  });

  it('leaves focus where it is when something already has it (the header button)', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    renderForm('key');
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});
