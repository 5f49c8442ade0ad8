/**
 * data_version_incompatible's readings of a store that stamps its version on the files and names it, with the
 * version the binary reads or wants, when they differ: a persistence file of a newer broker on a pinned-back
 * image, an embedded graph or analytics database written by a newer library, a node's data directory that an
 * older release wrote and that must be upgraded by a command first. The data-version-incompatible rule lists
 * these after its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const VERSION_STAMP_SIGNATURES: Signature[] = [
  {
    // The persistence file's format version beside the one the binary needs: Mosquitto "Unsupported persistent
    // database format version 6 (need version 5)" (1.6 over a 2.0 mosquitto.db), "unsupported snapshot format
    // version 3 (expected version 2)", "state file format version 4 is newer than supported (max 3)".
    all: [
      /\b[Uu]nsupported (?:persistent |persisted |persistence |on-disk |saved )?(?:database|db|data|store|storage|snapshot|state|save|journal|index) (?:file )?format version:? v?\d{1,6}\b[^\n]{0,12}\((?:need|needs|expected|expecting|supports?|supported|requires?|max(?:imum)?|want)(?:ed)?:? (?:version )?v?\d/,
    ],
    confidence: 0.86,
    title: 'The persistence file on the volume is in a format version another release of the server wrote',
    not: /[Pp]rotocol|\bAPI\b|[Pp]lugin|[Cc]onfig(?:uration)? file|[Ll]ock ?file|[Mm]essage format|[Pp]acket/,
  },
  {
    // An embedded database reading a file of another storage version: Kùzu "Trying to read a database file with
    // a different version. Database file version: 32, Current build storage version: 27", DuckDB "Trying to read
    // a database file with version number 64, but we can only read version 39" / "The database file was
    // created with a newer version of DuckDB".
    all: [
      /\bTrying to (?:read|open|load) a (?:database|data|db|storage|index) file with (?:a different (?:storage |format )?version|version number \d{1,6})\b|\b(?:[Dd]atabase|[Dd]ata|DB|[Ss]torage) file version:? v?\d{1,6},? (?:but )?(?:the )?[Cc]urrent (?:build |binary |library )?(?:storage |format )?version:? v?\d|\b[Tt]he (?:database|data|db|storage) file was created with an? (?:newer|older|more recent|different) version of\b/,
    ],
    confidence: 0.87,
    title: 'The database file on the volume was written by another release of its embedded engine (storage version)',
    not: /[Pp]rotocol|\bAPI\b|[Pp]lugin|[Cc]onfig(?:uration)? file|[Ll]ock ?file/,
  },
  {
    // A node's data directory (or repo) older or newer than the binary, with the command that upgrades it:
    // Octez "The data directory version is too old. Found '3.0', expected '3.1'. It needs to be upgraded with
    // `octez-node upgrade storage`", Kubo "ipfs repo needs migration" / "Your programs version (13) is lower
    // than your repos (14)", "storage version is too new for this binary".
    all: [
      /\b(?:[Dd]ata|[Dd]atabase|[Ss]torage|[Ss]tore|[Rr]epo(?:sitory)?) (?:directory |dir |files? |format )?version is too (?:old|new|recent)\b|\b(?:[Dd]ata ?dir(?:ectory)?|[Rr]epo(?:sitory)?|[Ss]torage|[Ss]tore) needs? (?:a )?migration\b|\b[Yy]our programs? version \(\d{1,4}\) is (?:lower|higher) than your repos? \(\d{1,4}\)|\bneeds? to be upgraded with [`'"]?[\w.-]{1,40} (?:upgrade|migrate) (?:storage|data|store|repo|db)\b/,
    ],
    confidence: 0.86,
    title:
      'The data directory on the volume was written by another release than the image runs (an upgrade step is needed)',
    not: /[Pp]rotocol|\bAPI\b|[Cc]lient version|[Dd]river|[Ss]chema migrations?|[Ff]lyway|[Aa]lembic|[Ll]iquibase|[Ll]ock ?file/,
  },
];
