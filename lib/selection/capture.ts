/**
 * The page-side capture's public face for the extension's other layers: the result type (and the
 * test seam's types). The walker itself lives in `page/` and runs in the page through the
 * `capture-selection` unlisted script.
 */
export type { BoxLike, CapturedSelection, Geometry, HiddenReason } from './page/types';
