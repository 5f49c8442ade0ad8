/** The version from package.json, found beside both src/ and dist/ (each is one level under the package root). */
import { readFileSync } from 'node:fs';

export const packageVersion = (): string => {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
};
