/**
 * runtime_version_mismatch's readings of a server refusing a setting that belongs to another release of it.
 * The runtime-version-mismatch rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';
import { CONFIG_KEY_OF_ANOTHER_RELEASE_SIGNATURES } from './runtime-version-config-keys.ts';
import {
  ALIAS_REMOVED_BY_NEWER_LIBRARY,
  KIBANA_7X_SETTING,
  NEWER_AGENT_PLUGIN,
  NEWER_ELASTICSEARCH_SETTING,
  NEWER_REDIS_COMMAND,
  NEWER_SERVER_OPTION,
  NEWER_ZOT_KEY,
  OTELCOL_COMPONENT_OF_ANOTHER_RELEASE,
} from './version-clues.ts';

/**
 * mysqld options that only 8.0+ has, or that 8.0 removed from 5.7 or 8.4 from 8.0 (skip-host-cache, which the
 * 8.0 image's own my.cnf set, binlog dependency tracking, the keyring_file plugin), as mysqld names them.
 */
const MYSQL_OPTION_OF_ANOTHER_MAJOR =
  /\bunknown (?:variable|option) '(?:--)?(?:(?:loose[-_])?mysqlx(?:[-_][a-z_-]{2,40})?|admin[-_](?:address|port|ssl[-_][a-z_-]{2,30})|innodb[-_]dedicated[-_]server|binlog[-_]transaction[-_]compression(?:[-_]level[-_]zstd)?|binlog[-_]expire[-_]logs[-_]seconds|temptable[-_]max[-_](?:ram|mmap)|sql[-_]require[-_]primary[-_]key|persisted[-_]globals[-_]load|caching[-_]sha2[-_]password[-_][a-z_-]{2,40}|activate[-_]all[-_]roles[-_]on[-_]login|query[-_]cache[-_](?:size|type|limit|min[-_]res[-_]unit|wlock[-_]invalidate)|innodb[-_]file[-_]format(?:[-_]check|[-_]max)?|innodb[-_]large[-_]prefix|tx[-_]isolation|tx[-_]read[-_]only|log[-_]warnings|secure[-_]auth|old[-_]passwords|innodb[-_]support[-_]xa|innodb[-_]locks[-_]unsafe[-_]for[-_]binlog|ignore[-_]db[-_]dir|skip[-_]host[-_]cache|binlog[-_]transaction[-_]dependency[-_]tracking|log[-_]bin[-_]use[-_]v1[-_]row[-_]events|transaction[-_]write[-_]set[-_]extraction|group[-_]replication[-_]recovery[-_]complete[-_]at|avoid[-_]temporal[-_]upgrade|show[-_]old[-_]temporals|(?:skip[-_])?character[-_]set[-_]client[-_]handshake|slave[-_]rows[-_]search[-_]algorithms|(?:abort|disconnect)[-_]slave[-_]event[-_]count|keyring[-_](?:encrypted[-_])?file[-_](?:data|password)|internal[-_]tmp[-_]disk[-_]storage[-_]engine|innodb[-_]undo[-_]logs|des[-_]key[-_]file|log[-_]builtin[-_]as[-_]identified[-_]by[-_]password|metadata[-_]locks[-_]cache[-_]size)(?:=|')/;

