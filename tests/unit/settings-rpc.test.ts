import { describe, expect, it } from 'vitest';
import { parseRpcRequest } from '@/lib/protocol';

// The "Use my key for <host>" confirmation crosses from the panel: validated where it arrives.
describe('settings requests carry the key confirmation only as an origin string', () => {
  const save = { type: 'save_settings', baseUrl: 'http://b', model: 'm', systemPrompt: '' };
  it('keeps a string reuseKeyFrom on save_settings and list_models', () => {
    expect(parseRpcRequest({ ...save, reuseKeyFrom: 'https://a.example' })).toMatchObject({
      reuseKeyFrom: 'https://a.example',
    });
    expect(
      parseRpcRequest({ type: 'list_models', baseUrl: 'http://b', reuseKeyFrom: 'https://a' }),
    ).toEqual({ type: 'list_models', baseUrl: 'http://b', reuseKeyFrom: 'https://a' });
    expect(parseRpcRequest(save)).not.toHaveProperty('reuseKeyFrom');
  });
  it('refuses a request whose reuseKeyFrom is not a string', () => {
    expect(parseRpcRequest({ ...save, reuseKeyFrom: ['https://a'] })).toBeNull();
    expect(
      parseRpcRequest({ type: 'list_models', baseUrl: 'http://b', reuseKeyFrom: 1 }),
    ).toBeNull();
  });
});
