/** Search results in the drawer, windowed like the list: a query matching 20,000 chats stays fast. */
import { useMemo } from 'react';
import { t } from '@/components/common/i18n';
import type { SearchHit } from '@/lib/drawer/search';
import { LIST_STYLE } from './drawer-groups';
import { useWindowedList } from './use-windowed-list';

export interface DrawerHitsProps {
  hits: readonly SearchHit[];
  query: string;
  onOpen: (id: string) => void;
}

export function DrawerHits({ hits, query, onOpen }: DrawerHitsProps) {
  const kinds = useMemo(() => hits.map(() => 'hit'), [hits]);
  const { containerRef, range, onScroll, onKeyDown } = useWindowedList(kinds, 'hit');
  return (
    <div ref={containerRef} style={LIST_STYLE} onScroll={onScroll} onKeyDown={onKeyDown}>
      <div style={{ height: range.before }} aria-hidden="true" />
      <ul className="drawer-list" aria-label={t('drawer.results')}>
        {hits.length === 0 ? <li className="muted">{t('drawer.noMatch', [query])}</li> : null}
        {hits.slice(range.start, range.end).map((hit, i) => (
          <li
            key={hit.conversationId}
            data-window-index={range.start + i}
            data-window-kind="hit"
            aria-posinset={range.start + i + 1}
            aria-setsize={hits.length}
          >
            <button
              type="button"
              className="drawer-hit"
              data-window-focus
              onClick={() => onOpen(hit.conversationId)}
            >
              <span className="drawer-title">{hit.title}</span>
              {hit.snippet ? (
                <span className="snippet">
                  {hit.snippet.before}
                  <mark>{hit.snippet.match}</mark>
                  {hit.snippet.after}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <div style={{ height: range.after }} aria-hidden="true" />
    </div>
  );
}
