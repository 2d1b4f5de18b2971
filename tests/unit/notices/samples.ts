import {
  NOTICE_IDS,
  NOTICE_PARAMS,
  NOTICES,
  isNoticePart,
  notice,
  type NoticeId,
} from '@/lib/model/notices';

/** A parameter of each kind, as a producer would pass it; text carries regex metacharacters. */
export const SAMPLE = {
  text: 'x-(a+b)*c?.[d]{2}^$1\\',
  number: '20,000',
  notice: notice('keyAccepted'),
} as const;

const placeholders = (id: NoticeId) =>
  Math.max(0, ...[...NOTICES[id].matchAll(/\$([1-9])/g)].map((m) => Number(m[1])));

/** Notice `id` rendered in English with a sample parameter of each of its kinds. */
export function sampleOf(id: NoticeId): string {
  const kinds = NOTICE_PARAMS[id] ?? [];
  const params = Array.from({ length: placeholders(id) }, (_, i) => {
    const kind = kinds[i] ?? 'text';
    if (typeof kind !== 'string') return sampleOf(kind[0] as NoticeId);
    return kind === 'maybe' ? SAMPLE.notice : SAMPLE[kind];
  });
  return notice(id, ...params);
}

/** Every template as a text the panel could be given: a part inside a sentence that takes any notice (an import refusal's hint). */
export const SAMPLES: { id: NoticeId; text: string }[] = NOTICE_IDS.map((id) => ({
  id,
  text: isNoticePart(id) ? notice('importNoneValid', sampleOf(id)) : sampleOf(id),
}));
