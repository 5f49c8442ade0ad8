/**
 * data_version_incompatible's readings of a binary that names both versions: its own, and the newer or older
 * one the data or its on-disk files carry (a rollback over migrated data, a store written by another release
 * of an embedded engine). The data-version-incompatible rule lists these after its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const ROLLBACK_SIGNATURES: Signature[] = [
  {
    // A store that checks its on-disk format against the binary and asks for an upgrade step first:
    // SurrealDB 2 "The data stored on disk is out-of-date with this version", stores whose "on-disk format is
    // outdated" or whose "storage version is older than" the binary's, "data directory needs to be upgraded".
    all: [
      /\b(?:data|files?|store|storage|database) (?:stored |written )?on disk (?:is|are) (?:out[- ]of[- ]date|outdated|too old|too new|newer than)\b|\bon-disk (?:data |storage |store )?(?:format|version|layout) (?:is|was) (?:out[- ]of[- ]date|outdated|older than|newer than)\b|\b(?:storage|store|data(?: ?dir(?:ectory)?)?|database) (?:format |version )?(?:is |was )?(?:out[- ]of[- ]date|outdated) (?:with|for|compared to) (?:this|the (?:current|running)) (?:version|release|binary|server)\b|\b(?:data ?dir(?:ectory)?|storage|store|on-disk data) (?:needs|has) to be (?:upgraded|migrated) (?:before|with|using|first)\b/i,
    ],
    confidence: 0.86,
    title: 'The data on the volume is in an on-disk format another release wrote (upgrade or export it first)',
    // A cache, index of packages or a client library being out of date is not the server's stored data.
    not: /\b(?:cache|package (?:list|index)|lockfile|lock file|client|driver|certificate|CRL|schema migrations?)\b/i,
  },
  {
    // A server run against a database a newer release already migrated (a helm rollback, an image pinned
    // back): Keycloak "You are trying to run server version 25.0.6 against a database which was migrated to
    // version 26.1.2", "Server version can only be higher than or equal to the database version", and apps
    // saying their "database was migrated by version X" or "schema was upgraded to version Y".
    all: [
      /\bagainst (?:a |the )?(?:database|schema|data(?: ?store| directory)?|store|volume) (?:which|that) (?:was|has been|is already) (?:migrated|upgraded|written|created|initiali[sz]ed) (?:to|by|with) (?:version |release )?v?\d|\bcan only be (?:higher|newer|greater) than or equal to the (?:database|schema|data|store) version\b|\b(?:database|schema|data) (?:was|has been) (?:migrated|upgraded) by (?:a )?(?:newer )?(?:version|release) v?\d/,
    ],
    confidence: 0.87,
    title: 'The server is older than the version that migrated its database (a rollback over migrated data)',
    // Migration tools report their own history (db_migration_failure), and a driver or client is the runtime's.
    not: /[Ff]lyway|[Aa]lembic|[Ll]iquibase|[Dd]river|[Cc]lient version|lockfile|lock file/,
  },
  {
    // Embedded key-value stores refuse files written by another release of the library (the image's
    // dependency moved, the volume did not): Badger "manifest has unsupported version: 7 (we support 8)",
    // "data file has unsupported version", "store has unsupported format version 3 (supported: 4)".
    all: [
      /\b(?:[Mm]anifest|[Dd]ata|[Ss]tore|[Dd]atabase|[Ii]ndex|[Ss]napshot|WAL|[Jj]ournal|[Vv]alue log|[Ss]egment|[Tt]able) (?:file |directory )?has (?:an )?unsupported (?:format |file )?version\b|\bunsupported version: \d{1,6} \(we support \d{1,6}\)/,
    ],
    confidence: 0.86,
    title: 'The files on the volume were written by another release of the embedded store than the image runs',
    // A protocol, API or plugin version is not the data on the volume.
    not: /[Pp]rotocol|\bAPI\b|[Pp]lugin|[Dd]river|[Cc]lient|lockfile|lock file/,
  },
  {
    // A newer release enabled feature flags or on-disk features that the older image does not know (a
    // rollback after the data moved on): RabbitMQ "feature flags are enabled in the local node's persisted
    // state but unknown to this version" ({incompatible_feature_flags, ...}), ext4/XFS "unsupported
    // (incompatible) feature", stores with "unknown features enabled on disk".
    all: [
      /\bfeature flags? (?:are|is) enabled in the [^\n]{0,40}persisted state but unknown to this version\b|\bincompatible_feature_flags\b|\b(?:unknown|unsupported) (?:feature flags?|features?) (?:enabled|set|found|recorded) (?:in|on) (?:the )?(?:disk|persisted state|data ?dir(?:ectory)?|database|store)\b/,
    ],
    confidence: 0.88,
    title: 'The data was written by a newer release with features this older image does not know (a rollback)',
  },
  {
    // A store or index that says who wrote it, and that it was a newer (or unknown) release than the library
    // reading it (an image rolled back over data the newer one rewrote): tantivy "The index was created with
    // a newer or incompatible version of tantivy", "database was written by a newer version of SQLite",
    // "repository was created with a more recent version of borg", "snapshot was made by a later release".
    all: [
      /\b(?:[Ii]ndex|[Dd]atabase|[Dd]ata(?: ?files?| directory| dir)?|[Ss]tore|[Rr]epository|[Ss]napshot|[Ss]egments?|[Jj]ournal|WAL|[Cc]atalog|[Vv]ault|[Ww]allet|[Kk]eystore|[Vv]olume)(?: file)?(?: ["'`]?[^\s"'`]{1,200}["'`]?)? (?:was|were|has been|have been) (?:created|written|made|generated|saved|produced|formatted|initiali[sz]ed) (?:with|by|using) (?:a )?(?:newer|more recent|later|future)(?: (?:or|and) (?:incompatible|unsupported|unknown))? (?:version|release)\b/,
    ],
    confidence: 0.87,
    title: 'The data on the volume was written by a newer release than the image runs (rolled back over it?)',
    // A lockfile, compiled code or a config a newer tool wrote is the runtime's version, not the stored data.
    not: /[Ll]ock ?file|package-lock|[Cc]ompiled|bytecode|\.pyc\b|\.beam\b|class file|[Pp]lugin|[Cc]onfig(?:uration)? file/,
  },
  {
    // The schema a newer release migrated names its version, and the older binary says it is past the newest
    // it knows (an image pinned back after a floating tag ran): Authelia "schema version 20 is greater than
    // the latest version this version of Authelia supports (17); ... a newer version of Authelia was used
    // with this database", "database version 9 is higher than the maximum supported schema version 7".
    all: [
      /\b(?:[Ss]chema|[Dd]atabase|DB|[Ss]torage|[Ss]tore|[Dd]ata) version v?\d[\w.-]{0,20} is (?:greater|higher|newer|later) than the (?:latest|highest|maximum|max|newest) (?:schema |database |storage )?version\b|\b[Aa] newer version of [\w.-]{1,40} (?:was|has been) used (?:with|on|against) (?:this|the) (?:database|schema|data(?: directory)?|store|volume)\b/,
    ],
    confidence: 0.88,
    title: 'The database schema was migrated by a newer release than the image runs (pinned back after an upgrade?)',
    not: /[Dd]river|[Cc]lient version|[Pp]rotocol|lockfile|lock file/,
  },
  {
    // A library that stamps its version on the tables it keeps refuses tables a newer release set up (one
    // deployment upgraded the shared storage, another still pins the old library): Optuna "The runtime optuna
    // version 3.1.1 is no longer compatible with the table schema (set up by optuna 3.6.1)", "version X is not
    // compatible with the database schema (created by Y)".
    all: [
      /\bversion v?\d[\w.+-]{0,30} is (?:no longer |not )compatible with the (?:table |database |db |storage |stored |data )?schema\b|\bschema \((?:set up|created|written|upgraded|migrated) (?:by|with) [\w.-]{1,40} v?\d/,
    ],
    confidence: 0.86,
    title: 'The tables in the shared storage were set up by another release of the library than the image runs',
    not: /[Dd]river|[Cc]lient version|[Pp]rotocol|lockfile|lock file|[Ff]lyway|[Ll]iquibase|JSON ?[Ss]chema|GraphQL|[Aa]vro|[Pp]rotobuf/,
  },
  {
    // The store stamps the on-disk format version on its files and names both numbers when the binary is older
    // or newer than the one that wrote them (a helm rollback over upgraded files): RavenDB/Voron "The db file
    // is for version 60002, which is not compatible with the current version 54005", "journal was from version
    // 9, incompatible", "data directory is at format version 4, not supported by this build".
    all: [
      /\b(?:[Dd]b|DB|[Dd]atabase|[Dd]ata|[Ss]tore|[Ss]torage|[Jj]ournal|[Ii]ndex|[Ss]napshot|[Ss]egment|WAL)(?: (?:file|files|directory|dir))? (?:is|was|are|were) (?:for|from|at|of) (?:(?:schema|format|storage|data|file) )?version v?\d[\w.]{0,20}\b/,
      /\b(?:not compatible|incompatible|unsupported|not supported)\b/,
    ],
    confidence: 0.88,
    title: 'The files on the volume carry the on-disk version of another release than the image runs (a rollback?)',
    not: /[Dd]river|[Cc]lient|[Pp]rotocol|[Pp]lugin|[Cc]onfig(?:uration)? file|lockfile|lock file|[Ff]lyway|[Aa]lembic|[Ll]iquibase/,
  },
  {
    // An older SQLite opening a database a newer one created: it parses the schema stored IN the file on open,
    // so syntax added later (STRICT tables 3.37, generated columns 3.31, RETURNING, WITHOUT ROWID) fails as
    // "malformed database schema (readings) - near "STRICT": syntax error". The query text is not involved.
    all: [
      /\bmalformed database schema \([^()\n]{1,120}\) - near "(?:STRICT|GENERATED|ALWAYS|STORED|VIRTUAL|RETURNING|WITHOUT|ROWID|AS|ANY|OVER|FILTER)": syntax error\b/,
    ],
    confidence: 0.87,
    title: 'The SQLite database was created by a newer SQLite (its stored schema uses syntax this one lacks)',
  },
  {
    // Any other syntax the library cannot read in the stored schema: most often a newer writer, but a file
    // edited by hand or damaged can read the same, hence below the keyword reading.
    all: [/\bmalformed database schema \([^()\n]{1,120}\) - near "[^"\n]{1,40}": syntax error\b/],
    confidence: 0.8,
    title: 'The SQLite database schema uses syntax this SQLite cannot parse (written by a newer SQLite?)',
  },
  {
    // A save, world or map that names its version and refuses to load in an older binary (a floating tag
    // upgraded the server, a pinned tag rolled it back, the saves on the volume stayed): Factorio "Map version
    // 2.0.10-0 cannot be loaded because it is higher than the game version (1.1.110-0)", "world was saved
    // with a newer version", "save file version 9 is newer than the server version".
    all: [
      /\b(?:[Mm]ap|[Ss]ave(?: ?game| file)?|[Ww]orld|[Dd]ata|[Dd]atabase|[Ss]tore|[Ss]napshot|[Ii]ndex) (?:file |format )?version v?\d[\w.-]{0,30} (?:cannot|can't|could not|couldn't) be (?:loaded|opened|read) (?:because|as|since) it is (?:higher|newer|greater|later) than\b|\b(?:[Mm]ap|[Ss]ave(?: ?game| file)?|[Ww]orld) (?:was |has been )?(?:saved|created|written) (?:with|in|by) a (?:newer|more recent|later|future) (?:version|release)\b|\b(?:[Mm]ap|[Ss]ave(?: ?game| file)?|[Ww]orld) (?:file |format )?version v?\d[\w.-]{0,30} is (?:higher|newer|greater|later) than the (?:game|server|current|supported) version\b/,
    ],
    confidence: 0.86,
    title: 'The saves on the volume were written by a newer release than the image runs (the tag rolled back?)',
    // A mod, plugin or client of another version is the image's or the player's, not the stored data.
    not: /\b[Mm]od version\b|[Pp]lugin|[Cc]lient version|[Pp]rotocol/,
  },
  {
    // A unit of a persisted game or world save (chunk, region, level, player data, schematic) that says a
    // newer release wrote it, so the older server refuses it (a floating tag opened the world, a pinned tag
    // rolled the image back): Minecraft "Server attempted to load chunk saved with newer version of
    // minecraft! 3953 > 3700", "level was created in a newer version", "player data written by a later build".
    all: [
      /\b(?:[Cc]hunks?|[Rr]egions?(?: file)?|[Ll]evel(?:\.dat)?|[Ww]orld(?: ?file| data)?|[Ss]ave(?: ?game| ?file| data)?|[Pp]layer ?data|[Ss]chematics?|[Bb]lueprints?|[Ss]tructures?) (?:was |were |has been )?(?:saved|written|created|generated|stored) (?:with|by|in|using|from) (?:a |an )?(?:newer|more recent|later|future) (?:version|release|build)\b|\b(?:[Dd]ata ?[Vv]ersion|[Cc]hunk version|[Ww]orld version) v?\d{1,6} (?:is (?:newer|higher|greater) than|>) (?:the )?(?:supported |current |server )?(?:version )?v?\d/,
    ],
    confidence: 0.86,
    title:
      'The world or save data on the volume was written by a newer release than the image runs (the tag rolled back?)',
    not: /\b[Mm]od version\b|[Pp]lugin|[Cc]lient version|[Pp]rotocol/,
  },
  {
    // A server that stamps its schema version in the database and compares it with the one it expects at
    // start-up, the database having been created by an older release (the image was bumped, no upgrade ran):
    // MLflow "Detected out-of-date database schema (found version acf3..., but expected 0584...)". The same
    // words fit a migration that was never run (db_migration_failure), hence below the certain readings.
    all: [
      /\b(?:[Dd]etected |[Ff]ound )?(?:an )?out[- ]of[- ]date (?:database|DB|data ?store|storage|store) schema\b|\b(?:database|DB|schema) (?:schema )?version[^\n]{0,40}\bfound (?:version )?[\w.-]{1,60},? but expected\b|\bout[- ]of[- ]date[^\n]{0,40}\(found (?:version )?[\w.-]{1,60},? but expected\b/,
    ],
    confidence: 0.8,
    title: 'The database schema was created by an older release than the image runs (run its upgrade first)',
    // A client's or a document's schema (GraphQL, JSON Schema) being stale is not the stored data.
    not: /[Dd]river|[Cc]lient|[Pp]rotocol|lockfile|lock file|[Cc]ache|GraphQL|JSON ?[Ss]chema/,
  },
  {
    // An older server loading object definitions a newer one persisted on the volume (a ClickHouse rollback:
    // a table created with a MergeTree setting, data type, codec or engine the older release lacks): "Unknown
    // setting 'x': for storage ReplacingMergeTree: Cannot attach table `db`.`t` from metadata file ...".
    // An unknown function is left out (a user-defined function not loaded reads the same).
    all: [
      /\bCannot (?:attach|load) (?:table|dictionary|database|view)\b/,
      /\bfrom metadata file\b/,
      /\bUnknown (?:setting|data type(?: family)?|codec|compression method|(?:table |database |storage )?engine|index type)\b|\(UNKNOWN_(?:SETTING|TYPE|STORAGE|DATABASE_ENGINE|CODEC|COMPRESSION_METHOD)\)/,
    ],
    confidence: 0.8,
    title: 'Table metadata on the volume was written by another (newer) release than the image runs (a rollback?)',
  },
  {
    // Kafka in KRaft mode rolled back below the metadata.version the cluster was finalized at: the log
    // records a feature level the older binary has no MetadataVersion for.
    all: [/\bNo MetadataVersion with feature level \d{1,4}\b/],
    confidence: 0.8,
    title: "The cluster metadata was finalized by a newer Kafka (metadata.version) than the image's",
  },
];
