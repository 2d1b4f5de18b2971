/**
 * Under the API key field: which server the saved key belongs to, and for a server without one,
 * the explicit "Use my key for <host>" confirmation (issue 12). It shows hosts, never a key.
 */
import { useId } from 'react';
import type { ChatKeyStatus } from '@/lib/key-status';

export interface KeyBindingProps {
  status: ChatKeyStatus;
  /** The confirmation is ticked for the server now typed. */
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  onRemove: () => void;
}

export function KeyBinding({ status, confirmed, onConfirm, onRemove }: KeyBindingProps) {
  const hintId = useId();
  if (status.kind === 'saved') {
    return (
      <div className="key-binding">
        <p className="hint muted">Key saved for {status.host}</p>
        <button type="button" className="button link small" onClick={onRemove}>
          Remove saved key
        </button>
      </div>
    );
  }
  if (status.host === null) return null;
  if (status.kind === 'none') return <p className="hint muted">No key saved for {status.host}</p>;
  return (
    <div className="key-binding">
      <p className="hint muted" id={hintId}>
        No key saved for {status.host}. Your key is saved for {status.fromHost}; it goes nowhere
        else unless you say so.
      </p>
      <label className="check">
        <input
          type="checkbox"
          // The form's inputs are full width; a checkbox sits beside its label.
          style={{ width: 'auto' }}
          checked={confirmed}
          aria-describedby={hintId}
          onChange={(e) => onConfirm(e.target.checked)}
        />
        Use my key for {status.host}
      </label>
    </div>
  );
}
