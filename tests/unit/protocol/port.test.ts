// Port "chat", both ways: for each message type a valid sample passes, and each of its fields (at any
// depth) removed, unless optional, or given a wrong type makes the message fail its guard.
import { describe, expect, it } from 'vitest';
import { parseBackgroundMessage, parsePanelMessage } from '@/lib/protocol';
import { edit, fieldPaths, named, wrongType } from './fields';

const attachment = {
  id: 'a1',
  kind: 'selection',
  text: 'const x = 1;',
  language: 'typescript',
  source: { url: 'https://a.example/f', title: 'A', topUrl: 'https://a.example/' },
  truncated: { kept: 10, total: 20 },
  hiddenTextRemoved: true,
  hiddenPassages: { count: 1, reasons: ['display-none'] },
  formattingLost: false,
};
const ATTACHMENT_OPTIONAL = [
  'language',
  'source.topUrl',
  'truncated',
  'hiddenTextRemoved',
  'hiddenPassages',
  'formattingLost',
];
const moderation = {
  flagged: true,
  categories: ['S1'],
  scores: {},
  checked: true,
  action: 'warn',
};
const message = {
  id: 'm1',
  conversationId: 'c1',
  parentId: null,
  role: 'user',
  content: 'hi',
  attachments: [attachment],
  state: { kind: 'complete' },
  model: 'gpt',
  usage: { promptTokens: 1, completionTokens: 2 },
  moderation,
  droppedTurns: 0,
  createdAt: 1,
  updatedAt: 2,
};

interface Case {
  sample: Record<string, unknown>;
  /** Field paths that may be left out. */
  optional?: string[];
}

const prefixed = (prefix: string, paths: string[]) => paths.map((p) => `${prefix}.${p}`);

const panelCases: Record<string, Case> = {
  send: {
    sample: {
      type: 'send',
      requestId: 'r1',
      conversationId: 'c1',
      parentId: 'm0',
      text: 'hi',
      attachments: [attachment],
    },
    optional: prefixed('attachments.0', ATTACHMENT_OPTIONAL),
  },
  regenerate: { sample: { type: 'regenerate', requestId: 'r1', userMessageId: 'm1' } },
  stop: { sample: { type: 'stop', messageId: 'm1', shownLength: 3 }, optional: ['shownLength'] },
  sync: { sample: { type: 'sync' } },
  salvage: { sample: { type: 'salvage', messageId: 'm1', content: 'partial' } },
  conversation_deleted: { sample: { type: 'conversation_deleted', conversationId: 'c1' } },
  capture_selection: {
    sample: { type: 'capture_selection', windowId: 7 },
    optional: ['windowId'],
  },
};

const MESSAGE_OPTIONAL = [
  'model',
  'usage',
  'usage.promptTokens',
  'usage.completionTokens',
  'moderation',
  'moderation.scores',
  'moderation.action',
  'droppedTurns',
  ...prefixed('attachments.0', ATTACHMENT_OPTIONAL),
];

const backgroundCases: Record<string, Case> = {
  started: {
    sample: {
      type: 'started',
      requestId: 'r1',
      conversationId: 'c1',
      messages: [message],
      assistantMessageId: 'm2',
    },
    optional: prefixed('messages.0', MESSAGE_OPTIONAL),
  },
  delta: { sample: { type: 'delta', messageId: 'm1', seq: 1, offset: 0, text: 'x' } },
  state: {
    sample: {
      type: 'state',
      messageId: 'm1',
      seq: 2,
      state: { kind: 'error', code: 'auth', detail: '401' },
      content: 'all of it',
    },
    optional: ['content', 'state.detail'],
  },
  snapshot: {
    sample: {
      type: 'snapshot',
      generations: [
        {
          messageId: 'm1',
          conversationId: 'c1',
          seq: 3,
          content: 'so far',
          state: { kind: 'streaming' },
        },
      ],
    },
  },
  request_failed: { sample: { type: 'request_failed', requestId: 'r1', message: 'No database.' } },
  storage_warning: { sample: { type: 'storage_warning', message: 'Disk full.' } },
  attachments: {
    sample: { type: 'attachments', attachments: [attachment], suggestedText: 'Explain' },
    optional: ['suggestedText', ...prefixed('attachments.0', ATTACHMENT_OPTIONAL)],
  },
  capture_failed: { sample: { type: 'capture_failed', message: 'Nothing selected.' } },
  moderation: {
    sample: { type: 'moderation', messageId: 'm1', moderation },
    optional: ['moderation.scores', 'moderation.action'],
  },
  title: { sample: { type: 'title', conversationId: 'c1', title: 'Greetings' } },
  context_trimmed: { sample: { type: 'context_trimmed', messageId: 'm1', dropped: 2 } },
  prompt_progress: {
    sample: {
      type: 'prompt_progress',
      messageId: 'm1',
      processed: 1200,
      total: 2560,
      cache: 0,
      timeMs: 14_000,
    },
  },
};

