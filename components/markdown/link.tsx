/**
 * A link in model text: http(s)/mailto only (safeUrl), opening in a new tab without referrer.
 * Its text is the model's to choose, so the destination is shown beside it, host first and
 * without userinfo, left to right in its own bidi isolate: nothing in the text around it can
 * reorder it. A link whose text is its own URL shows that URL once, in the same clean form.
 */
import type { ReactNode } from 'react';
import { safeUrl } from '@/lib/markdown/safe-url';
import { describeDestination, isBareLink, shownUrl, type ShownUrl } from '@/lib/markdown/shown-url';

/** The URL with its host set off, in an LTR isolate. */
function Url({ shown }: { shown: ShownUrl }) {
  const [scheme, host, rest] = shown.parts;
  return (
    <span className="md-link-bare" dir="ltr">
      {scheme}
      <span className="md-link-host">{host}</span>
      {rest}
    </span>
  );
}

export function MarkdownLink({
  href,
  text,
  children,
}: {
  href: string | undefined;
  /** The link's text content, to tell a bare URL from a labelled link. */
  text: string;
  children: ReactNode;
}) {
  const safe = safeUrl(href);
  const shown = safe ? shownUrl(safe) : null;
  if (!safe || !shown) return <span className="md-link-blocked">{children}</span>;
  const destination = describeDestination(shown);
  const bare = isBareLink(text, safe);
  return (
    <a href={shown.href} target="_blank" rel="noopener noreferrer" title={destination}>
      {bare ? (
        <Url shown={shown} />
      ) : (
        <>
          {children}
          <span className="md-link-url">
            {' ('}
            <span className="md-link-dest" dir="ltr">
              {shown.host ? (
                <>
                  <span className="md-link-host">{shown.host}</span>
                  {' — '}
                </>
              ) : null}
              {shown.href}
            </span>
            {')'}
          </span>
        </>
      )}
    </a>
  );
}
