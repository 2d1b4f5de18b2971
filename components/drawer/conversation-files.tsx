/** Export all conversations (JSON, the whole tree) and import such a file (merged, never duplicated). */
import { FormStatus, type Status } from '@/components/common/form-status';
import { useId, useState } from 'react';
import { t } from '@/components/common/i18n';
import { toJsonExport, type ConversationBundle } from '@/lib/export/conversation';
import { parseConversationsFileInSteps } from '@/lib/export/conversation-import';
import { conversationImportSummary, importProgressText, plural } from '@/lib/export/import-summary';
import { downloadText } from '@/components/common/download';

/** What export all and import need from storage (the panel's PanelData gives it). */
export interface ConversationFilesData {
  /** Every visible conversation with its messages, oldest first. */
  loadBundles(): Promise<ConversationBundle[]>;
  /** Adds what is new, by id, in batches; `onProgress` after each stored batch. */
  importBundles(
    bundles: ConversationBundle[],
    options: { onProgress?: (done: number, total: number) => void },
  ): Promise<{ conversations: number; messages: number }>;
}

export function ConversationFiles({
  data,
  onImported,
}: {
  data: ConversationFilesData;
  onImported: () => void;
}) {
  const ids = useId();
  const [status, setStatus] = useState<Status | null>(null);
  // One import at a time: a second file chosen mid-import would interleave its batches.
  const [busy, setBusy] = useState(false);

  const exportAll = async () => {
    try {
      const bundles = await data.loadBundles();
      downloadText(
        `parley-conversations-${new Date().toISOString().slice(0, 10)}.json`,
        toJsonExport(bundles),
        'application/json',
      );
      setStatus({ kind: 'ok', text: t('drawer.files.exported', bundles.length) });
    } catch {
      setStatus({ kind: 'error', text: t('drawer.files.exportFailed') });
    }
  };

  const importText = async (text: string) => {
    const parsed = await parseConversationsFileInSteps(text, {
      onProgress: (done, total) =>
        setStatus({
          kind: 'busy',
          text: t('drawer.files.checking', [done.toLocaleString('en'), total.toLocaleString('en')]),
        }),
    });
    if (!parsed.ok) {
      setStatus({ kind: 'error', text: parsed.error });
      return;
    }
    const { bundles, skipped } = parsed;
    let done = 0;
    setStatus({ kind: 'busy', text: importProgressText(0, bundles.length) });
    try {
      const added = await data.importBundles(bundles, {
        onProgress: (d, total) => {
          done = d;
          setStatus({ kind: 'busy', text: importProgressText(d, total) });
        },
      });
      const valid = {
        conversations: bundles.length,
        messages: bundles.reduce((n, b) => n + b.messages.length, 0),
      };
      setStatus({ kind: 'ok', text: conversationImportSummary(added, valid, skipped) });
    } catch {
      setStatus({
        kind: 'error',
        text:
          done === 0
            ? t('drawer.files.notSaved')
            : `The import stopped after ${done.toLocaleString('en')} of ${plural(bundles.length, 'conversation')}: browser storage refused the rest. Importing the file again adds only what is missing.`,
      });
    }
    // Batches already stored are in the list even when a later one failed.
    if (done > 0) onImported();
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file || busy) return;
    setBusy(true);
    setStatus({ kind: 'busy', text: t('drawer.files.reading') });
    try {
      await importText(await file.text());
    } catch {
      setStatus({ kind: 'error', text: t('drawer.files.unreadable') });
    } finally {
      setBusy(false);
      // Choosing the same file again (after fixing it, or to retry) fires a change again.
      input.value = '';
    }
  };

  return (
    <div className="drawer-files">
      <button type="button" className="button small" onClick={() => void exportAll()}>
        {t('drawer.files.exportAll')}
      </button>
      <label htmlFor={`${ids}-import`} className="button small">
        {t('drawer.files.import')}
      </label>
      <input
        id={`${ids}-import`}
        className="sr-only"
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(e) => void importFile(e.currentTarget)}
      />
      <FormStatus status={status} />
    </div>
  );
}
