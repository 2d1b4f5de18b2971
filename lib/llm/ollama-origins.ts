/** The Ollama setting that lets Parley in where its Origin cannot be removed (issue 14). */

/**
 * The OLLAMA_ORIGINS value that lets this extension in, from the origin of its own pages: the
 * exact id in Chrome, any moz-extension origin in Firefox (the UUID there is random per
 * profile). Entries are comma-separated with no space: Ollama matches wildcards on the raw text,
 * so a space after the comma becomes part of the pattern, which then never matches.
 */
export function ollamaOriginsFix(extensionOrigin: string): string {
  const origin = extensionOrigin.replace(/\/+$/, '');
  const value = origin.startsWith('moz-extension:') ? 'moz-extension://*' : origin;
  return `OLLAMA_ORIGINS=${value}`;
}
