/**
 * Settings → Moderation: the mode, the provider, what happens when it is unavailable, and
 * per-category rules.
 */
import { useId, type RefObject } from 'react';
import type { ModerationKeyStatus } from '@/lib/key-status';
import {
  MODERATION_CATEGORIES,
  type CategoryOverride,
  type ModerationSettings,
} from '@/lib/model/moderation';

export interface ModerationFieldsProps {
  value: ModerationSettings;
  onChange: (value: ModerationSettings) => void;
  /** The moderation endpoint answered 404 last time. */
  unsupported: boolean;
  /** Which saved key checks would carry: one for that server, its chat key, or none. */
  keyStatus: ModerationKeyStatus;
  /** Write-only field for a separate moderation key. */
  keyInput: RefObject<HTMLInputElement | null>;
}

export function ModerationFields({
  value,
  onChange,
  unsupported,
  keyStatus,
  keyInput,
}: ModerationFieldsProps) {
  const ids = useId();
  // Checks carry only a key saved for their own server (issue 12), so say which one that is.
  const keyHint =
    keyStatus.host === null
      ? null
      : keyStatus.kind === 'own'
        ? `Checks use the key for checks saved for ${keyStatus.host}`
        : keyStatus.kind === 'chat'
          ? `Checks use the API key saved for ${keyStatus.host}`
          : `Checks go to ${keyStatus.host} without a key`;
  const set = (patch: Partial<ModerationSettings>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="moderation-fields">
      <legend>Content moderation</legend>
      <label htmlFor={`${ids}-mode`}>Moderation</label>
      <select
        id={`${ids}-mode`}
        value={value.mode}
        onChange={(e) => set({ mode: e.target.value as ModerationSettings['mode'] })}
      >
        <option value="off">Off</option>
        <option value="warn">Warn</option>
        <option value="block">Block</option>
      </select>
      <p className="hint muted">
        Warn shows a notice and never slows a reply. Block holds a reply until your message is
        checked, and hides flagged replies.
      </p>
      {value.mode === 'off' ? null : (
        <>
          <label htmlFor={`${ids}-provider`}>Checked by</label>
          <select
            id={`${ids}-provider`}
            value={value.provider}
            onChange={(e) => set({ provider: e.target.value as ModerationSettings['provider'] })}
          >
            <option value="openai">Moderation endpoint (OpenAI /moderations)</option>
            <option value="llama-guard">Llama Guard model on this endpoint</option>
            <option value="none">None</option>
          </select>
          {unsupported && value.provider === 'openai' ? (
            <p className="hint warn-text" role="status">
              This endpoint has no moderation endpoint, so messages are not checked. Set a
              moderation base URL (for example https://api.openai.com/v1) or choose a Llama Guard
              model.
            </p>
          ) : null}
          {value.provider === 'openai' ? (
            <>
              <label htmlFor={`${ids}-mbase`}>Endpoint for checks</label>
              <input
                id={`${ids}-mbase`}
                type="url"
                placeholder="Same as chat"
                value={value.baseUrl}
                onChange={(e) => set({ baseUrl: e.target.value })}
                spellCheck={false}
              />
              <label htmlFor={`${ids}-mkey`}>Key for checks</label>
              <input
                id={`${ids}-mkey`}
                ref={keyInput}
                type="password"
                autoComplete="off"
                placeholder={
                  keyStatus.kind === 'own' ? 'Saved (type to replace)' : 'Optional for this server'
                }
                aria-describedby={keyHint ? `${ids}-mkey-hint` : undefined}
              />
              {keyHint ? (
                <p className="hint muted" id={`${ids}-mkey-hint`}>
                  {keyHint}
                </p>
              ) : null}
            </>
          ) : null}
          {value.provider === 'llama-guard' ? (
            <>
              <label htmlFor={`${ids}-guard`}>Guard model</label>
              <input
                id={`${ids}-guard`}
                value={value.llamaGuardModel}
                onChange={(e) => set({ llamaGuardModel: e.target.value })}
              />
            </>
          ) : null}
          <label htmlFor={`${ids}-fail`}>When checks are unavailable</label>
          <select
            id={`${ids}-fail`}
            value={value.failMode}
            onChange={(e) => set({ failMode: e.target.value as ModerationSettings['failMode'] })}
          >
            <option value="allow">Allow, marked “not checked”</option>
            <option value="hold">Hold the message</option>
          </select>
          <label className="check">
            <input
              type="checkbox"
              checked={value.checkReplies}
              onChange={(e) => set({ checkReplies: e.target.checked })}
            />
            Also check replies
          </label>
          <details>
            <summary>Per-category rules</summary>
            <div className="category-grid">
              {Object.entries(MODERATION_CATEGORIES).map(([category, label]) => (
                <label key={category} className="category-row">
                  <span>{label}</span>
                  <select
                    value={value.categoryOverrides[category] ?? 'default'}
                    onChange={(e) =>
                      set({
                        categoryOverrides: {
                          ...value.categoryOverrides,
                          [category]: e.target.value as CategoryOverride,
                        },
                      })
                    }
                  >
                    <option value="default">As above</option>
                    <option value="ignore">Ignore</option>
                    <option value="warn">Warn</option>
                    <option value="block">Block</option>
                  </select>
                </label>
              ))}
            </div>
          </details>
        </>
      )}
    </fieldset>
  );
}
