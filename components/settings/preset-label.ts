/** A provider preset's name in the UI's language: product names stay, the generic ones translate. */
import type { ProviderPreset } from '@/lib/settings';
import { t } from '@/components/common/i18n';

export function presetLabel(preset: ProviderPreset): string {
  if (preset.id === 'custom') return t('settings.connection.custom');
  if (preset.id === 'builtin') return t('settings.connection.builtin');
  return preset.label;
}
