/**
 * First run (issue 15): where Chrome's built-in model can run, setup offers it first, with what
 * it means for privacy and what it is good at; a server or a key is the other choice. Hidden
 * where the model cannot run (Settings says why).
 */
import { t } from '@/components/common/i18n';
import { useState, type ReactNode } from 'react';
import { BuiltinDownload } from './builtin-download';
import { isOffered, useBuiltinModel } from './builtin-availability';
import './builtin-model.css';

/** Props: what to do once the model is chosen, and the server setup shown for the other choice. */
export interface BuiltinOfferProps {
  onChosen: () => void;
  children: ReactNode;
}

export function BuiltinOffer({ onChosen, children }: BuiltinOfferProps) {
  const { env, state, progress, error, download } = useBuiltinModel();
  const [choice, setChoice] = useState<'builtin' | 'server'>('builtin');
  if (!env || !isOffered(state)) return <>{state === 'checking' && env ? null : children}</>;

  const use = async () => {
    if (state !== 'available' && !(await download())) return;
    await env.choose('builtin');
    onChosen();
  };

  return (
    <>
      <fieldset className="builtin-offer">
        <legend>{t('settings.builtin.question')}</legend>
        <label className="radio">
          <input
            type="radio"
            name="source"
            checked={choice === 'builtin'}
            onChange={() => setChoice('builtin')}
          />
          {t('settings.connection.builtin')}
        </label>
        <div className="builtin-choice">
          <p className="hint muted">{t('settings.builtin.offerHint')}</p>
          {choice !== 'builtin' ? null : state === 'available' ? (
            <button type="button" className="button primary" onClick={() => void use()}>
              {t('settings.builtin.start')}
            </button>
          ) : (
            <BuiltinDownload
              label={t('settings.builtin.download')}
              progress={progress}
              error={error}
              onDownload={() => void use()}
            />
          )}
        </div>
        <label className="radio">
          <input
            type="radio"
            name="source"
            checked={choice === 'server'}
            onChange={() => setChoice('server')}
          />
          {t('settings.builtin.server')}
        </label>
      </fieldset>
      {choice === 'server' ? children : null}
    </>
  );
}
