/** Settings → Theme: follow the system, or always light or dark. Applies at once, without Save. */
import { useEffect, useId, useState } from 'react';
import { t } from './i18n';
import { applyTheme, themeItem, type ThemeChoice } from './theme';

export function ThemePicker() {
  const id = useId();
  const [choice, setChoice] = useState<ThemeChoice>('system');
  useEffect(() => {
    void themeItem.getValue().then(setChoice);
    // Another page (panel or options) may change it while this one is open.
    return themeItem.watch((next) => setChoice(next ?? 'system'));
  }, []);
  return (
    <div className="theme-picker">
      <label htmlFor={id}>{t('common.theme.label')}</label>
      <select
        id={id}
        value={choice}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          applyTheme(next);
          void themeItem.setValue(next);
        }}
      >
        <option value="system">{t('common.theme.system')}</option>
        <option value="light">{t('common.theme.light')}</option>
        <option value="dark">{t('common.theme.dark')}</option>
      </select>
      <p className="hint muted" id={`${id}-hint`}>
        {t('common.theme.atOnce')}
      </p>
    </div>
  );
}
