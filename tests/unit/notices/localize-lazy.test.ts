import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadMessages, messageGetter } from '../support/i18n-messages';
import { loadNotices, localizeNotice } from '@/components/notices/localize';
import { ERROR_MESSAGES } from '@/lib/llm/errors';

beforeAll(async () => {
  fakeBrowser.i18n.getMessage = messageGetter(await loadMessages('de'));
});

describe('localizeNotice before its matcher has loaded', () => {
  it('keeps the text as it is, starts the load, and translates once it is in', async () => {
    expect(localizeNotice(ERROR_MESSAGES.no_key)).toBe(ERROR_MESSAGES.no_key);
    await loadNotices();
    expect(localizeNotice(ERROR_MESSAGES.no_key)).toBe(
      'Fügen Sie in den Einstellungen einen API-Schlüssel hinzu, um zu chatten.',
    );
  });
});