export const SETTING_OF_ANOTHER_RELEASE_SIGNATURES: Signature[] = [
  {
    // Experimental settings live for a few releases only: added in one (allow_experimental_analyzer in
    // ClickHouse 23.x), renamed or dropped when the feature graduates (Trino's experimental.spill-enabled
    // became spill-enabled). A server that does not know one runs another release than the config's author;
    // a typo of an experimental name is rare next to that.
    all: [
      /[Ss]etting ['"`]?[\w.]{0,40}experimental[\w.]{0,80}['"`]? is neither a builtin setting|[Cc]onfiguration property ['"`][\w.-]{0,40}experimental[\w.-]{0,80}['"`] was not used|(?:[Uu]nknown|[Uu]nrecognized|[Uu]nsupported) (?:setting|option|variable|parameter|property|configuration (?:parameter|key|option|variable|property)|config(?:uration)? key)s?:? ['"`[]?(?:--)?[\w.-]{0,40}experimental[\w.-]{0,80}/,
    ],
    confidence: 0.74,
    title: 'The config sets an experimental setting this server release does not have (config for another release)',
  },
  {
    // A new release turns a feature on by default that the old config's schema or index cannot carry, and
    // names both versions: Loki 3 "schema v13 is required to store Structured Metadata ..., your schema
    // version is v12", "`tsdb` index type is required to store Structured Metadata". The image moved a
    // major version under a config written for the previous one.
    all: [
      /\bv?\d{1,4}(?: or (?:newer|later|higher))? is required to [^\n]{1,120}?,? your (?:[a-z]{1,20} )?version is v?\d|\bindex type is required to store Structured Metadata\b/,
    ],
    confidence: 0.82,
    title: "The config was written for an older release: the image's new default needs a newer schema or index",
  },
  {
    // Loki's config blocks of one major that the other does not have, read by the strict YAML decoder ("field
    // X not found in type loki.Config"): 3.x's pattern_ingester, bloom and Kafka blocks on a 2.9 image, or a
    // 2.x config's shared_store / max_look_back_period on 3.x, which removed them. These names are not typos;
    // the config and the image's major disagree.
    all: [
      /\bfield (?:pattern_ingester|bloom_gateway|bloom_compactor|bloom_build|kafka_config|ingest_limits(?:_frontend)?|block_builder|block_scheduler|shared_store|shared_store_key_prefix|max_look_back_period) not found in type [\w.]{1,60}\b/,
    ],
    confidence: 0.8,
    title: 'The Loki config names blocks of another major release than the image runs (2.x config on 3.x, or back)',
  },
  {
    // Garage 1.0 replaced the required replication_mode with replication_factor (and consistency_mode), and
    // 2.0 dropped replication_mode: serde's "missing field" for either key means a garage.toml written for
    // another major than the image (copied from current docs onto a pinned 0.9 tag, or the reverse).
    all: [/\bmissing field [`'"](?:replication_mode|replication_factor)[`'"]/],
    confidence: 0.76,
    title: "The Garage config names the replication keys of another major release than the image's",
  },
  {
    // ClickHouse's UNKNOWN_SETTING for any other name: a typo (bad_config) or a setting of a newer release
    // copied from another cluster; offered as a low reading so the version stays among the answers.
    all: [/is neither a builtin setting nor started with the prefix|\(UNKNOWN_SETTING\)/],
    confidence: 0.42,
    title: 'The config sets a setting this server release does not know (a typo, or a setting of another release)',
  },
  {
    // A collector component removed by a newer release (or added after an older one): the image moved under
    // a config written for another collector (Renovate bumping the tag, a config copied from current docs).
    all: [OTELCOL_COMPONENT_OF_ANOTHER_RELEASE],
    confidence: 0.82,
    title: 'The collector config names a component this collector release does not have (removed, or added later)',
  },
  {
    // A metrics or log agent whose config enables a plugin that only a later release ships (the config copied
    // from current docs, the image tag left behind): the name is real, so not a typo in the config.
    all: [NEWER_AGENT_PLUGIN],
    confidence: 0.82,
    title: 'The agent config enables a plugin that this (older) agent release does not have',
  },
  {
    // A kibana.yml carried over from 7.x onto an 8.x image: the keys 8.0 removed.
    all: [KIBANA_7X_SETTING],
    confidence: 0.8,
    title: "The Kibana config carries 7.x settings that the image's Kibana 8 removed",
  },
  {
    // A zot config from current docs on an image pinned before the feature.
    all: [NEWER_ZOT_KEY],
    confidence: 0.8,
    title: 'The zot config enables a feature added in a newer release than the image runs',
  },
  {
    // A server config copied from a newer release's docs onto an older image (MySQL 8.4's
    // mysql_native_password=ON on 8.0, NATS 2.10's route compression on 2.9): the option is right for
    // the release the author read about, unknown to the one that runs.
    all: [NEWER_SERVER_OPTION],
    confidence: 0.8,
    title: 'The config sets an option only another release of the server has (the image runs an older one)',
  },
  {
    // A my.cnf written for another MySQL major (a shared ConfigMap, a chart bumped without its config): 8.0's
    // X plugin (mysqlx*), admin port, dedicated-server and binlog compression options on a 5.7 or MariaDB
    // server, or 5.7's query cache, tx_isolation and file-format options that 8.0 removed (8.0's that 8.4 did). The server calls
    // each an "unknown variable", as it would a typo, but these names are real in some release.
    all: [MYSQL_OPTION_OF_ANOTHER_MAJOR],
    confidence: 0.8,
    title: 'The MySQL config sets an option of another release than the image runs (5.7, 8.0 or 8.4)',
  },
  {
    // An elasticsearch.yml from a newer major's docs on an older image: the setting is real, only not yet.
    // The generic "unknown setting" is a typo as often (bad_config); these names are not typos.
    all: [NEWER_ELASTICSEARCH_SETTING],
    confidence: 0.86,
    title: "The Elasticsearch config sets a setting of a newer release than the image's Elasticsearch",
  },
  {
    // A client speaking a command or protocol of a newer Redis (RESP3's HELLO, 6.2/7.0 commands) to an older
    // server: the server is older than the client needs.
    all: [NEWER_REDIS_COMMAND],
    confidence: 0.84,
    title: 'The Redis server is older than the client needs (a command or protocol it does not have yet)',
  },
  {
    // A database URL or backend name the installed (newer) library dropped: written for the older release.
    all: [ALIAS_REMOVED_BY_NEWER_LIBRARY],
    confidence: 0.84,
    title: 'The database URL uses a name the installed library release removed (postgres:// on SQLAlchemy 1.4+)',
  },
  {
    // A configuration written in the syntax of an older major release, which the server names and asks to
    // convert: Varnish 4+ "VCL version declaration missing ... Update your VCL to Version 4 syntax" for a
    // Varnish 3 VCL, "VCL version 3.0 not supported". Above the generic compile failure of the same log.
    all: [
      /\bVCL version declaration missing\b|\bVCL version \d\.\d not supported\b|\b(?:Update|Upgrade|Convert|Migrate) your [A-Za-z]{2,20} (?:configuration |config |file |files )?to (?:the )?(?:[Vv]ersion |v)\d{1,2}(?:\.\d{1,3})? (?:syntax|format)\b/,
    ],
    confidence: 0.86,
    title: 'The configuration is written in the syntax of an older release of the server the image runs',
  },
  {
    // Envoy removed its v2 xDS API (1.18+): a bootstrap from an old tutorial names v2 types the image no
    // longer registers ("Invalid type URL, unknown type: envoy.config.filter.network.http_connection_manager
    // .v2.HttpConnectionManager", envoy.api.v2.Cluster) or asks for the v2 transport. A typo is not a v2 name.
    all: [
      /\bunknown type: envoy\.(?:api\.v2|config\.[a-z_.]{1,120}\.v2(?:alpha\d?)?)\.|\bThe v2 xDS major version is deprecated and disabled\b|\bV2 \(and AUTO\) xDS transport protocol versions are deprecated\b/,
    ],
    confidence: 0.86,
    title: "The Envoy config uses the v2 API that the image's Envoy removed (a config for an older release)",
  },
  {
    // Deno 2 made "nodeModulesDir" a mode string ("auto", "manual", "none"); Deno 1.x reads it as a boolean
    // and refuses the file: 'Failed to parse "nodeModulesDir". invalid type: string "auto", expected a
    // boolean'. The value is valid for Deno 2, so the image's Deno is older than the config.
    all: [/\bFailed to parse "nodeModulesDir"\. invalid type: string "(?:auto|manual|none)"/],
    confidence: 0.86,
    title: "deno.json uses Deno 2's nodeModulesDir mode, but the image runs Deno 1.x",
  },
  {
    // Other deno.json keys whose shape changed between Deno releases (workspace, unstable, lock, publish,
    // patch/links): a serde type error on one names a config for another Deno more often than a typo.
    all: [
      /\bFailed to parse "(?:nodeModulesDir|workspace|workspaces|unstable|lock|publish|patch|links|vendor|compilerOptions|nodeModules)"\. (?:invalid type|unknown variant|invalid value)\b/,
    ],
    confidence: 0.66,
    title: 'deno.json has a key in the shape of another Deno release than the image runs',
  },
  {
    // A dump or schema from MySQL 8.0+ (utf8mb4_0900_* collations) or MariaDB 11.x (uca1400) loaded into an
    // older server that does not have the collation: "ERROR 1273 (HY000): Unknown collation:
    // 'utf8mb4_0900_ai_ci'". The collation is real, only newer than the server.
    all: [/\bUnknown collation: ['"`]?(?:utf8mb[34]_(?:[a-z]{2,16}_)?(?:0900|uca1400)_|uca1400_)/],
    confidence: 0.86,
    title: 'The SQL was dumped from a newer server: its collation does not exist in the older one the image runs',
  },
  {
    // sql_mode values MySQL 8.0 removed (NO_AUTO_CREATE_USER, the NO_*_OPTIONS trio, the DB2/MAXDB/ORACLE...
    // compatibility modes), set by a my.cnf or an app written for 5.7: mysqld refuses the value ("Error while
    // setting value '...' to 'sql_mode'"), a session SET gets "Variable 'sql_mode' can't be set to the value".
    all: [
      /\b(?:Error while setting value|can't be set to the value of) '[^'\n]{0,300}\b(?:NO_AUTO_CREATE_USER|NO_FIELD_OPTIONS|NO_KEY_OPTIONS|NO_TABLE_OPTIONS|MYSQL323|MYSQL40|MAXDB|DB2|MSSQL|POSTGRESQL|ORACLE)\b/,
      /\bsql_mode\b/,
    ],
    confidence: 0.88,
    title: 'The sql_mode names a mode the newer MySQL in the image removed (written for MySQL 5.7)',
  },
  {
    // An image whose entrypoint dropped the environment variables older tags read, and refuses to start with
    // them set (RabbitMQ 3.9: "RABBITMQ_VM_MEMORY_HIGH_WATERMARK is set but deprecated"; "environment variable
    // X is no longer supported"): the deployment was written for an older release of the image.
    all: [
      /\b[A-Z][A-Z0-9_]{2,60} is set but (?:deprecated|no longer supported|removed)\b|\bdeprecated environment variables? (?:detected|(?:is|are) (?:set|no longer supported))\b|\b[Ee]nvironment variables? ['"`]?[A-Z][A-Z0-9_]{2,60}['"`]? (?:is|are|was|has been|have been) (?:no longer supported|removed|not supported any ?more)\b/,
    ],
    not: /\b(?:warn(?:ing)?|ignor(?:ed|ing)|will be removed)\b/i,
    confidence: 0.8,
    title: 'The deployment sets environment variables this newer image no longer accepts',
  },
  ...CONFIG_KEY_OF_ANOTHER_RELEASE_SIGNATURES,
];
