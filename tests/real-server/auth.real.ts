/** llama-server started with --api-key: a wrong key gets Parley's auth message (issue 14). */
import { describe, it } from 'vitest';
import { configureUnchecked, setUpReal } from './support/real';

const real = setUpReal({ model: 'tiny', apiKey: 'right-key', configure: false });

describe('a real llama-server with --api-key', () => {
  it('a wrong key says the key was rejected', async () => {
    const { panel, llama } = real;
    await configureUnchecked(panel.page, llama.baseURL, 'wrong-key');
    await panel.send('hello');
    await panel.waitForState('error', panel.lastAssistant(), 15_000);
    await panel.lastAssistant().getByText('The API key was rejected').waitFor();
  });
});
