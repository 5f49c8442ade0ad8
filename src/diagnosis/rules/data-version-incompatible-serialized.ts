/**
 * data_version_incompatible's serialized-file family: a file on a shared volume (a cache, a workspace, a saved
 * object) written by a newer release of a language runtime than the one reading it, which names the format
 * version it cannot read. The writer moved to a newer image, the reader did not. Embedded stores that compare
 * their file format version with the one the library writes belong here too.
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
  {
    // An embedded store comparing the file's format version with the one its library writes (the dependency
    // moved to a new major, the volume did not): redb "Expected file format version 2, but file is version 1",
    // "database format version mismatch", "file format version 3 is not supported", "file has format version 1,
    // but this build expects 2".
    all: [
      /\b[Ee]xpected (?:file |database |db |data |store |storage |on-disk )?format version:? v?\d{1,6},? (?:but|got|found)\b|\b(?:[Ff]ile|[Dd]atabase|DB|[Dd]ata|[Ss]tore|[Ss]torage|[Oo]n-disk) format version (?:mismatch\b|v?\d{1,6} (?:is )?(?:not supported|unsupported|too (?:old|new)))|\b(?:[Ff]ile|[Dd]atabase|[Ss]tore) (?:is|has) (?:format )?version v?\d{1,6},? (?:but|while) (?:this|the) (?:binary|build|library|release|program|version) (?:expects|supports|requires|writes)\b/,
    ],
    confidence: 0.86,
    title: 'The store file on the volume is in a format version another release of its library wrote',
    // A wire protocol, an API or a config or lock file has format versions too: not the data on the volume.
    not: /[Pp]rotocol|\bAPI\b|[Pp]lugin|[Cc]onfig|[Ll]ock ?file|[Mm]essage|[Pp]acket/,
  },
  {
    // The store stops and asks for an explicit upgrade step of its files (redb "Manual upgrade required",
    // "database requires a manual upgrade"): the new binary met data an older release wrote. Weaker, as apps
    // say the same of a schema or a package.
    all: [
      /\b[Mm]anual (?:upgrade|migration) (?:is )?required\b|\b(?:[Dd]atabase|[Ss]tore|[Dd]ata ?(?:file|dir(?:ectory)?)?) requires (?:a )?manual (?:upgrade|migration)\b/,
      /\b(?:[Dd]atabase|[Ss]tore|[Ff]ile|[Dd]ata|\.db|\.redb)\b/,
    ],
    confidence: 0.78,
    title: 'The data on the volume needs a manual upgrade step before this release can open it',
    not: /[Pp]ackage|[Pp]lugin|[Cc]onfig|[Ff]lyway|[Ll]iquibase|[Aa]lembic|[Ss]chema/,
  },
];
