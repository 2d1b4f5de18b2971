/**
 * Settings → "Wait for the first token (minutes)": the first-token cap (issue 14, item 3). A local
 * server reads a long prompt in silence before its first word; this is how long Parley waits.
 * The form keeps the typed text; Save turns it into milliseconds (firstTokenMsFrom) and checks it.
 */
import { useId } from 'react';
import { DEFAULT_SETTINGS, FIRST_TOKEN_MINUTES } from '@/lib/settings';
import { t } from '@/components/common/i18n';

export interface WaitFieldProps {
  /** The minutes as typed. */
  value: string;
  onChange: (value: string) => void;
}

/** The saved cap as the field shows it: minutes, at most one decimal. */
export function waitMinutesText(ms: number | undefined): string {
  const minutes = (ms ?? DEFAULT_SETTINGS.firstTokenTimeoutMs) / 60_000;
  return String(Math.round(minutes * 10) / 10);
}

/** The typed minutes in milliseconds (NaN when it is not a number; Save says the range). */
export function firstTokenMsFrom(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? NaN : Math.round(Number(trimmed) * 60_000);
}

export function WaitField({ value, onChange }: WaitFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t('settings.behaviour.wait')}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={FIRST_TOKEN_MINUTES.min}
        max={FIRST_TOKEN_MINUTES.max}
        step={0.1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="hint muted">
        {t('settings.behaviour.waitHint', [
          String(FIRST_TOKEN_MINUTES.min),
          String(FIRST_TOKEN_MINUTES.max),
          waitMinutesText(undefined),
        ])}
      </p>
    </>
  );
}
