/**
 * First run (issue 15): where Chrome's built-in model can run, setup offers it first, with what
 * it means for privacy and what it is good at; a server or a key is the other choice. Hidden
 * where the model cannot run (Settings says why).
 */
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
        <legend>How should Parley answer?</legend>
        <label className="radio">
          <input
            type="radio"
            name="source"
            checked={choice === 'builtin'}
            onChange={() => setChoice('builtin')}
          />
          Built-in model (on this device)
        </label>
        <div className="builtin-choice">
          <p className="hint muted">
            Nothing leaves this device: Chrome&apos;s own model answers, with no key and no server.
            Good for short questions, summaries and rewording; online models know more.
          </p>
          {choice !== 'builtin' ? null : state === 'available' ? (
            <button type="button" className="button primary" onClick={() => void use()}>
              Start with the built-in model
            </button>
          ) : (
            <BuiltinDownload
              label="Download the built-in model"
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
          An API key or a local server
        </label>
      </fieldset>
      {choice === 'server' ? children : null}
    </>
  );
}
