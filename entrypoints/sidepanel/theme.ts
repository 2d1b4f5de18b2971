/**
 * Light or dark: the system's choice unless the user picked one in Settings. Applied as
 * `data-theme` on <html>, which the CSS variables follow.
 */
import { storage } from '#imports';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const themeItem = storage.defineItem<ThemeChoice>('local:theme', { fallback: 'system' });

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** Applies the stored choice now and whenever it changes (from any open Parley page). */
export function followTheme(): void {
  void themeItem.getValue().then(applyTheme);
  themeItem.watch((choice) => applyTheme(choice ?? 'system'));
}
