/** The one-line outcome of a form action: errors interrupt (alert), the rest are announced politely. */
import './form-status.css';
import { localizeNotice } from '@/components/notices/localize';

export interface Status {
  kind: 'ok' | 'error' | 'busy';
  text: string;
}

export function FormStatus({ status }: { status: Status | null }) {
  if (!status) return null;
  return (
    <p className={`form-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
      {localizeNotice(status.text)}
    </p>
  );
}