/** Every broken variant of a case: [description, value]. */
function broken({ sample, optional = [] }: Case): [string, unknown][] {
  return fieldPaths(sample).flatMap((path): [string, unknown][] => {
    const name = named(path);
    const wrong: [string, unknown] = [`${name} of a wrong type`, edit(sample, path, wrongType)];
    // An array item cannot be "left out" (that is a shorter array), only be wrong.
    const leaveOut = typeof path.at(-1) === 'number' || optional.includes(name);
    return leaveOut ? [wrong] : [[`${name} left out`, edit(sample, path, () => undefined)], wrong];
  });
}

describe.each([
  ['parsePanelMessage', parsePanelMessage, panelCases],
  ['parseBackgroundMessage', parseBackgroundMessage, backgroundCases],
] as const)('%s', (_name, parse, cases) => {
  describe.each(Object.entries(cases))('%s', (_type, testCase) => {
    it('accepts a valid sample', () => {
      expect(parse(testCase.sample)).toEqual(testCase.sample);
    });
    it.each(
      (testCase.optional ?? []).map((path) => [
        path,
        edit(testCase.sample, path.split('.'), () => undefined),
      ]),
    )('accepts it without the optional %s', (_path, value) => {
      expect(parse(value)).not.toBeNull();
    });
    const variants = broken(testCase);
    it.each(variants)('refuses it with %s', (_label, value) => {
      expect(parse(value)).toBeNull();
    });
  });

  it('refuses an unknown or inherited type', () => {
    expect(parse({ type: 'html', html: '<img>' })).toBeNull();
    expect(parse({ type: 'toString' })).toBeNull();
    expect(parse({ type: '__proto__' })).toBeNull();
  });
});

describe('state events check the state against its kind', () => {
  const stateEvent = (state: unknown) => ({ type: 'state', messageId: 'm1', seq: 1, state });
  it.each([
    [{ kind: 'pending' }],
    [{ kind: 'streaming' }],
    [{ kind: 'complete' }],
    [{ kind: 'stopped' }],
    [{ kind: 'interrupted', reason: 'stalled' }],
    [{ kind: 'error', code: 'auth' }],
    [{ kind: 'blocked', categories: ['S1'] }],
  ])('accepts %j', (state) => {
    expect(parseBackgroundMessage(stateEvent(state))).not.toBeNull();
  });
  it.each([
    [{ kind: 'exploded' }],
    [{ kind: 'constructor' }],
    [{}],
    [{ kind: 'interrupted' }],
    [{ kind: 'error' }],
    [{ kind: 'error', code: 'auth', detail: 5 }],
    [{ kind: 'blocked' }],
    [{ kind: 'blocked', categories: [1] }],
    ['complete'],
  ])('refuses %j', (state) => {
    expect(parseBackgroundMessage(stateEvent(state))).toBeNull();
  });
});

describe('numbers that must be counts', () => {
  it.each([
    [{ type: 'delta', messageId: 'm1', seq: -1, offset: 0, text: 'x' }],
    [{ type: 'delta', messageId: 'm1', seq: 1, offset: 0.5, text: 'x' }],
    [{ type: 'delta', messageId: 'm1', seq: Number.NaN, offset: 0, text: 'x' }],
    [{ type: 'context_trimmed', messageId: 'm1', dropped: -2 }],
  ])('refuses %j', (event) => {
    expect(parseBackgroundMessage(event)).toBeNull();
  });
  it('refuses a stop whose shownLength is not a count', () => {
    expect(parsePanelMessage({ type: 'stop', messageId: 'm1', shownLength: -1 })).toBeNull();
  });
});
