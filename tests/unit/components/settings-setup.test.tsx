// @vitest-environment happy-dom
// The settings form's setup that answers (issue 14, items 2 and 7), against a fake background:
// Save tests a new endpoint first and asks "Save anyway?" when it did not answer; an answer
// already known (Test connection, Load models, a server picked from Find local servers) is not
// asked again; an unchanged endpoint saves at once; nothing is probed until the click.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsForm } from '@/components/settings/settings-form';
import type { ConnectionVerdict } from '@/lib/model/local-servers';
import type { PublicSettings, RpcRequest, RpcResponse } from '@/lib/protocol';
import { DEFAULT_MODERATION_SETTINGS } from '@/lib/model/moderation';

const initial: PublicSettings = {
  baseUrl: 'http://127.0.0.1:11434/v1',
  model: 'llama3.2',
  systemPrompt: '',
  firstTokenTimeoutMs: 600_000,
  moderation: DEFAULT_MODERATION_SETTINGS,
  hasApiKey: false,
  hasModerationKey: false,
  keyOrigins: [],
  moderationKeyOrigins: [],
  moderationUnsupported: false,
};

let permissionRequests: string[][];
beforeEach(() => {
  permissionRequests = [];
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (p) => {
    permissionRequests.push(p.origins ?? []);
    return true;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup(verdict: ConnectionVerdict) {
  const calls: RpcRequest[] = [];
  const onSaved = vi.fn();
  const call = async (request: RpcRequest): Promise<RpcResponse> => {
    calls.push(request);
    switch (request.type) {
      case 'test_connection':
        return { type: 'connection', verdict };
      case 'save_settings':
        return { type: 'settings', settings: { ...initial, baseUrl: request.baseUrl } };
      case 'list_models':
        return { type: 'models', models: ['m1', 'm2'] };
      case 'find_local_servers':
        return {
          type: 'local_servers',
          servers: [
            {
              kind: 'llamacpp',
              baseUrl: 'http://127.0.0.1:8080/v1',
              status: 'models',
              models: ['qwen'],
            },
            { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', status: 'empty', models: [] },
          ],
        };
      default:
        return { type: 'rpc_error', message: 'not here' };
    }
  };
  render(<SettingsForm initial={initial} call={call} onSaved={onSaved} compact />);
  const of = (type: RpcRequest['type']) => calls.filter((c) => c.type === type);
  return { calls, of, onSaved };
}

const baseUrl = () => screen.getByRole('textbox', { name: 'Base URL' });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('Save asks before keeping an endpoint that did not answer', () => {
  it('tests a new endpoint, asks "Save anyway?", and saves on that second click', async () => {
    const { of, onSaved } = setup({ kind: 'unreachable' });
    fireEvent.change(baseUrl(), { target: { value: 'http://127.0.0.1:9999/v1' } });
    save();
    const ask = await screen.findByRole('alert');
    expect(ask.querySelector('p')?.textContent).toMatch(/^Not reachable.*Save anyway\?$/);
    expect(of('test_connection')).toEqual([
      { type: 'test_connection', baseUrl: 'http://127.0.0.1:9999/v1' },
    ]);
    expect(of('save_settings')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(of('save_settings')[0]).toMatchObject({ baseUrl: 'http://127.0.0.1:9999/v1' });
    // Not tested again for the insisted save.
    expect(of('test_connection')).toHaveLength(1);
  });

  it('saves a new endpoint that answers without asking', async () => {
    const { of, onSaved } = setup({ kind: 'ok', models: ['a'], keySent: false });
    fireEvent.change(baseUrl(), { target: { value: 'http://127.0.0.1:1234/v1' } });
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(of('test_connection')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Save anyway' })).toBeNull();
  });

  it('saves the endpoint already saved without testing it (only other fields changed)', async () => {
    const { of, onSaved } = setup({ kind: 'unreachable' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Model' }), {
      target: { value: 'other' },
    });
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(of('test_connection')).toHaveLength(0);
  });

  it('a typed key is a new endpoint to test; the key goes to the worker with the test', async () => {
    const { of } = setup({ kind: 'key_rejected', keySent: true });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'sk-typed' } });
    save();
    expect((await screen.findByRole('alert')).textContent).toMatch(/key rejected/);
    expect(of('test_connection')[0]).toMatchObject({ apiKey: 'sk-typed' });
  });

  it('a URL edited after the question asks no more until Save is pressed again', async () => {
    setup({ kind: 'timeout' });
    fireEvent.change(baseUrl(), { target: { value: 'http://127.0.0.1:9999/v1' } });
    save();
    await screen.findByRole('button', { name: 'Save anyway' });
    fireEvent.change(baseUrl(), { target: { value: 'http://127.0.0.1:10000/v1' } });
    expect(screen.queryByRole('button', { name: 'Save anyway' })).toBeNull();
  });
});

describe('Test connection', () => {
  it('shows the verdict in the status the button points to, and Save then asks at once', async () => {
    const { of } = setup({ kind: 'not_found' });
    fireEvent.change(baseUrl(), { target: { value: 'http://127.0.0.1:8080' } });
    const button = screen.getByRole('button', { name: 'Test connection' });
    fireEvent.click(button);
    const status = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(status?.getAttribute('role')).toBe('status');
    await waitFor(() => expect(status?.textContent).toMatch(/no model list there \(404\)/));
    expect(permissionRequests).toEqual([['http://127.0.0.1:8080/*']]);
    save();
    await screen.findByRole('button', { name: 'Save anyway' });
    // The verdict was known: Save did not test a second time.
    expect(of('test_connection')).toHaveLength(1);
  });

  it('a model list that loads counts as an answer for Save', async () => {
    const { of, onSaved } = setup({ kind: 'unreachable' });
    fireEvent.change(baseUrl(), { target: { value: 'http://127.0.0.1:1234/v1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load models' }));
    await screen.findByText('2 models available.');
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(of('test_connection')).toHaveLength(0);
  });
});

describe('Find local servers', () => {
  it('probes nothing until the click, asks for loopback from it, and one click fills the form', async () => {
    const { of, onSaved } = setup({ kind: 'unreachable' });
    expect(of('find_local_servers')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Find local servers' }));
    const list = await screen.findByRole('list', { name: 'Local servers' });
    expect(permissionRequests).toEqual([['http://127.0.0.1/*', 'http://localhost/*']]);
    expect(list.textContent).toContain('llama.cpp at 127.0.0.1:8080: 1 model');
    expect(list.textContent).toContain('ollama pull llama3.2');
    fireEvent.click(screen.getByRole('button', { name: 'Use llama.cpp at 127.0.0.1:8080' }));
    expect((baseUrl() as HTMLInputElement).value).toBe('http://127.0.0.1:8080/v1');
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe(
      'qwen',
    );
    // What the server answered counts: Save keeps it without another test.
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(of('test_connection')).toHaveLength(0);
  });
});
