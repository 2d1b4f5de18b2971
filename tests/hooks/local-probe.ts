/**
 * Where the E2E build's "Find local servers" looks when a test says so: `storage.local` key
 * `e2eLocalProbe` = `{ targets: [{ port, kind }], hosts?: [...] }`. CI machines may have other
 * servers on the usual ports, or none, and a test cannot count on binding 11434 or 8080: the test
 * starts its mock servers wherever it can and points the probe at them. Without the key the
 * usual ports are probed. Called only behind `import.meta.env.MODE === 'e2e'`.
 */
import { storage } from '#imports';
import type { ProbeTarget } from '@/lib/llm/local-servers';

interface ProbeOverride {
  targets?: ProbeTarget[];
  hosts?: string[];
}

const overrideItem = storage.defineItem<ProbeOverride | null>('local:e2eLocalProbe', {
  fallback: null,
});

/** The targets and hosts a test set, or an empty object for the built-in ones. */
export async function e2eProbeOverride(): Promise<ProbeOverride> {
  const value = await overrideItem.getValue();
  return {
    ...(Array.isArray(value?.targets) ? { targets: value.targets } : {}),
    ...(Array.isArray(value?.hosts) ? { hosts: value.hosts } : {}),
  };
}
