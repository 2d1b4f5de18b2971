/**
 * The bidi controls model text may not carry outside code (why: ./bidi.ts). Apart from the rehype
 * plugin so the panel's plain-text paths (the fallback, the streaming preview) do not load it.
 */

/** Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidi embeddings, overrides or isolates. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
