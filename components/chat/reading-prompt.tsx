/**
 * A reply waiting for its first token: after a second, says the model is reading the prompt, for
 * how long, and about how many tokens it is (issue 14). A local server reads a long prompt in
 * silence, minutes on a laptop CPU; this tells the user it is working, and Stop stays beside it.
 */
import { useContext, useEffect, useState } from 'react';
import { pathToLeaf } from '@/lib/model/tree';
import { StoreContext, useChat } from '@/components/panel/store-context';

const numbers = new Intl.NumberFormat('en');

// The worker's cheap count (lib/prompt/budget): about 4 characters a token, 4 per message.
function PromptSize({ replyId }: { replyId: string }) {
  const tokens = useChat((s) => {
    const path = pathToLeaf(Object.values(s.chat.messages), replyId);
    const system = s.chat.conversation?.systemPrompt ?? s.settings?.systemPrompt ?? '';
    let chars = system.length;
    for (const m of path)
      chars += m.content.length + m.attachments.reduce((n, a) => n + a.text.length, 0);
    return Math.ceil(chars / 4) + 4 * path.length;
  });
  return <> · about {numbers.format(tokens)} tokens</>;
}

export default function ReadingPrompt({ replyId, since }: { replyId: string; since: number }) {
  const [now, setNow] = useState(() => Date.now());
  const store = useContext(StoreContext);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.floor((now - since) / 1000);
  if (seconds < 1) return <p className="thinking muted">Thinking…</p>;
  return (
    <p className="thinking muted" role="status">
      Reading the prompt… {seconds} s{store ? <PromptSize replyId={replyId} /> : null}
    </p>
  );
}
