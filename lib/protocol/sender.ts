/** The sender check every port and message handler runs first (DESIGN §1). */

/**
 * Only this extension's own pages may drive it: a content script, a web page or another extension
 * is refused (DESIGN §1). `extensionOrigin` is `chrome-extension://<id>/` (or moz-extension).
 */
export function isOwnExtensionPage(
  sender: { id?: string; url?: string; tab?: unknown } | undefined,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  if (!sender || sender.id !== runtimeId || typeof sender.url !== 'string') return false;
  return sender.url.startsWith(extensionOrigin);
}
