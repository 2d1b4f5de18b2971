/**
 * Bidi controls in model text. Embeddings, overrides and isolates reorder whatever follows them,
 * up to the end of the paragraph: an RLO in a link's text drew the link's URL backwards, so
 * "evil.example" read as "www.google.com". Prose never needs them (right-to-left text is ordered
 * by its own letters), so the renderer drops them outside code, the same class selection capture
 * removes (lib/selection/normalize.ts). Code shows them as marks instead (invisible.ts).
 * Directional marks (LRM, RLM, ALM) stay: real right-to-left writing uses them, and they
 * cannot reach into an isolated URL.
 */

import { stripBidiControls } from './bidi-controls';

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function isCode(node: HastNode): boolean {
  if (node.tagName !== 'code') return false;
  const classes = node.properties?.className;
  // remark-math emits TeX as `code.language-math`: it is prose for this purpose.
  return !(Array.isArray(classes) && classes.includes('language-math'));
}

/**
 * A rehype plugin: strips bidi controls from every text node and from `alt`/`title`, except
 * inside code (which the code renderer marks visibly). Iterative, so depth costs no stack.
 */
export function rehypeStripBidi() {
  return (tree: HastNode) => {
    const stack: HastNode[] = [tree];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.type === 'text' && node.value) node.value = stripBidiControls(node.value);
      if (isCode(node)) continue;
      for (const key of ['alt', 'title']) {
        const value = node.properties?.[key];
        if (typeof value === 'string' && node.properties)
          node.properties[key] = stripBidiControls(value);
      }
      if (node.children) stack.push(...node.children);
    }
  };
}
