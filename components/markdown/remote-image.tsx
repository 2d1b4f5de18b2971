/**
 * A remote image in model output: a placeholder until the user clicks it, because loading it
 * would tell its host that (and what) the user is reading — the classic exfiltration channel.
 * The panel's CSP allows only `img-src 'self' data: blob:`, so a click fetches the bytes without
 * cookies or referrer and shows them from a blob: URL; a host that refuses gets a plain link.
 */
import { useEffect, useState } from 'react';
import { t } from '@/components/common/i18n';
import { safeImageUrl } from '@/lib/markdown/safe-url';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

type Load =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'shown'; objectUrl: string }
  | { kind: 'failed' };

// Raster types only: an SVG is a document, and a blob: URL of it would carry the extension's origin.
const IMAGE_TYPES = /^image\/(png|jpeg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)$/;

async function fetchImage(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, {
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!IMAGE_TYPES.test(type)) throw new Error('Not an image');
  if (Number(response.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES)
    throw new Error('Too large');
  // Counted while reading: a body without a length (or lying about it) stops at the cap.
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMAGE_BYTES) {
      await reader.cancel();
      throw new Error('Too large');
    }
    parts.push(value);
  }
  return URL.createObjectURL(new Blob(parts as BlobPart[], { type }));
}

export function RemoteImage({ src, alt }: { src?: string; alt?: string }) {
  const url = safeImageUrl(src);
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const loading = load.kind === 'loading';

  useEffect(() => {
    if (!loading || !url) return;
    const abort = new AbortController();
    fetchImage(url, abort.signal).then(
      (objectUrl) => {
        if (abort.signal.aborted) URL.revokeObjectURL(objectUrl);
        else setLoad({ kind: 'shown', objectUrl });
      },
      () => abort.signal.aborted || setLoad({ kind: 'failed' }),
    );
    return () => abort.abort();
  }, [loading, url]);

  useEffect(
    () => () => {
      if (load.kind === 'shown') URL.revokeObjectURL(load.objectUrl);
    },
    [load],
  );

  if (!url)
    return (
      <span className="md-image-blocked">
        {t('markdown.imageBlocked', [alt || t('markdown.untitled')])}
      </span>
    );
  const host = new URL(url).host;
  if (load.kind === 'shown') return <img src={load.objectUrl} alt={alt ?? ''} />;
  if (load.kind === 'failed')
    return (
      <span className="md-image-blocked" role="status">
        {t('markdown.imageFailed', [host])}{' '}
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('markdown.openInNewTab')}
        </a>
        <span className="md-link-url"> ({url})</span>
      </span>
    );
  return (
    <button
      type="button"
      className="button small md-image"
      aria-label={t('markdown.loadImageNamed', [alt || host])}
      disabled={loading}
      onClick={() => setLoad({ kind: 'loading' })}
    >
      {loading ? t('markdown.loadingImageFrom', [host]) : t('markdown.loadImageFrom', [host])}
    </button>
  );
}
