/**
 * A reply waiting for its first token: after a second, says the model is reading the prompt, for
 * how long, and about how many tokens it is (issue 14). A local server reads a long prompt in
 * silence, minutes on a laptop CPU; this tells the user it is working, and Stop stays beside it.
 * A server that reports how far it has read (llama.cpp's prompt progress) gets its own count:
 * "Reading the prompt… 1,200 of 2,560 tokens · 14 s".
 */
import { useContext, useEffect, useState } from 'react';
import { pathToLeaf } from '@/lib/model/tree';
import { StoreContext, useChat } from '@/components/panel/store-context';
import { t } from '@/components/common/i18n';

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
  return <>{t('chat.reading.about', [numbers.format(tokens)])}</>;
}

type Progress = { processed: number; total: number };

// The server's own count when it sends one (llama.cpp), else Parley's estimate of the size.
function PromptRead({ replyId, seconds }: { replyId: string; seconds: number }) {
  const progress = useChat((s) =>
    s.chat.progress?.messageId === replyId ? s.chat.progress : undefined,
  );
  if (!progress) {
    if (seconds < 1) return <p className="thinking muted">{t('chat.thinking')}</p>;
    return (
      <p className="thinking muted" role="status">
        {t('chat.reading.seconds', [String(seconds)])}
        <PromptSize replyId={replyId} />
      </p>
    );
  }
  return <ProgressLine progress={progress} seconds={seconds} />;
}

function ProgressLine({ progress, seconds }: { progress: Progress; seconds: number }) {
  return (
    <p className="thinking muted" role="status">
      {t('chat.reading.progress', [
        numbers.format(progress.processed),
        numbers.format(progress.total),
        String(seconds),
      ])}
    </p>
  );
}

export default function ReadingPrompt({ replyId, since }: { replyId: string; since: number }) {
  const [now, setNow] = useState(() => Date.now());
  const store = useContext(StoreContext);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.floor((now - since) / 1000);
  if (store) return <PromptRead replyId={replyId} seconds={seconds} />;
  if (seconds < 1) return <p className="thinking muted">{t('chat.thinking')}</p>;
  return (
    <p className="thinking muted" role="status">
      {t('chat.reading.seconds', [String(seconds)])}
    </p>
  );
}
