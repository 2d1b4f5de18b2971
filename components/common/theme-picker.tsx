/** Settings → Theme: follow the system, or always light or dark. */
import { useEffect, useId, useState } from 'react';
import { applyTheme, themeItem, type ThemeChoice } from './theme';

export function ThemePicker() {
  const id = useId();
  const [choice, setChoice] = useState<ThemeChoice>('system');
  useEffect(() => {
    void themeItem.getValue().then(setChoice);
  }, []);
  return (
    <div className="settings-form">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          applyTheme(next);
          void themeItem.setValue(next);
        }}
      >
        <option value="system">Same as the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
