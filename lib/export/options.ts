/** Choices the user makes when exporting feedback as fine-tuning data. */
export interface ExportOptions {
  /** Include each conversation's system prompt as the first message. */
  includeSystemPrompt: boolean;
  /** Replace attached page text with a marker (it may be private or copyrighted). */
  redactAttachments: boolean;
}

/**
 * What an export includes unless the user changes it: the system prompt, and page text unredacted.
 */
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  includeSystemPrompt: true,
  redactAttachments: false,
};

/** Stands in for page text when the user redacts attachments, so the example keeps its shape. */
export const REDACTED_PAGE_TEXT = '[page text redacted]';
