/**
 * Style-only visibility checks: transforms, clips, masks and filters read from computed-style
 * strings, so each is a pure function the unit tests call with plain values.
 */
import { coloursIn, num, ratio } from './colour';

/** How much a transform scales area (its 2D determinant); 0 paints nothing. */
export const areaScale = (transform: string, scaleProp: string): number => {
  let det = 1;
  if (transform && transform !== 'none') {
    for (const m of transform.matchAll(/(\w+)\(([^)]*)\)/g)) {
      const v = (m[2] ?? '').split(',').map((x) => ratio(x, NaN));
      const [a = 1, b = 0, c = 0, d = 1] = v;
      if (m[1] === 'matrix') det *= a * d - b * c;
      else if (m[1] === 'matrix3d') det *= a * (v[5] ?? 1) - b * (v[4] ?? 0);
      else if (m[1] === 'scale') det *= a * (v[1] ?? a);
      else if (m[1] === 'scale3d') det *= a * b;
      else if (m[1] === 'scaleX' || m[1] === 'scaleY') det *= a;
    }
  }
  if (scaleProp && scaleProp !== 'none') {
    const [x = 1, y = x] = scaleProp
      .trim()
      .split(/\s+/)
      .map((v) => ratio(v, 1));
    det *= x * y;
  }
  return Number.isNaN(det) ? 1 : Math.abs(det);
};

/** A 3D transform that turns the front face away (rotateY(180deg) computes to matrix3d(-1,…,-1,…)). */
export const facesAway = (transform: string): boolean => {
  let z = 1;
  for (const m of transform.matchAll(/(\w+)\(([^)]*)\)/g)) {
    const v = (m[2] ?? '').split(',').map((x) => parseFloat(x));
    if (m[1] === 'matrix3d') z *= v[10] ?? 1;
    else if (m[1] === 'rotateX' || m[1] === 'rotateY') {
      const unit = /turn/.test(m[2] ?? '')
        ? 2 * Math.PI
        : /rad/.test(m[2] ?? '')
          ? 1
          : Math.PI / 180;
      z *= Math.cos((v[0] ?? 0) * unit);
    }
  }
  return z < -1e-6;
};

/** `clip: rect(…)` with no area left (the older "visually hidden" recipe). */
export const zeroClip = (clip: string): boolean => {
  const m = /^rect\((.*)\)$/.exec(clip);
  const sides = (m?.[1] ?? '').split(/[\s,]+/).map((v) => parseFloat(v));
  const [top = NaN, right = NaN, bottom = NaN, left = NaN] = sides;
  return right - left <= 0 || bottom - top <= 0;
};

/** A clip-path shape that encloses no area (only shapes whose numbers can be read are judged). */
export const clipsAll = (clipPath: string): boolean => {
  // A path that only moves the pen draws nothing.
  if (/^path\(/.test(clipPath.trim())) return !/[LHVCSQTAZ]/i.test(clipPath.slice(5));
  const m = /^(polygon|circle|ellipse|inset)\((.*)\)$/.exec(clipPath.trim());
  if (!m) return false;
  const lengths = (s: string): number[] =>
    s
      .trim()
      .split(/\s+/)
      .map((v) => (/^-?[\d.]+(px|%)?$/.test(v) ? parseFloat(v) : NaN));
  const args = m[2] ?? '';
  if (m[1] === 'polygon') {
    const points = args
      .replace(/^\s*(nonzero|evenodd)\s*,/, '')
      .split(',')
      .map(lengths);
    if (points.some((p) => p.length !== 2 || p.some(Number.isNaN))) return false;
    let area = 0;
    points.forEach(([x1 = 0, y1 = 0], i) => {
      const [x2 = 0, y2 = 0] = points[(i + 1) % points.length] ?? [];
      area += x1 * y2 - x2 * y1;
    });
    return Math.abs(area) < 1e-9;
  }
  if (m[1] !== 'inset') return lengths(args.split(/\bat\b/)[0] ?? '').some((r) => r === 0);
  // inset() in percentages: nothing left once opposite insets meet.
  const sides = args.split(/\bround\b/)[0] ?? '';
  const [t = NaN, r = t, b = t, l = r] = lengths(sides);
  if (!/^[\s\d.%]+$/.test(sides)) return false;
  return t + b >= 100 || l + r >= 100;
};

/** A mask made only of fully transparent colours lets nothing through. */
export const masksAll = (mask: string): boolean => {
  if (!mask || mask === 'none' || /url\(|image\(|element\(|cross-fade/i.test(mask)) return false;
  const colours = coloursIn(mask.replace(/[a-z-]*gradient\(/gi, ' ').replace(/\)\s*$/, ''));
  return colours.length > 0 && colours.every((c) => c !== null && c[3] === 0);
};

/** The opacity and blur a `filter` applies; `other` when it changes colours we cannot follow. */
export const filterOf = (filter: string): { opacity: number; blur: number; other: boolean } => {
  const out = { opacity: 1, blur: 0, other: false };
  if (!filter || filter === 'none') return out;
  for (const m of filter.matchAll(/([a-z-]+)\(([^)]*)\)/gi)) {
    if (m[1] === 'opacity') out.opacity *= ratio(m[2] ?? '', 1);
    else if (m[1] === 'blur') out.blur += num(m[2] ?? '', 0);
    else out.other = true;
  }
  return out;
};
