/**
 * The composer's draft survives closing the panel: kept in extension storage (local to this
 * browser), written a moment after typing stops.
 */
import { storage } from '#imports';

const draftItem = storage.defineItem<string>('local:draft', { fallback: '' });
const SAVE_DELAY_MS = 250;
let timer: ReturnType<typeof setTimeout> | undefined;

export function saveDraft(text: string): void {
  clearTimeout(timer);
  timer = setTimeout(() => void draftItem.setValue(text).catch(() => undefined), SAVE_DELAY_MS);
}

export async function loadDraft(): Promise<string> {
  return draftItem.getValue().catch(() => '');
}
