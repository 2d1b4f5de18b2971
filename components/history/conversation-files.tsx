/** Export all conversations (JSON, the whole tree) and import such a file (merged, never duplicated). */
import { FormStatus, type Status } from '@/components/common/form-status';
import { useId, useState } from 'react';
import { getDb } from '@/lib/db/schema';
import { importBundles, loadBundles } from '@/lib/db/history';
import { parseConversationsFile, toJsonExport } from '@/lib/export/conversation';
import { downloadText } from '@/components/common/download';

export function ConversationFiles({ onImported }: { onImported: () => void }) {
  const ids = useId();
  const [status, setStatus] = useState<Status | null>(null);

  const exportAll = async () => {
    try {
      const bundles = await loadBundles(getDb());
      downloadText(
        `parley-conversations-${new Date().toISOString().slice(0, 10)}.json`,
        toJsonExport(bundles),
        'application/json',
      );
      setStatus({ kind: 'ok', text: `Exported ${bundles.length} conversations.` });
    } catch {
      setStatus({ kind: 'error', text: 'The export failed: history could not be read.' });
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseConversationsFile(await file.text());
    if (!parsed.ok) {
      setStatus({ kind: 'error', text: parsed.error });
      return;
    }
    try {
      const added = await importBundles(getDb(), parsed.bundles);
      setStatus({
        kind: 'ok',
        text: `Imported ${added.conversations} conversations and ${added.messages} messages; the rest were already here.`,
      });
      onImported();
    } catch {
      setStatus({ kind: 'error', text: 'The import could not be saved. Nothing was changed.' });
    }
  };

  return (
    <div className="drawer-files">
      <button type="button" className="button small" onClick={() => void exportAll()}>
        Export all
      </button>
      <label htmlFor={`${ids}-import`} className="button small">
        Import conversations
      </label>
      <input
        id={`${ids}-import`}
        className="sr-only"
        type="file"
        accept=".json,application/json"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      <FormStatus status={status} />
    </div>
  );
}
