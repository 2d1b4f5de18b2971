// Chrome derives an unpacked extension's id from its absolute path: the first 32 hex digits of
// its SHA-256, with 0–f mapped to a–p. `npm start` uses it to open the panel's page directly.
import { createHash } from 'node:crypto';

/** @param {string} absolutePath */
export function unpackedExtensionId(absolutePath) {
  return [...createHash('sha256').update(absolutePath).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16)))
    .join('');
}
