// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BuiltinModelContext,
  type BuiltinModelEnv,
} from '@/components/settings/builtin-availability';
import { BuiltinOffer } from '@/components/settings/builtin-offer';
import { BuiltinGate } from '@/components/settings/builtin-gate';
import type { LanguageModelStatic } from '@/lib/llm/builtin/prompt-api';
import {
  createFakeLanguageModel,
  DEFAULT_FAKE_CONTROLS,
  newFakeLmLog,
  type FakeLmControls,
} from '@/tests/hooks/fake-language-model';

afterEach(cleanup);

function env(controls: Partial<FakeLmControls>, extra: Partial<BuiltinModelEnv> = {}) {
  const log = newFakeLmLog();
  const lm = createFakeLanguageModel({
    controls: () => ({ ...DEFAULT_FAKE_CONTROLS, downloadDelayMs: 5, ...controls }),
    hasActivation: () => true,
    log,
  }) as unknown as LanguageModelStatic;
  const choose = vi.fn(async () => undefined);
  const value: BuiltinModelEnv = {
    getLanguageModel: async () => lm,
    provider: 'openai-compatible',
    setup: true,
    choose,
    ...extra,
  };
  return { value, choose, log };
}

describe('first-run offer', () => {
  it('offers the built-in model first where it is available', async () => {
    const { value, choose } = env({});
    const onChosen = vi.fn();
    render(
      <BuiltinModelContext.Provider value={value}>
        <BuiltinOffer onChosen={onChosen}>
          <p>server form</p>
        </BuiltinOffer>
      </BuiltinModelContext.Provider>,
    );
    const radios = await screen.findAllByRole('radio');
    expect(radios[0]?.closest('label')?.textContent).toMatch(/^Built-in model/);
    expect(screen.queryByText('server form')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start with the built-in model' }));
    await waitFor(() => expect(onChosen).toHaveBeenCalled());
    expect(choose).toHaveBeenCalledWith('builtin');
  });

  it('downloads from the click, then chooses it', async () => {
    const { value, choose, log } = env({ availability: 'downloadable' });
    render(
      <BuiltinModelContext.Provider value={value}>
        <BuiltinOffer onChosen={() => undefined}>
          <p>server form</p>
        </BuiltinOffer>
      </BuiltinModelContext.Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Download the built-in model' }));
    await screen.findByRole('progressbar', { name: 'Downloading the built-in model' });
    await waitFor(() => expect(choose).toHaveBeenCalledWith('builtin'));
    expect(log.progress).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('is not offered where it cannot run: the server setup shows', async () => {
    const { value } = env({ availability: 'unavailable' });
    render(
      <BuiltinModelContext.Provider value={value}>
        <BuiltinOffer onChosen={() => undefined}>
          <p>server form</p>
        </BuiltinOffer>
      </BuiltinModelContext.Provider>,
    );
    await screen.findByText('server form');
    expect(screen.queryByRole('radio')).toBeNull();
  });
});

describe('settings gate', () => {
  const form = (
    <select aria-label="Provider" defaultValue="openai">
      <option value="openai">OpenAI</option>
      <option value="builtin">Built-in model (on this device)</option>
    </select>
  );

  it('says why where the model cannot run, and hides its option', async () => {
    const { value } = env({ availability: 'unavailable' }, { setup: false });
    render(
      <BuiltinModelContext.Provider value={value}>
        <BuiltinGate>{form}</BuiltinGate>
      </BuiltinModelContext.Provider>,
    );
    await screen.findByText(/22 GB of free disk space/);
    const option = document.querySelector<HTMLOptionElement>('option[value="builtin"]');
    expect(option?.hidden).toBe(true);
    expect(option?.disabled).toBe(true);
  });

  it('choosing it saves the kind; chosen, the endpoint fields give way', async () => {
    const { value, choose } = env({}, { setup: false });
    const view = render(
      <BuiltinModelContext.Provider value={value}>
        <BuiltinGate>{form}</BuiltinGate>
      </BuiltinModelContext.Provider>,
    );
    await waitFor(() =>
      expect(
        (screen.getByRole('option', { name: /Built-in model/ }) as HTMLOptionElement).hidden,
      ).toBe(false),
    );
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'builtin' } });
    expect(choose).toHaveBeenCalledWith('builtin');
    view.rerender(
      <BuiltinModelContext.Provider value={{ ...value, provider: 'builtin' }}>
        <BuiltinGate>{form}</BuiltinGate>
      </BuiltinModelContext.Provider>,
    );
    await screen.findByText('The built-in model is ready.');
    expect((screen.getByLabelText('Provider') as HTMLSelectElement).value).toBe('builtin');
  });
});
