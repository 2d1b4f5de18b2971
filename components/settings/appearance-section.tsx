/** Settings → Appearance: the theme, which applies at once (no Save), in the panel and on the options page. */
import { useId } from 'react';
import { t } from '@/components/common/i18n';
import { ThemePicker } from '@/components/common/theme-picker';
import './settings.css';

export function AppearanceSection() {
  const id = useId();
  return (
    <section className="settings-section settings-instant" aria-labelledby={id}>
      <h2 id={id}>{t('settings.appearance.title')}</h2>
      <ThemePicker />
    </section>
  );
}
