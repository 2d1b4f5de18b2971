/**
 * The scroll container that math renders against. Inside it, a long formula waits as TeX source
 * until it comes near the visible area: ten 40×40 matrices took 6.7 s to render on every open,
 * nearly all of it for formulas nobody was looking at. Outside any provider (unit tests, other
 * surfaces) math renders at once. Its own tiny module: the message list (initial chunk) provides
 * it, the math renderer (lazy chunk) reads it.
 */
import { createContext, type RefObject } from 'react';

export const MathViewport = createContext<RefObject<HTMLElement | null> | null>(null);
