/**
 * The Origin rule for local servers (issue 14): which base URLs count as local, and the session
 * rule's exact shape: Parley's own requests only, to that host and port only.
 */
import { describe, expect, it } from 'vitest';
import {
  buildOriginRule,
  buildOriginRules,
  isLocalBaseUrl,
  ORIGIN_RULE_ID,
  ORIGIN_RULE_IDS,
  PROBE_RULE_IDS,
} from '@/lib/llm/origin-rule';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('isLocalBaseUrl', () => {
  it.each([
    'http://localhost:11434/v1',
    'http://LOCALHOST:1234/v1',
    'http://ollama.localhost/v1',
    'http://127.0.0.1:11434/v1',
    'http://127.1.2.3:8080',
    'http://[::1]:11434/v1',
    'http://0.0.0.0:11434/v1',
    'http://192.168.1.20:11434/v1',
    'http://10.0.0.5:8000/v1',
    'http://172.16.0.1/v1',
    'http://172.31.255.255/v1',
    'http://169.254.1.1/v1',
    'http://gpu-box.local:11434/v1',
    'https://[fd12:3456::1]:8443/v1',
    'http://[fe80::1]/v1',
  ])('%s is local', (url) => {
    expect(isLocalBaseUrl(url)).toBe(true);
  });

  it.each([
    'https://api.openai.com/v1',
    'https://openrouter.ai/api/v1',
    'http://172.32.0.1/v1',
    'http://172.15.0.1/v1',
    'http://192.169.1.1/v1',
    'http://8.8.8.8/v1',
    'http://127.0.0.1.nip.io/v1',
    'http://localhost.evil.com/v1',
    'http://local/v1',
    'http://[2001:db8::1]/v1',
    'ftp://127.0.0.1/v1',
    'not a url',
    '',
  ])('%s is not local', (url) => {
    expect(isLocalBaseUrl(url)).toBe(false);
  });
});

describe('buildOriginRule', () => {
  it('removes Origin from this extension’s requests to that host and port only', () => {
    expect(buildOriginRule('http://127.0.0.1:11434/v1', ID)).toEqual({
      id: ORIGIN_RULE_ID,
      priority: 1,
      action: {
        type: 'modifyHeaders',
        requestHeaders: [{ header: 'origin', operation: 'remove' }],
      },
      condition: {
        urlFilter: '|http://127.0.0.1:11434/',
        initiatorDomains: [ID],
        resourceTypes: ['xmlhttprequest'],
      },
    });
  });

  it('anchors on the origin with its slash, so another port never matches', () => {
    const filter = buildOriginRule('http://localhost:1/v1', ID)?.condition.urlFilter;
    // `|` anchors the start; the trailing slash keeps :1 from matching :11434.
    expect(filter).toBe('|http://localhost:1/');
  });

  it('keeps the default port out of the filter as URL.origin writes it', () => {
    expect(buildOriginRule('http://localhost/v1', ID)?.condition.urlFilter).toBe(
      '|http://localhost/',
    );
    expect(buildOriginRule('http://[::1]:11434/v1', ID)?.condition.urlFilter).toBe(
      '|http://[::1]:11434/',
    );
  });

  it('makes no rule for a remote endpoint or without the extension’s host', () => {
    expect(buildOriginRule('https://api.openai.com/v1', ID)).toBeNull();
    expect(buildOriginRule('http://127.0.0.1:11434/v1', '')).toBeNull();
  });
});

describe('buildOriginRules', () => {
  it('one rule per distinct local origin, chat first, ids from the reserved pair', () => {
    const rules = buildOriginRules(['http://127.0.0.1:11434/v1', 'http://127.0.0.1:8080/v1'], ID);
    expect(rules.map((r) => [r.id, r.condition.urlFilter])).toEqual([
      [ORIGIN_RULE_IDS[0], '|http://127.0.0.1:11434/'],
      [ORIGIN_RULE_IDS[1], '|http://127.0.0.1:8080/'],
    ]);
  });

  it('moderation on the same origin or a remote one adds nothing', () => {
    expect(
      buildOriginRules(['http://localhost:11434/v1', 'http://localhost:11434/other'], ID),
    ).toHaveLength(1);
    expect(
      buildOriginRules(['http://localhost:11434/v1', 'https://api.openai.com/v1'], ID),
    ).toHaveLength(1);
    expect(
      buildOriginRules(['https://api.openai.com/v1', 'https://api.openai.com/v1'], ID),
    ).toEqual([]);
  });
});

describe('probe rules', () => {
  it('take their own ids, as many as there are, one per local origin', () => {
    const urls = Array.from({ length: 20 }, (_, i) => `http://127.0.0.1:${8000 + i}/v1`);
    const rules = buildOriginRules(['https://api.openai.com/v1', ...urls], ID, PROBE_RULE_IDS);
    expect(rules.map((r) => r.id)).toEqual(PROBE_RULE_IDS);
    expect(rules[0]?.condition.urlFilter).toBe('|http://127.0.0.1:8000/');
    expect(PROBE_RULE_IDS.some((id) => ORIGIN_RULE_IDS.includes(id))).toBe(false);
  });
});
