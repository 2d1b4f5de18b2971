import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadMessages, messageGetter } from '../support/i18n-messages';
import { loadNotices, localizeNotice } from '@/components/notices/localize';
import { notice } from '@/lib/model/notices';
import { describeHidden } from '@/lib/selection/to-attachment';
import { ERROR_MESSAGES } from '@/lib/llm/errors';
import { describeVerdict } from '@/lib/llm/server-advice';
import { conversationImportSummary } from '@/lib/export/import-summary';
import { SAMPLE } from './samples';

// The German messages are in place before the matcher (loaded as the panel loads it).
beforeAll(async () => {
  fakeBrowser.i18n.getMessage = messageGetter(await loadMessages('de'));
  await loadNotices();
});

describe('localizeNotice in German', () => {
  it('translates a sentence, and several joined with a space', () => {
    expect(localizeNotice(ERROR_MESSAGES.no_key)).toBe(
      'Fügen Sie in den Einstellungen einen API-Schlüssel hinzu, um zu chatten.',
    );
    expect(localizeNotice(`${ERROR_MESSAGES.bad_request} ${notice('selectionEmpty')}`)).toBe(
      'Der Server hat die Anfrage abgelehnt. Markieren Sie zuerst etwas Text.',
    );
  });

  it('puts the params in place, translating the parts among them', () => {
    const ok = describeVerdict({ kind: 'ok', models: ['a', 'b', 'c'], keySent: true }, '');
    expect(localizeNotice(ok.text)).toBe('Erreichbar · Schlüssel akzeptiert · 3 Modelle.');
    expect(localizeNotice(notice('verdictServerError', 503))).toBe(
      'Erreichbar, aber der Server hat mit einem Fehler geantwortet (HTTP 503). Versuchen Sie es gleich noch einmal.',
    );
    const hidden = describeHidden({
      hiddenPassages: { count: 3, reasons: ['off-screen', 'clipped'] },
    });
    expect(hidden).toBe('Removed 3 hidden passages (off-screen, clipped).');
    expect(localizeNotice(hidden ?? '')).toBe(
      '3 versteckte Passagen entfernt (außerhalb des Bildschirms, abgeschnitten).',
    );
  });

  it('keeps text params as they came, regex metacharacters included', () => {
    expect(localizeNotice(notice('headerReserved', SAMPLE.text))).toBe(
      `${SAMPLE.text} setzt Parley oder der Browser selbst; es kann kein eigener Header sein.`,
    );
  });

  it('translates an import summary clause by clause, the title kept', () => {
    const text = conversationImportSummary(
      { conversations: 2, messages: 1 },
      { conversations: 3, messages: 1 },
      {
        conversations: 0,
        messages: 1,
        hint: notice('issueIn', 'message.role is missing', 'Q (1+1)?'),
      },
    );
    expect(text).toBe(
      'Imported 2 conversations and 1 message; the rest were already here; skipped 1 message that was not valid (first problem: message.role is missing (in “Q (1+1)?”)).',
    );
    expect(localizeNotice(text)).toBe(
      'Importiert: 2 Unterhaltungen und 1 Nachricht; der Rest war schon vorhanden; 1 Nachricht als ungültig übersprungen (erstes Problem: message.role fehlt (in „Q (1+1)?“)).',
    );
  });

  it('returns a server’s text unchanged', () => {
    for (const text of ['Invalid model: llama-9', 'Error at line 5: no models', '3 models'])
      expect(localizeNotice(text)).toBe(text);
  });
});
