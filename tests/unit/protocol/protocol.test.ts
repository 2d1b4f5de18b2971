import { describe, expect, it } from 'vitest';
import {
  isOwnExtensionPage,
  parseBackgroundMessage,
  parsePanelMessage,
  parseRpcRequest,
} from '@/lib/protocol';

describe('parsePanelMessage', () => {
  it('accepts a well-formed send', () => {
    const send = {
      type: 'send',
      requestId: 'r',
      conversationId: null,
      parentId: null,
      text: 'hi',
      attachments: [],
    };
    expect(parsePanelMessage(send)).toEqual(send);
  });
  it.each([
    null,
    'send',
    { type: 'send' },
    {
      type: 'send',
      requestId: 1,
      conversationId: null,
      parentId: null,
      text: 'hi',
      attachments: [],
    },
    {
      type: 'send',
      requestId: 'r',
      conversationId: null,
      parentId: null,
      text: 'hi',
      attachments: [{ kind: 'evil' }],
    },
    { type: 'stop' },
    { type: 'salvage', messageId: 'm' },
    { type: 'set_key', key: 'sk-x' },
    { type: '__proto__' },
  ])('refuses %j', (value) => {
    expect(parsePanelMessage(value)).toBeNull();
  });
});

describe('parseBackgroundMessage', () => {
  it('accepts a delta and refuses a malformed one', () => {
    expect(
      parseBackgroundMessage({ type: 'delta', messageId: 'm', seq: 1, offset: 0, text: 'x' }),
    ).not.toBeNull();
    expect(
      parseBackgroundMessage({ type: 'delta', messageId: 'm', seq: -1, offset: 0, text: 'x' }),
    ).toBeNull();
    expect(parseBackgroundMessage({ type: 'html', html: '<img>' })).toBeNull();
  });
});

describe('parseRpcRequest', () => {
  it('keeps only known fields of save_settings', () => {
    const parsed = parseRpcRequest({
      type: 'save_settings',
      baseUrl: 'u',
      model: 'm',
      systemPrompt: '',
      extra: 1,
    });
    expect(parsed).toEqual({ type: 'save_settings', baseUrl: 'u', model: 'm', systemPrompt: '' });
  });
  it('refuses unknown requests', () => {
    expect(parseRpcRequest({ type: 'get_api_key' })).toBeNull();
  });
});

describe('isOwnExtensionPage', () => {
  const origin = 'chrome-extension://abc/';
  it('accepts this extension’s pages', () => {
    expect(
      isOwnExtensionPage(
        { id: 'abc', url: 'chrome-extension://abc/sidepanel.html' },
        'abc',
        origin,
      ),
    ).toBe(true);
  });
  it.each([
    [{ id: 'abc', url: 'https://evil.example/' }],
    [{ id: 'other', url: 'chrome-extension://other/page.html' }],
    [{ id: 'abc' }],
    [undefined],
  ])('refuses %j', (sender) => {
    expect(isOwnExtensionPage(sender, 'abc', origin)).toBe(false);
  });
});
