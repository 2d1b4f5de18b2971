import { describe, expect, it } from 'vitest';
import { t } from '@/components/common/i18n';

describe('t()', () => {
  it('resolves a namespaced key through browser.i18n', () => {
    expect(t('extension.name')).toBe('Parley');
    expect(t('extension.open')).toBe('Open Parley');
  });
});
