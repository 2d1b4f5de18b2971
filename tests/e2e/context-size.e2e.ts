/**
 * A server that refuses a request for its context size (issue 14, item 6), with llama.cpp's
 * exact 400 body: the reply offers the fixes, a retry applies them, and the meter learns the size.
 */
import { describe, expect, it } from 'vitest';
import { attachSelection } from './support/attach';
import { setUpE2E } from './support/setup';

const e2e = setUpE2E();

// What llama-server 80fb11a answers when the prompt is longer than its slot's context.
const llamaRefusal = (requestTokens: number) => ({
  raw: {
    status: 400,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      error: {
        code: 400,
        message: `request (${requestTokens} tokens) exceeds the available context size (4096 tokens), try increasing it`,
        type: 'exceed_context_size_error',
        n_prompt_tokens: requestTokens,
        n_ctx: 4096,
      },
    }),
  },
});

describe('a refusal for context length', () => {
  it('offers Remove attachment, whose retry leaves the attachment out; the meter turns red', async () => {
    const { panel, server, parley } = e2e;
    const big = 'The quarterly report lists figures for every region. '.repeat(600);
    await attachSelection(parley, panel.page, `${server.url}/pages/hidden-text.html`, big);
    server.enqueue(llamaRefusal(9_000), { text: 'Fits now.' });
    await panel.sendAndWait('Summarise the attachment', 'error');
    const reply = panel.lastAssistant();
    const fix = reply.getByRole('group', { name: 'Make the request fit' });
    await fix
      .getByText(/longer than the server's context \(4,096 tokens; this request was 9,000\)/)
      .waitFor();
    expect(await fix.getByRole('button', { name: 'Leave out older turns' }).count()).toBe(0);
    // The worker learned the size: the meter says the conversation is past it.
    await panel.page.getByText("more than this server's context").waitFor({ timeout: 5_000 });
    await panel.page.screenshot({ path: 'test-results/context-refused.png' });
    await panel.replyAfter(() => fix.getByRole('button', { name: 'Remove attachment' }).click());
    expect(await panel.lastAssistant().textContent()).toContain('Fits now.');
    const [first, second] = server.chatRequests();
    const lastUser = (r: typeof first) =>
      (r?.body as { messages: { role: string; content: string }[] }).messages.at(-1)?.content ?? '';
    expect(lastUser(first)).toContain('quarterly report');
    expect(lastUser(second)).toBe('Summarise the attachment');
  });

  it('offers Leave out older turns after earlier turns, whose retry sends the question alone', async () => {
    const { panel, server } = e2e;
    server.enqueue({ text: 'First answer.' });
    await panel.sendAndWait('An earlier question', 'complete');
    server.enqueue(llamaRefusal(5_000), { text: 'Answered alone.' });
    await panel.sendAndWait('The follow-up', 'error');
    const fix = panel.lastAssistant().getByRole('group', { name: 'Make the request fit' });
    expect(await fix.getByRole('button', { name: 'Remove attachment' }).count()).toBe(0);
    await panel.replyAfter(() =>
      fix.getByRole('button', { name: 'Leave out older turns' }).click(),
    );
    const retry = server.chatRequests().at(-1)?.body as { messages: { role: string }[] };
    expect(retry.messages.map((m) => m.role)).toEqual(['system', 'user']);
    await panel
      .lastAssistant()
      .getByText(/earlier messages? (was|were) left out/)
      .waitFor();
  });
});
