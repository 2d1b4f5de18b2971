/**
 * Settings → Moderation: the mode, the provider, what happens when it is unavailable, and
 * per-category rules. An endpoint without moderation is said once, here under the mode (issue
 * 16), not on every message. "Sexual (minors)" offers no Ignore (CATEGORY_FLOORS).
 */
import { useId, type RefObject } from 'react';
import type { ModerationKeyStatus } from '@/lib/key-status';
import {
  MODERATION_CATEGORIES,
  type CategoryOverride,
  type ModerationSettings,
} from '@/lib/model/moderation';
import { CATEGORY_FLOORS, flooredOverride } from '@/lib/settings';
import { t } from '@/components/common/i18n';

export interface ModerationFieldsProps {
  value: ModerationSettings;
  onChange: (value: ModerationSettings) => void;
  /** The moderation endpoint answered 404 last time. */
  unsupported: boolean;
  /** Which saved key checks would carry: one for that server, its chat key, or none. */
  keyStatus: ModerationKeyStatus;
  /** Write-only field for a separate moderation key. */
  keyInput: RefObject<HTMLInputElement | null>;
}

const RULES: readonly CategoryOverride[] = ['default', 'ignore', 'warn', 'block'];
const ruleLabel = (rule: CategoryOverride) =>
  rule === 'default'
    ? t('settings.moderation.rule.default')
    : rule === 'ignore'
      ? t('settings.moderation.rule.ignore')
      : rule === 'warn'
        ? t('settings.moderation.rule.warn')
        : t('settings.moderation.rule.block');

/** The rules a category may take: a floored one ("Sexual (minors)") has no Ignore. */
export function rulesFor(category: string): readonly CategoryOverride[] {
  return Object.hasOwn(CATEGORY_FLOORS, category) ? RULES.filter((r) => r !== 'ignore') : RULES;
}

