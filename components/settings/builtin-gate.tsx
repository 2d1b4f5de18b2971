/**
 * The settings form's endpoint fields behind the provider choice (issue 15). The form's Provider
 * select lists "Built-in model (on this device)" (a PROVIDER_PRESETS entry); choosing it saves the
 * provider kind, and then the base URL, key and model fields give way to the built-in model's own
 * status (ready, a Download button, or why it cannot run). Where it cannot run, the option is
 * hidden and the reason shown. Without BuiltinModelContext (a page that offers no built-in model)
 * the fields are shown as they are.
 */
import { t } from '@/components/common/i18n';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { PROVIDER_PRESETS } from '@/lib/settings';
import { BuiltinDownload } from './builtin-download';
import { isOffered, unavailableReason, useBuiltinModel } from './builtin-availability';
import './builtin-model.css';
import { presetLabel } from './preset-label';

export function BuiltinGate({ children }: { children: ReactNode }) {
  const { env, state, progress, error, download } = useBuiltinModel();
  const wrapper = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const offered = isOffered(state);

  // The form renders the option; it is hidden where the model cannot run (the reason shows below).
  useLayoutEffect(() => {
    const option = wrapper.current?.querySelector<HTMLOptionElement>('option[value="builtin"]');
    if (option) {
      option.hidden = !offered;
      option.disabled = !offered;
    }
  });

  if (!env) {
    // No built-in model on this page: its option stays hidden (the effect above).
    return (
      <div ref={wrapper} className="builtin-gate">
        {children}
      </div>
    );
  }
  const choose = (kind: 'builtin' | 'openai-compatible') => {
    setSaving(true);
    void env.choose(kind).finally(() => setSaving(false));
  };

  if (env.provider === 'builtin') {
    return (
      <div className="builtin-fields">
        <label htmlFor="builtin-provider">{t('settings.connection.provider')}</label>
        <select
          id="builtin-provider"
          value="builtin"
          disabled={saving}
          onChange={(e) => {
            if (e.target.value !== 'builtin') choose('openai-compatible');
          }}
        >
          {PROVIDER_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {presetLabel(p)}
            </option>
          ))}
        </select>
        <p className="hint muted">{t('settings.builtin.chosenHint')}</p>
        {state === 'available' ? (
          <p className="hint">{t('settings.builtin.ready')}</p>
        ) : state === 'downloadable' || state === 'downloading' ? (
          <BuiltinDownload
            label={t('settings.builtin.download')}
            progress={progress}
            error={error}
            onDownload={() => void download()}
          />
        ) : state === 'checking' ? null : (
          <p role="status" className="warn-text">
            {unavailableReason(state)}
          </p>
        )}
      </div>
    );
  }

  return (
    <div
      ref={wrapper}
      className="builtin-gate"
      onChangeCapture={(e) => {
        const target = e.target as unknown as HTMLSelectElement;
        if (target.tagName === 'SELECT' && target.value === 'builtin' && offered) choose('builtin');
      }}
    >
      {children}
      {state === 'checking' || offered || env.setup ? null : (
        // The reason is long (disk, GPU, policies): one line says it, the details open on demand.
        <details className="hint muted builtin-reason">
          <summary>{t('settings.builtin.notOffered')}</summary>
          <p>{unavailableReason(state)}</p>
        </details>
      )}
    </div>
  );
}
