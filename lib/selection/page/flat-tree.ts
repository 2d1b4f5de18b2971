/**
 * The page as rendered: shadow roots (open, and closed ones where the extension may read them)
 * and the light-DOM children their slots show.
 */

const extensionDom = (
  globalThis as {
    chrome?: { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } };
  }
).chrome?.dom;

/** An element's shadow root; a closed one too where the extension may read it (web components). */
export const shadowOf = (el: Element): ShadowRoot | null => {
  if (el.shadowRoot) return el.shadowRoot;
  if (!el.localName.includes('-')) return null;
  try {
    const firefox = (el as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    return extensionDom?.openOrClosedShadowRoot?.(el) ?? firefox ?? null;
  } catch {
    return null;
  }
};

/** The light-DOM children a shadow tree shows through its slots (the rest are not rendered). */
export const slottedIn = (root: ShadowRoot): Set<Node> => {
  const shown = new Set<Node>();
  for (const slot of root.querySelectorAll('slot'))
    for (const n of slot.assignedNodes()) shown.add(n);
  return shown;
};

/** The parent in the rendered (flat) tree: a slotted node's slot, a shadow root's host. */
export const flatParent = (el: Element): Element | null => {
  if (el.assignedSlot) return el.assignedSlot;
  const p = el.parentNode;
  if (p?.nodeType === 11) return (p as ShadowRoot).host;
  return p?.nodeType === 1 ? (p as Element) : null;
};

/** A light-DOM child that its host's shadow tree does not slot, so it is not rendered at all. */
export const unslotted = (el: Element): boolean => {
  const host = el.parentElement;
  const root = host ? shadowOf(host) : null;
  return !!root && !slottedIn(root).has(el);
};
