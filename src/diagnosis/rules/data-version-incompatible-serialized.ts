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
  {
    // A persisted store written by another build of the runtime or library than the image's: Python's dbm
    // "db type is dbm.gnu, but the module is not available" (a shelve or Celery beat schedule from a Debian
    // image read on Alpine), Perl "Storable binary image v2.11 more recent than I am", Ruby "incompatible
    // marshal file format", Berkeley DB "Program version 5.3 doesn't match environment version 4.8".
    all: [
      /\bdb type is (?:dbm\.)?\w{1,20}, but the module is not available\b|\bStorable binary image v\d{1,3}\.\d{1,3} more recent than I am\b|\bincompatible marshal file format\b|\bProgram version \d{1,2}\.\d{1,2} doesn't match environment version\b|\bDB_VERSION_MISMATCH\b/,
    ],
    confidence: 0.8,
    title: "A store on the volume was written by another build of the runtime or library than the image's",
  },
];
