/**
 * Light or dark: the system's choice unless the user picked one in Settings. Applied as
 * `data-theme` on <html> (always set, so the CSS has one dark palette), and kept in step with
 * the system while the choice is "system".
 */
import { storage } from '#imports';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const themeItem = storage.defineItem<ThemeChoice>('local:theme', { fallback: 'system' });

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');
let choice: ThemeChoice = 'system';

export function applyTheme(next: ThemeChoice): void {
  choice = next;
  const dark = next === 'dark' || (next === 'system' && systemDark().matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Applies the system theme at once, then the stored choice, and follows changes to either. */
export function followTheme(): void {
  applyTheme('system');
  systemDark().addEventListener('change', () => {
    if (choice === 'system') applyTheme('system');
  });
  void themeItem.getValue().then(applyTheme);
  themeItem.watch((next) => applyTheme(next ?? 'system'));
}