export function ModerationFields(props: ModerationFieldsProps) {
  const { value, onChange, unsupported, keyStatus, keyInput } = props;
  const ids = useId();
  // Checks carry only a key saved for their own server (issue 12), so say which one that is.
  const keyHint =
    keyStatus.host === null
      ? null
      : keyStatus.kind === 'own'
        ? t('settings.moderation.keyOwn', [keyStatus.host])
        : keyStatus.kind === 'chat'
          ? t('settings.moderation.keyChat', [keyStatus.host])
          : t('settings.moderation.keyNone', [keyStatus.host]);
  const set = (patch: Partial<ModerationSettings>) => onChange({ ...value, ...patch });
  const noEndpoint = unsupported && value.mode !== 'off' && value.provider === 'openai';
  return (
    <section className="settings-section moderation-fields" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('settings.moderation.title')}</h2>
      <label htmlFor={`${ids}-mode`}>{t('settings.moderation.mode')}</label>
      <select
        id={`${ids}-mode`}
        value={value.mode}
        aria-describedby={`${ids}-mode-hint${noEndpoint ? ` ${ids}-none` : ''}`}
        onChange={(e) => set({ mode: e.target.value as ModerationSettings['mode'] })}
      >
        <option value="off">{t('settings.moderation.off')}</option>
        <option value="warn">{t('settings.moderation.warn')}</option>
        <option value="block">{t('settings.moderation.block')}</option>
      </select>
      {noEndpoint ? (
        <p className="hint warn-text" role="status" id={`${ids}-none`}>
          {t('settings.moderation.noEndpoint')}
        </p>
      ) : null}
      <p className="hint muted" id={`${ids}-mode-hint`}>
        {t('settings.moderation.modeHint')}
      </p>
      {value.mode === 'off' ? null : (
        <>
          <label htmlFor={`${ids}-provider`}>{t('settings.moderation.checkedBy')}</label>
          <select
            id={`${ids}-provider`}
            value={value.provider}
            onChange={(e) => set({ provider: e.target.value as ModerationSettings['provider'] })}
          >
            <option value="openai">{t('settings.moderation.providerOpenai')}</option>
            <option value="llama-guard">{t('settings.moderation.providerGuard')}</option>
            <option value="none">{t('settings.moderation.providerNone')}</option>
          </select>
          {value.provider === 'openai' ? (
            <>
              <label htmlFor={`${ids}-mbase`}>{t('settings.moderation.endpoint')}</label>
              <input
                id={`${ids}-mbase`}
                type="url"
                dir="ltr"
                placeholder={t('settings.moderation.sameAsChat')}
                value={value.baseUrl}
                onChange={(e) => set({ baseUrl: e.target.value })}
                spellCheck={false}
              />
              <label htmlFor={`${ids}-mkey`}>{t('settings.moderation.key')}</label>
              <input
                id={`${ids}-mkey`}
                ref={keyInput}
                type="password"
                dir="ltr"
                autoComplete="off"
                placeholder={
                  keyStatus.kind === 'own'
                    ? t('settings.key.savedPlaceholder')
                    : t('settings.moderation.keyOptional')
                }
                aria-describedby={keyHint ? `${ids}-mkey-hint` : undefined}
              />
              {keyHint ? (
                <p className="hint muted" id={`${ids}-mkey-hint`}>
                  {keyHint}
                </p>
              ) : null}
            </>
          ) : null}
          {value.provider === 'llama-guard' ? (
            <>
              <label htmlFor={`${ids}-guard`}>{t('settings.moderation.guardModel')}</label>
              <input
                id={`${ids}-guard`}
                value={value.llamaGuardModel}
                onChange={(e) => set({ llamaGuardModel: e.target.value })}
              />
            </>
          ) : null}
          <label htmlFor={`${ids}-fail`}>{t('settings.moderation.unavailable')}</label>
          <select
            id={`${ids}-fail`}
            value={value.failMode}
            onChange={(e) => set({ failMode: e.target.value as ModerationSettings['failMode'] })}
          >
            <option value="allow">{t('settings.moderation.failAllow')}</option>
            <option value="hold">{t('settings.moderation.failHold')}</option>
          </select>
          <label className="check">
            <input
              type="checkbox"
              checked={value.checkReplies}
              onChange={(e) => set({ checkReplies: e.target.checked })}
            />
            <span>{t('settings.moderation.checkReplies')}</span>
          </label>
          <details className="category-rules">
            <summary>{t('settings.moderation.categories')}</summary>
            <div className="category-grid">
              {Object.entries(MODERATION_CATEGORIES).map(([category, label]) => (
                <label key={category} className="category-row">
                  <span>{categoryName(category, label)}</span>
                  <select
                    value={flooredOverride(
                      category,
                      value.categoryOverrides[category] ?? 'default',
                    )}
                    onChange={(e) =>
                      set({
                        categoryOverrides: {
                          ...value.categoryOverrides,
                          [category]: e.target.value as CategoryOverride,
                        },
                      })
                    }
                  >
                    {rulesFor(category).map((rule) => (
                      <option key={rule} value={rule}>
                        {ruleLabel(rule)}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </details>
        </>
      )}
    </section>
  );
}

// The categories' names in the UI's language; the English ones (lib) are the fallback.
const CATEGORY_KEYS: Record<string, () => string> = {
  harassment: () => t('settings.category.harassment'),
  'harassment/threatening': () => t('settings.category.harassmentThreatening'),
  hate: () => t('settings.category.hate'),
  'hate/threatening': () => t('settings.category.hateThreatening'),
  illicit: () => t('settings.category.illicit'),
  'illicit/violent': () => t('settings.category.illicitViolent'),
  'self-harm': () => t('settings.category.selfHarm'),
  'self-harm/intent': () => t('settings.category.selfHarmIntent'),
  'self-harm/instructions': () => t('settings.category.selfHarmInstructions'),
  sexual: () => t('settings.category.sexual'),
  'sexual/minors': () => t('settings.category.sexualMinors'),
  violence: () => t('settings.category.violence'),
  'violence/graphic': () => t('settings.category.violenceGraphic'),
};
const categoryName = (category: string, english: string) => CATEGORY_KEYS[category]?.() || english;
