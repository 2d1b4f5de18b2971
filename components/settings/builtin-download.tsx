/** The built-in model's download button and progress bar (issue 15), shared by setup and settings. */
import { t } from '@/components/common/i18n';

/** Props: the label, the progress (null when idle), an error, and the click. */
export interface BuiltinDownloadProps {
  label: string;
  progress: number | null;
  error: string | null;
  onDownload: () => void;
}

export function BuiltinDownload({ label, progress, error, onDownload }: BuiltinDownloadProps) {
  return (
    <div className="builtin-download">
      <button
        type="button"
        className="button primary"
        onClick={onDownload}
        disabled={progress !== null}
      >
        {label}
      </button>
      {progress === null ? null : (
        <div role="status" className="builtin-progress">
          <progress aria-label={t('settings.builtin.downloading')} max={1} value={progress} />
          <span className="muted">
            {t('settings.builtin.percent', [String(Math.round(progress * 100))])}
          </span>
        </div>
      )}
      {error ? (
        <p role="alert" className="warn-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}
