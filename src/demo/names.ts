/**
 * Names and ids that look like the ones Kubernetes makes. Initial scenario names are stable (derived
 * from a seed) so that docs and tests can name pods; replacements get random suffixes, like the real thing.
 */
import { createHash, randomBytes } from 'node:crypto';

/** The alphabet Kubernetes uses for generated suffixes (no vowels, no look-alikes). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const fromBytes = (bytes: Uint8Array, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return out;
};

export const stableSuffix = (seed: string, length = 5): string =>
  fromBytes(createHash('sha256').update(seed).digest(), length);

export const randomSuffix = (length = 5): string => fromBytes(randomBytes(length), length);

/** The pod-template-hash of a template: stable for equal templates, 10 characters like the controller's. */
export const templateHash = (template: unknown): string => stableSuffix(JSON.stringify(template), 10);

/** A digest-pinned image id for a status (`imageID`), stable per image. */
export const imageId = (image: string): string => {
  const repo = image.split('@')[0]?.replace(/:[^/:]+$/, '') ?? image;
  const withRegistry = repo.includes('/') && repo.split('/')[0]?.includes('.') ? repo : `docker.io/${repo}`;
  return `${withRegistry}@sha256:${createHash('sha256').update(image).digest('hex')}`;
};

export const containerId = (seed: string): string => `containerd://${createHash('sha256').update(seed).digest('hex')}`;

/** Event names are `<object>.<16 hex digits>`. */
export const eventName = (object: string, seed: string): string =>
  `${object}.${createHash('sha256').update(seed).digest('hex').slice(0, 16)}`;
