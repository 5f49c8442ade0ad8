/** data_version_incompatible: the data on the volume was written by another major version of the server. */
import { kubectl } from '../kubectl.ts';
import { ROLLBACK_SIGNATURES } from './data-version-incompatible-rollbacks.ts';
import { SCHEMA_GATE_SIGNATURES } from './data-version-incompatible-schema-gates.ts';
import {
  SERIALIZED_FORMAT_SIGNATURES,
  UNPICKLED_MOVED_MODULE,
  weighUnpicklingReading,
} from './data-version-incompatible-serialized.ts';
import { VERSION_STAMP_SIGNATURES } from './data-version-incompatible-stamps.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/database files are incompatible with server/],
    confidence: 0.95,
    title: 'The data directory was created by another PostgreSQL major version',
  },
  {
    all: [/The data directory was initialized by PostgreSQL version/],
    confidence: 0.93,
    title: 'The data directory was created by another PostgreSQL major version',
  },
  {
    all: [
      /UPGRADE PROBLEM: The data files need to be fully upgraded|Invalid feature compatibility version|featureCompatibilityVersion/,
    ],
    confidence: 0.85,
    title: 'The MongoDB data files are from an incompatible version',
  },
  {
    all: [
      /[Cc]annot downgrade a node from version|cannot upgrade a node from version|but the minimum compatible version/,
    ],
    confidence: 0.88,
    title: 'The Elasticsearch data is from an incompatible version',
  },
  {
    all: [
      /Invalid MySQL server downgrade|Unsupported redo log format|The redo log was created with (?:MySQL|MariaDB) \d|Cannot boot server version \d+ on data directory built by version|Upgrade is not supported after a crash|Upgrade after a crash is not supported|downgrade is not supported/i,
    ],
    confidence: 0.85,
    title: 'The MySQL/MariaDB data is from an incompatible version',
  },
  {
    // An upgrade path the server refuses over the data it finds: MySQL 9 "Invalid MySQL server upgrade:
    // Cannot upgrade from 80036 to 90000" (only from the last LTS), MariaDB/Percona "upgrade from X is not
    // supported", Neo4j 5 "store format ... cannot be opened by this version" (UnableToMigrateException).
    all: [
      /\bInvalid [A-Za-z]{2,20} server upgrade\b|\b[Cc]annot upgrade (?:directly )?from (?:version )?v?\d[\d.]{0,12} to (?:version )?v?\d|\bUnableToMigrateException\b|\bstore format [^\n]{0,80}\bcannot be opened by this version\b|\b(?:data|store|database) (?:files? )?(?:format )?(?:was|were) (?:created|written) by [^\n]{0,40}\bcannot be (?:opened|read|upgraded) by this version\b/,
    ],
    confidence: 0.88,
    title: 'The data on the volume is from a version this release cannot upgrade from directly',
  },
  {
    // The image dropped the storage engine the volume still uses and asks for a migration on the previous
    // release first: Nexus 3.71 "This instance uses OrientDB, which is not supported by Nexus Repository
    // 3.71.0 and later. Migrate the database to H2 ... with 3.70.x before upgrading".
    all: [
      /\b(?:[Mm]igrate|[Cc]onvert|[Uu]pgrade) (?:the |your )?(?:database|data|store|storage|datastore)\b[^\n]{0,120}\bbefore upgrading\b|\bwhich is (?:no longer |not )supported by [A-Z][A-Za-z]{1,20}(?: [A-Z][A-Za-z]{1,20}){0,3} v?\d{1,3}(?:\.\d{1,4}){0,3} and later\b/,
    ],
    confidence: 0.84,
    title: 'The volume holds data in a format this release no longer opens (migrate on the previous release)',
  },
  {
    all: [/unsupported WiredTiger file version|this build only supports versions up to \d+/],
    confidence: 0.85,
    title: 'The MongoDB data files were written by a newer MongoDB than the image runs',
  },
  {
    all: [/Can't handle RDB format version \d+/],
    confidence: 0.88,
    title: 'The Redis dump was written by a newer Redis than the image runs',
  },
  {
    all: [/created (?:in|with) version \[[0-9.]{1,16}\]/, /upgrad|minimum compatible|re-?index/i],
    confidence: 0.85,
    title: 'An Elasticsearch index was created by a version this one cannot read',
  },
  {
    // A dump, archive or backup repository written by a newer tool than the one restoring it: pg_restore
    // "unsupported version (1.15) in file header" (a pg_dump 16 archive read by 15), restic "unsupported
    // repository version", "archive was made by a newer version".
    all: [
      /\bunsupported version \(\d[\d.]{0,10}\) in file header|\b(?:archive|dump|backup|snapshot) (?:file )?was (?:made|created|written) (?:by|with) a (?:newer|more recent) version\b|\bunsupported (?:repository|archive|dump|backup) (?:format )?version\b/,
    ],
    confidence: 0.86,
    title: 'The dump or backup was written by a newer version of the tool than the image runs',
  },
  {
    // MinIO dropped the single-drive "fs" backend: old data needs a migration, not a restart.
    all: [/found backend type fs, expected xl|[Uu]nsupported backend format/],
    confidence: 0.85,
    title: 'The MinIO data uses a backend format this version no longer supports',
  },
  {
    all: [
      /[Ii]ncompatible (?:data|storage|on-disk) (?:format|version)|data format version \d+ is not supported|created by a newer version|unsupported (?:data|storage) version/,
    ],
    confidence: 0.7,
    title: 'The stored data is from an incompatible version',
    // A lockfile from a newer package manager is the runtime's version, not the data's.
    not: /lockfile|lock file|bun\.lock|deno\.lock/i,
  },
  {
    // The data (or the app's schema in its database) was written by a newer release than the image runs:
    // SonarQube, Gitea, Nextcloud and most self-hosted apps refuse to downgrade it.
    all: [
      /(?:[Dd]atabase|[Ss]chema|[Dd]ata|[Ss]tore|[Ii]ndex) (?:was|has been) (?:upgraded|migrated|created|written) (?:to|by|with) (?:a )?(?:more recent|newer|later) (?:version|release)|\bis for a newer [A-Z][\w-]{1,30}|\b[Dd]owngrad(?:e|es|ing) (?:is|are) not (?:supported|allowed|possible)|\b[Rr]efusing to downgrade|\b(?:schema|database|data) version \d[\w.]{0,16} is newer than/,
    ],
    confidence: 0.86,
    title: 'The data was written by a newer version of the app than the image runs (a downgrade)',
    // Migration tools have their own owner (db_migration_failure), and a lockfile is not stored data.
    not: /[Ff]lyway|[Aa]lembic|[Ll]iquibase|lockfile|lock file/i,
  },
  {
    // Servers that refuse to run an older binary on data a newer one already touched, worded around the
    // downgrade: etcd "cluster cannot be downgraded (current version: 3.4.27 is lower than determined
    // cluster version: 3.5)", "cannot downgrade from", "downgrade from 1.9 is not supported".
    all: [
      /\b(?:cannot|can't|can ?not|unable to|refus(?:e|es|ing) to) (?:be )?downgrade(?:d)?\b|\b[Dd]owngrad(?:e|es|ing) (?:[\w.-]{1,40} )?from [^\n]{1,60}\b(?:is )?(?:not (?:supported|allowed|possible)|unsupported|prohibited)|\bis (?:lower|older) than (?:the )?(?:determined |stored |persisted |on-disk |recorded )?(?:cluster|data|schema|storage|database) version\b/,
    ],
    confidence: 0.86,
    title: 'The data was written by a newer version of the server than the image runs (a downgrade)',
    // Package managers and charts downgrade packages, not stored data.
    not: /\bpackages?\b|\bapt\b|\bpip\b|\bnpm\b|\bhelm\b|\bchart\b|\bdependenc|--allow-downgrades|lockfile|lock file/i,
  },
  {
    // The data or schema on the volume names its own version and the binary refuses it, in either
    // direction: Meilisearch "Your database version (1.6.2) is incompatible with your current engine
    // version (1.8.0)", Hive "Hive Schema version 3.1.0 does not match metastore's schema version 4.0.0".
    all: [
      /\b(?:[Ss]chema|[Dd]atabase|[Dd]ata|DB|[Ss]tore|[Ii]ndex|[Dd]ump|[Ss]napshot|[Oo]n-disk|[Mm]etadata|[Ss]torage) version (?:\(?v?\d[\w.-]{0,20}\)? |of v?\d[\w.-]{0,20} )?(?:is (?:incompatible|not compatible) with|is newer than)\b|\b(?:[Ss]chema|[Dd]atabase|[Dd]ata|[Ss]tore) (?:has been|was) upgraded to a version (?:that is )?(?:not compatible|incompatible)\b|\b(?:[Ww]orld|[Dd]ata|[Dd]atabase|[Ss]ave) was saved (?:with|by|in) a (?:newer|more recent|later) version\b/,
    ],
    confidence: 0.86,
    title: 'The data on the volume was written by another version of the server than the image runs',
    // A database server's own version against a driver or client is runtime_version_mismatch's.
    not: /\b(?:PostgreSQL|Postgres|MySQL|MariaDB|SQL Server|Oracle|MongoDB|Redis|Valkey|Elasticsearch|OpenSearch|SQLite|CockroachDB|Cassandra|ClickHouse)\b|[Ss]erver version|[Dd]river|[Cc]lient|[Pp]rotocol|[Ff]lyway|[Aa]lembic|[Ll]iquibase|lockfile|lock file/,
  },
  {
    // The store refuses data a newer release already migrated (a rollback after an upgrade), worded as the
    // data being "too new": Synapse "Cannot use this database as it is too new for the server to
    // understand", "the repository is too new for this version", "schema is newer than this release".
    all: [
      /\b(?:[Dd]atabase|[Ss]chema|[Dd]ata(?: directory)?|DB|[Ss]tore|[Ii]ndex|[Rr]epository|[Ss]napshot|[Ss]tate file)(?: (?:as|because|since) it)? is (?:too new\b|newer than (?:this|the current|the running|the installed) (?:version|release|server|application|app|binary|build)\b)/,
    ],
    confidence: 0.87,
    title: 'The data was migrated by a newer version of the server than the image runs (a rollback?)',
    // A database server too new for the driver or client is runtime_version_mismatch's.
    not: /[Dd]river|[Cc]lient|[Pp]rotocol|[Ss]erver version|lockfile|lock file|[Ff]lyway|[Aa]lembic|[Ll]iquibase/,
  },
  {
    // The binary names its own version and refuses the files the store holds (a rollback after a newer
    // release upgraded or finalized them): CockroachDB "cockroach version v22.2.17 is incompatible with data
    // in store ...; use version v23.1 or later", "binary version X is not compatible with the data directory".
    all: [
      /\bversion v?\d[\w.+-]{0,30} is (?:incompatible|not compatible) with (?:the )?(?:data|stored data|on-disk data|data directory|store|database files?)\b(?! ?(?:type|format|model|source)\b)/,
    ],
    confidence: 0.88,
    title: 'The binary is older than the version that last wrote the data on the volume (a rollback)',
    // A driver or client against a server version is runtime_version_mismatch's.
    not: /[Dd]river|[Cc]lient|[Pp]rotocol|lockfile|lock file|[Ff]lyway|[Aa]lembic|[Ll]iquibase/,
  },
  {
    // The server reads the on-disk format number the data carries and refuses one newer than it supports (a
    // rollback after an upgrade touched the files): SQL Server error 948 "The database 'master' cannot be
    // opened because it is version 957. This server supports version 904 and earlier. A downgrade path is
    // not supported", Firebird "unsupported on-disk structure for file ...; found 13.0, support 12.2",
    // Oracle "ORA-00201: control file version ... incompatible with ORACLE version".
    all: [
      /\bcannot be opened because it is version \d{2,6}\b|\b[Tt]his server supports version \d{2,6} and earlier\b|\b[Aa] downgrade path is not supported\b|\bunsupported on-disk structure for file\b|\bcontrol file version [\d.]{1,20} incompatible with ORACLE version\b/,
    ],
    confidence: 0.9,
    title: 'The database files on the volume carry a newer on-disk version than this server supports (a downgrade)',
  },
  {
    // "Does not match" names no direction, and an older schema may only need its upgrade step run.
    all: [
      /\b(?:[Ss]chema|[Dd]atabase|[Dd]ata|DB|[Ss]tore|[Ii]ndex|[Oo]n-disk|[Mm]etadata|[Ss]torage) version (?:\(?v?\d[\w.-]{0,20}\)? )?(?:does not match|doesn't match|differs from|mismatch|is older than)\b[^\n]{0,80}\bversion\b/,
    ],
    confidence: 0.8,
    title: 'The data on the volume was written by another version of the server than the image runs',
    not: /\b(?:PostgreSQL|Postgres|MySQL|MariaDB|SQL Server|Oracle|MongoDB|Redis|Valkey|Elasticsearch|OpenSearch|SQLite|CockroachDB|Cassandra|ClickHouse)\b|[Ss]erver version|[Dd]river|[Cc]lient|[Pp]rotocol|[Ff]lyway|[Aa]lembic|[Ll]iquibase|[Mm]igration (?:file|script)|lockfile|lock file/,
  },
  {
    // An upgrade that skipped a required step: the data still needs an intermediate version first
    // (RabbitMQ feature flags, "upgrade to X first", Nextcloud's one-major-at-a-time rule).
    all: [
      /required feature flags? (?:not enabled|are disabled|is disabled)|\bdisabled_required_feature_flag\b|must be enabled before upgrading|[Uu]pdates? between multiple major versions|\b(?:cannot|can't|can not) (?:upgrade|update|migrate) directly from|\b(?:[Pp]lease |[Yy]ou must )?(?:upgrade|update) to (?:version )?v?\d[\w.]{0,16} first\b|\bskipp(?:ing|ed) (?:a |over )?(?:major |minor )?(?:versions?|releases?) is not supported/,
    ],
    confidence: 0.86,
    title: 'The data is from a version too old to upgrade to this one directly (a required step was skipped)',
  },
  {
    // The store names the release that last wrote it and refuses a jump past the one-step upgrade window:
    // CockroachDB "store /cockroach/cockroach-data, last used with cockroach version v22.1, is too old for
    // running version v23.1 (which requires data from v22.2 or later)", and stores that call their own
    // data, datadir or files "too old for" (or "too old to be upgraded by") this release.
    all: [
      /\b(?:[Ss]tores?|[Dd]ata ?dir(?:ectory)?|[Dd]ata files?|[Oo]n-disk data|[Dd]ata) (?:(?:in |at |under )?["'`]?\/[^\s,"'`]{1,200}["'`]?,? )?(?:is|are) too old (?:for (?:running |this |the (?:running |current )?)?(?:version|release|binary|server)\b|to be (?:read|opened|upgraded)\b)|\bis too old for running version v?\d|\brequires data from v?\d|\blast used with [A-Za-z]{1,30} version v?\d/,
    ],
    confidence: 0.86,
    title: 'The data on the volume was written by a release too old for this one to open (upgrade one step at a time)',
    // A server or client too old for the app is the runtime's version, not the data's.
    not: /\b(?:[Ss]erver|[Cc]lient|[Dd]river|[Pp]rotocol|API|[Bb]rowser) version\b|\bserver is too old\b/,
  },
  {
    // Embedded stores and indexes name their own on-disk format (H2 MVStore, Lucene, Neo4j, Derby).
    all: [
      /\b[Ww]rite format \d+ is (?:smaller|larger) than the supported format|IndexFormatToo(?:Old|New)Exception|[Ff]ormat version is not supported|[Ss]tore format (?:version )?[^\n]{0,60}(?:is not supported|not supported|unsupported)|\b(?:dbms\.)?allow_upgrade=true|(?:file|on-disk|store|storage|database|index) format (?:version )?\d{0,6} ?(?:is )?(?:too old|too new|no longer supported)/,
    ],
    confidence: 0.86,
    title: 'The files on the volume use an on-disk format this version cannot read',
  },
  {
    // H2 also says this for a file that is not an H2 database at all: likely, not certain.
    all: [/[Uu]nsupported database file version|[Uu]nsupported (?:file|store|index) format version/],
    confidence: 0.72,
    title: 'The database file was written in another format version',
  },
  {
    // Cassandra met sstables of a release it cannot read (skipped an intermediate major): "Detected
    // unreadable sstables ... upgraded through all required intermediate versions, running upgradesstables".
    all: [
      /Incompatible SSTable found|(?:[Pp]lease run|running|[Rr]un) (?:nodetool )?upgradesstables|Detected unreadable sstables|upgraded through all required intermediate versions|[Uu]nsupported sstable (?:format|version)/,
    ],
    confidence: 0.86,
    title: 'The Cassandra data files are from another version (upgradesstables)',
  },
  {
    // The data directory's recorded version is older (or newer) than the binary's, and the server wants an upgrade
    // step: ArangoDB "Database directory version (31007) is lower than current version (31107)" / "Database
    // version check failed" / "--database.auto-upgrade", "data version 5 is newer than this binary supports".
    all: [
      /\b(?:[Dd]atabase|[Dd]ata|[Ss]torage|[Ss]tore) (?:directory |dir |files? |format )?version \(?v?\d[\d.]{0,12}\)? is (?:lower|older|higher|newer|greater) than (?:the )?(?:current|expected|required|supported|this|binary|server)\b|\b[Dd]atabase version check failed\b|--database\.auto-upgrade\b|\b(?:data|database|storage) (?:format |directory )?version [^\n]{0,40}\bis newer than (?:this|the) (?:binary|server|release|version)\b/,
    ],
    confidence: 0.86,
    title: 'The data on the volume was written by another server version (an upgrade step is needed)',
  },
  {
    // The database's module or schema versions are AHEAD of the code (an image rolled back after the newer
    // release upgraded the schema): Magento "Some modules use code versions newer or older than the
    // database", "database is ahead of this release", "schema version is newer than the code supports".
    all: [
      /\bmodules use code versions newer or older than the database\b|\b[Dd]atabase (?:schema )?is (?:ahead of|newer than) (?:this|the) (?:release|code|application|app|version|binary)\b|\b(?:schema|database) version [^\n]{0,40}\bis newer than (?:the |this )?(?:code|application|app|release) (?:supports|expects)\b/,
    ],
    confidence: 0.82,
    title: 'The database was upgraded by a newer release than the image (rolled back over an upgraded schema)',
  },
  {
    // An image upgraded over data it did not upgrade, told by the entrypoint: postgres 18+ images "there
    // appears to be PostgreSQL data in: /var/lib/postgresql/data (unused mount/volume) ... upgrading the
    // Docker image without upgrading the underlying database using pg_upgrade".
    all: [
      /\bupgrading the (?:Docker |container )?image without upgrading the (?:underlying |existing )?(?:database|data)\b|\bthere appears to be [A-Z][\w]{1,20} data in\b/,
    ],
    confidence: 0.88,
    title: 'The image was upgraded to a new major version over data it did not upgrade',
  },
  {
    // A store that knows the files on the volume but refuses to convert them on its own (an image tag that
    // floated a major version): Neo4j 5 "UpgradeNotAllowedException ... Migration of the store format is
    // required before the database can be started", Neo4j 3/4 "the database files require upgrading and
    // upgrades are disabled", "store upgrade is required", "data format migration required before start".
    all: [
      /\bUpgradeNotAllowedException\b|\b(?:[Mm]igration|[Uu]pgrade|[Cc]onversion) of the (?:store|storage|data|database|on-disk) (?:format|files|layout) is required\b|\b(?:database|store|data) files require (?:upgrading|an upgrade|migration)\b|\b(?:[Ss]tore|[Ss]torage|[Dd]ata) (?:format )?(?:upgrade|migration) (?:is )?(?:required|not allowed|needed)\b/,
    ],
    confidence: 0.86,
    title: 'The volume holds a store in an older format that this major version will not open without a migration',
    // Schema migrations of an app's own tables belong to the migration tools (db_migration_failure).
    not: /[Ff]lyway|[Aa]lembic|[Ll]iquibase|[Ss]chema migration|[Pp]ending migration|db:migrate/,
  },
  {
    // An older InnoDB reading a system tablespace a newer MySQL (8.0's data dictionary) wrote: "Table flags are 0
    // in the data dictionary but the flags in file ./ibdata1 are 0x4800!". Corruption reads the same: below 0.85.
    all: [/\bin the data dictionary but the flags in file [^\s]{0,120}ibdata\d\b/],
    confidence: 0.8,
    title: 'The InnoDB system tablespace was written by a newer MySQL than the image runs',
  },
];

export const dataVersionIncompatible = signatureRule({
  id: 'data-version-incompatible',
  category: 'data_version_incompatible',
  signatures: [
    ...SIGNATURES,
    ...ROLLBACK_SIGNATURES,
    ...SCHEMA_GATE_SIGNATURES,
    ...SERIALIZED_FORMAT_SIGNATURES,
    ...VERSION_STAMP_SIGNATURES,
    UNPICKLED_MOVED_MODULE,
  ],
  adjust: weighUnpicklingReading,
  steps: (ctx) => [
    `Compare the image version with the one that wrote the data: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].image}')}`,
    `If the image changed recently, roll back while you plan the upgrade: ${kubectl.rolloutHistory(ctx.target)}`,
    'Upgrade the data explicitly (pg_upgrade, dump and restore) rather than pointing a new major version at old data',
  ],
});
