export const BUDGET_BYTES: number;
export function measureBundles(outDir: string): {
  sizes: { src: string; gzip: number }[];
  panel: number;
  background: number;
};
