/**
 * data_version_incompatible's serialized-file family: a file on a shared volume (a cache, a workspace, a saved
 * object) written by a newer release of a language runtime than the one reading it, which names the format
 * version it cannot read. The writer moved to a newer image, the reader did not.
 */
import type { Signature } from './log-helpers.ts';

export const SERIALIZED_FORMAT_SIGNATURES: Signature[] = [
  {
    // Python's pickle refuses a protocol newer than its own (3.8 writes 5 by default, 3.7 reads up to 4):
    // "ValueError: unsupported pickle protocol: 5"; R refuses a workspace a newer R saved: "cannot read
    // workspace version 3 written by R 3.6.0; need R 3.5.0 or newer"; Python's marshal "bad marshal data
    // (unknown type code)" is left out, as corruption reads the same.
    all: [
      /\bunsupported pickle protocol:? \d{1,3}\b|\bcannot read (?:workspace|unreleased workspace) version \d{1,3} written by R \d/,
    ],
    confidence: 0.82,
    title:
      'A file on the volume was serialized by a newer runtime than the one reading it (pickle protocol, R workspace)',
  },
];
