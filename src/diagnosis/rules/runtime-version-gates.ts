/**
 * runtime_version_mismatch's readings of a server's version against what talks to it: plugins, drivers and
 * client tools gated on the server version, and configs written for another server version (the GPU driver
 * reading lives in runtime-version-gpu-driver.ts). The runtime-version-mismatch rule lists these after its
 * language-runtime signatures, in this order.
 */
import type { Signature } from './log-helpers.ts';
import { CLIENT_SERVER_API_SIGNATURES } from './runtime-version-client-server.ts';
import {
  CASSANDRA_OTHER_VERSION_PROPERTY,
  KAFKA_ZOOKEEPER_MODE_REMOVED,
  NEWER_AUTHELIA_KEY,
  NEWER_CONSUL_KEY,
  NEWER_ENVOY_EXTENSION,
  NEWER_POSTGRES_PARAMETER,
  NEWER_GO_YAML_FIELD,
  NEWER_OTELCOL_SECTION,
  NEWER_RABBITMQ_KEY,
  NEWER_REDIS_DIRECTIVE,
  OTHER_VERSION_SYNTAX,
  REMOVED_DIRECTIVE,
  REMOVED_MYSQL_FLAG,
  REMOVED_SETTING,
  TRAEFIK_DISCONTINUED_NODE,
  TRAEFIK_OTHER_VERSION_NODE,
} from './version-clues.ts';

/** Servers an app or driver may find too old or too new for it. */
const DATA_SERVER =
  /\b(?:postgresql|postgres|mysql|mariadb|mongodb|redis|elasticsearch|opensearch|clickhouse) (?:server )?version\b|\b[Dd]atabase server version\b|\b(?:PostgreSQL|Postgres|MySQL|MariaDB|SQL Server|Oracle|MongoDB|Redis|Valkey|Elasticsearch|OpenSearch|SQLite|CockroachDB|Cassandra|ClickHouse|Kafka|RabbitMQ|etcd|Kubernetes|Consul|NATS|Memcached)\b/;
/**
 * "MySQL 5.7 is no longer supported", "PostgreSQL 12 or later is required", "requires Redis 6.2.0 or greater",
 * SonarQube "Unsupported postgresql version: 10.21. Minimal supported version is 11.0", BullMQ "Redis version
 * needs to be greater or equal than 5.0.0", Zabbix "Unsupported DB! PostgreSQL version is 120019 which is smaller
 * than minimum of 130000". Flyway's bare "Unsupported Database: X" is a missing database module, not a version.
 */
const SERVER_VERSION_GATE =
  /\bv?\d[\d.]{0,10} (?:or (?:later|newer|higher|greater|above) |\+ )?is (?:required|no longer supported|not supported|too old|too new)\b|\brequires (?:a |at least )?[A-Z][A-Za-z]{1,15}(?: [A-Z][a-z]{1,10})?(?: server)? (?:version )?(?:[>=]{1,2} ?)?v?\d|[Uu]nsupported (?:[A-Za-z]{2,20} )?[Dd]atabase version\b|\b[Uu]nsupported DB!|\bversion [^\n]{0,40}?\bis (?:too old|too new|not supported|unsupported)\b|\bFlywayEditionUpgradeRequiredException\b|[Uu]pgrade required: |\bneeds (?:at least |version )v?\d|\b[Cc]annot run (?:in|on|with|against) this [A-Za-z]{2,20} version\b|\bminimum (?:supported |required )?version (?:is |of [\w.-]{1,40} is )v?\d|\brequires at least (?:version )?v?\d|\b[Mm]inim(?:um|al) (?:supported |required )?version is v?\d|\bversion (?:needs|has|must) to be (?:greater|higher|newer|at least)\b|\b[Uu]nsupported [A-Za-z]{2,20} version: v?\d|\b(?:is )?(?:less|lower|older|smaller) than (?:the )?minimum (?:of v?\d|(?:required |supported )?version\b)|\b[Mm]ust not be lower than \(?v?\d/;

export const SERVER_VERSION_SIGNATURES: Signature[] = [
  {
    // Plugins pinned for a newer server core than the image ships (Jenkins, Grafana, Elasticsearch plugins).
    all: [
      /\b(?:Jenkins|Grafana|Elasticsearch|OpenSearch|[Cc]ore|[Ss]erver) \(?v?\d/,
      /\bor (?:higher|newer|later) (?:is )?required\b/,
    ],
    confidence: 0.84,
    title: 'A plugin needs another version of the server than the image runs',
  },
  {
    all: [
      /requires (?:a )?(?:newer|more recent|greater|higher|later) version of (?:Jenkins|Grafana|Elasticsearch|OpenSearch|Kibana|SonarQube|Keycloak|the server)|was built for (?:Elasticsearch|OpenSearch) version/,
    ],
    confidence: 0.84,
    title: 'A plugin needs another version of the server than the image runs',
  },
  {
    // Version gates of servers and launchers: "Unsupported Java detected (60.0). Only up to Java 15 is supported."
    all: [
      /Unsupported Java detected|[Oo]nly up to Java \d{1,2} is supported|requires (?:at least )?Java \d{1,2}\b|Java \d{1,2} is not supported|[Uu]nsupported (?:Java|JDK|JVM) version|requires Erlang\/OTP \d|Erlang\/OTP \d{2} is not supported|[Uu]nsupported (?:Erlang|OTP) (?:release|version)/,
    ],
    confidence: 0.86,
    title: 'The server refuses the runtime version in the image (version gate)',
  },
  {
    // A build tool older than the project files it reads: Cargo "lock file version `4` was found, but this
    // version of Cargo does not understand this lock file, perhaps Cargo needs to be updated?", "package `x`
    // cannot be built because it requires rustc 1.74 or newer", go "go.mod requires go >= 1.22", "this
    // version of npm/pip/poetry does not support" a newer file format.
    all: [
      /\bthis version of [A-Za-z][\w.-]{1,30} does not (?:understand|support|recognize)\b|\bperhaps [A-Za-z][\w-]{1,30} needs to be (?:updated|upgraded)\b|\b[Ll]ock ?file version [`'"]?\d{1,3}[`'"]? (?:was found|is not supported|is unsupported|is too new)\b|\bcannot be built because it requires rustc v?\d|\bgo\.mod requires go ?>= ?\d|\brequires (?:a )?newer (?:version of )?(?:Cargo|rustc|go|npm|pip|poetry|bundler|composer|gradle|maven)\b/,
    ],
    confidence: 0.86,
    title: "The image's build tool is older than the project files need (lockfile or toolchain version)",
  },
  {
    // Directives a config written for a newer Redis uses (7.x) that an older image does not know.
    all: [NEWER_REDIS_DIRECTIVE],
    confidence: 0.8,
    title: 'The Redis config uses a directive added in a newer Redis than the image runs',
  },
  {
    // Settings later server versions removed: a config written for an older server than the image.
    all: [REMOVED_SETTING],
    confidence: 0.86,
    title:
      'The config sets an option the server version in the image has removed (config written for an older version)',
  },
  {
    // A ZooKeeper-mode Kafka config (3.x) on a 4.x image, which has no ZooKeeper mode any more.
    all: [KAFKA_ZOOKEEPER_MODE_REMOVED],
    confidence: 0.84,
    title: 'The Kafka config is written for ZooKeeper mode, which the Kafka version in the image removed',
  },
  {
    // Hyphenated as a flag spells it: the flag may be the mistake (bad_command_args ranks it first), unless
    // the image came from a floating tag (the runtime-version-mismatch rule raises it then).
    all: [REMOVED_MYSQL_FLAG],
    confidence: 0.55,
    title: 'The server no longer has an option it was given (removed in the version the image runs)',
  },
  {
    // Envoy dropped the v2 API in 1.18: a v2 bootstrap (hosts, envoy.api.v2 types) fails on a newer image.
    all: [OTHER_VERSION_SYNTAX],
    confidence: 0.84,
    title: 'The config is written for another version of the server than the image runs',
  },
  {
    // MongoDB drivers (Node, Python, Java, Go, C#) and the server's wire protocol range.
    all: [
      /\bwire version \d+, but this version of [^\n]{1,80}? requires (?:at least|at most) \d+|\bMongoCompatibilityError\b|\bMongoIncompatibleDriverException\b|[Tt]his version of the driver is not compatible with/,
    ],
    confidence: 0.9,
    title: 'The database driver in the image does not support the version of the server it connects to',
  },
  {
    // Client tools (pg_dump, pg_basebackup, mysqldump 8 on a 5.7 server) refuse a server of another version.
    all: [
      /\bserver version mismatch\b|\bincompatible server version\b|[Uu]nsupported server version|\bserver version: [\d.]{1,16}[^\n]{0,60}; [\w-]{1,30} version: [\d.]{1,16}|Unknown table '(?:COLUMN_STATISTICS|column_statistics)'/,
    ],
    confidence: 0.88,
    title: 'The client tool in the image is another version than the server it talks to',
  },
  {
    // An Elasticsearch client asks for a compatibility mode (compatible-with=9) the older server lacks.
    all: [/Accept version must be either version \d+ or \d+|\bmedia_type_header_exception\b/],
    confidence: 0.88,
    title: 'The Elasticsearch client is a newer major version than the server',
  },
  {
    // The product check of Elasticsearch clients: a server too old (or another product) for the client; the
    // 8.x Java client's "Missing [X-Elastic-Product] header" is a 7.x server older than 7.14 (or a proxy).
    all: [
      /[Tt]he client noticed that the server is not (?:a supported distribution of )?Elasticsearch|\bUnsupportedProductError\b|\bMissing \[X-Elastic-Product\] header\b/,
    ],
    confidence: 0.72,
    title: 'The Elasticsearch client does not support the server it reached (version or distribution)',
  },
  {
    // A Kafka client using an API the broker is too old to have.
    all: [/[Tt]he broker does not support [A-Z_]{3,40}\b|UnsupportedVersionException: [^\n]{0,80}\bbroker\b/],
    confidence: 0.82,
    title: 'The Kafka broker is older than the client needs',
  },
  {
    // The app's or migration tool's gate on its database server (Django, Flyway, Sidekiq, GitLab): the
    // line names a server and says its version is required, unsupported or too old.
    all: [DATA_SERVER, SERVER_VERSION_GATE],
    confidence: 0.86,
    title: 'The app does not support the version of the database server it connects to',
  },
  {
    // A Go YAML key Prometheus or Alertmanager added in a later release: the image is older than the config.
    all: [NEWER_GO_YAML_FIELD],
    confidence: 0.8,
    title: 'The config uses a key added in a newer release than the image runs',
  },
  {
    // Beats bad_command_args's generic Traefik flag reading: this node exists in the other major version.
    all: [TRAEFIK_OTHER_VERSION_NODE],
    confidence: 0.88,
    title: 'The Traefik flags or config are written for another major version than the image runs',
  },
  {
    // Pilot options: v3 dropped them, but they were dead on v2 too, so the leftover argument is the first reading.
    all: [TRAEFIK_DISCONTINUED_NODE],
    confidence: 0.6,
    title: 'The Traefik flags or config carry options of a feature this major version removed',
  },
  {
    // An OpenTelemetry Collector config section from a newer release than the pinned image (connectors:
    // copied from current docs onto a collector older than 0.71).
    all: [NEWER_OTELCOL_SECTION],
    confidence: 0.84,
    title: 'The collector config uses a section added in a newer release than the image runs',
  },
  {
    // A Consul key from a newer release than the image (the config copied from current docs).
    all: [NEWER_CONSUL_KEY],
    confidence: 0.84,
    title: 'The Consul config uses a key added in a newer release than the image runs',
  },
  {
    // A RabbitMQ key from a newer release than the image (rabbitmq.conf copied from current docs).
    all: [NEWER_RABBITMQ_KEY],
    confidence: 0.86,
    title: 'The RabbitMQ config uses a key added in a newer release than the image runs',
  },
  {
    // A tool pinned by the project to another version than the runner image has: Terraform's
    // required_version ("Unsupported Terraform Core version", "does not support Terraform version 1.5.7"),
    // Helm's kubeVersion, Packer, Ansible and Vagrant version constraints.
    all: [
      /\bUnsupported (?:Terraform|OpenTofu|Packer|Vagrant|Ansible|Helm|Pulumi|Nomad|Vault|Consul|Terragrunt|Core) (?:Core )?version\b|\bdoes not support (?:Terraform|OpenTofu|Packer|Terragrunt|Ansible|Helm|Pulumi) (?:Core )?version v?\d|\brequires kubeVersion:? [^\n]{1,60} which is incompatible with Kubernetes\b|\b[Tt]he (?:currently )?running (?:Terraform|Terragrunt|Ansible|Packer|Helm) version [^\n]{0,40}\b(?:does not satisfy|is not compatible|is too old)|\bAnsible version [^\n]{0,40}\b(?:is not supported|requires)\b/,
    ],
    confidence: 0.86,
    title: 'The project pins another version of the tool than the image runs',
  },
  {
    // The config declares a format version the binary does not know yet (Teleport "version must be one of
    // v1, v2" for a v3 file, Kong "_format_version ... expected one of", "unsupported config version"):
    // the config was written for a newer release.
    all: [
      /\bversion must be one of v\d|\b(?:_format_version|config(?:uration)? version|config file version|schema version)[^\n]{0,40}\b(?:expected one of|must be one of|is not supported|is unsupported|not supported)\b|\b[Uu]nsupported (?:config(?:uration)?(?: file)?|manifest|spec) version\b|\b[Uu]nknown (?:config(?:uration)?|manifest) version\b/,
    ],
    // TLS and protocol versions are settings, not the format of the file.
    not: /\bTLS|\bSSL|[Pp]rotocol|\bHTTP\b|cipher/,
    confidence: 0.78,
    title: 'The config declares a format version that this (older) release does not know',
  },
  {
    // A controller newer than the CRDs installed in the cluster: it watches a kind or version the API
    // server does not serve ("no matches for kind "PushSecret" in version "external-secrets.io/v1alpha1"",
    // "if kind is a CRD, it should be installed before calling Start"): upgrade the CRDs with the chart.
    all: [
      /\bno matches for kind \\?"[A-Za-z]{1,60}\\?" in version \\?"[a-z0-9.-]{1,120}\/v\d|\bif kind is a CRD, it should be installed before calling Start\b|\bcould not find the requested resource \(get [a-z.]{1,120}\)/,
    ],
    confidence: 0.72,
    title: 'The controller needs CRD versions the cluster does not have (CRDs older than the controller)',
  },
  {
    all: [REMOVED_DIRECTIVE],
    confidence: 0.84,
    title: 'The config uses a directive or plugin the server version in the image has removed',
  },
  {
    // A parameter only newer PostgreSQL releases know (postgresql.conf copied from a newer sample).
    all: [NEWER_POSTGRES_PARAMETER],
    confidence: 0.86,
    title: 'The PostgreSQL config sets a parameter added in a newer release than the image runs',
  },
  {
    all: [CASSANDRA_OTHER_VERSION_PROPERTY],
    confidence: 0.84,
    title: 'The cassandra.yaml uses property names of another Cassandra release than the image runs',
  },
  {
    all: [NEWER_ENVOY_EXTENSION],
    confidence: 0.84,
    title: 'The Envoy config uses an extension added in a newer Envoy than the image runs',
  },
  {
    all: [NEWER_AUTHELIA_KEY],
    confidence: 0.82,
    title: 'The Authelia config uses keys added in a newer release than the image runs',
  },
  {
    // The database client library is older than the server's authentication: libpq < 10 against SCRAM
    // ("SCRAM authentication requires libpq version 10", old drivers' "authentication method 10 not
    // supported"), MySQL 5.x clients against caching_sha2_password ("Client does not support authentication
    // protocol requested by server").
    all: [
      /\bSCRAM authentication requires libpq version \d|\bauthentication (?:method|type) 1[01] (?:is )?not supported|[Cc]lient does not support authentication protocol requested by server|[Tt]he server requested authentication method unknown to the client|[Aa]uthentication plugin '?caching_sha2_password'? (?:cannot be loaded|is not supported)|\bER_NOT_SUPPORTED_AUTH_MODE\b|[Uu]nsupported (?:SASL|authentication) mechanisms?:? ?"?SCRAM-SHA-256/,
    ],
    confidence: 0.85,
    title: "The database client library in the image is too old for the server's authentication method",
  },
  {
    // A database extension (pgvector, pgvecto.rs, PostGIS, TimescaleDB) at a version the app does not
    // support: "The pgvecto.rs extension version is 0.1.11, but Immich only supports >=0.2".
    all: [
      /\bextension\b[^\n]{0,60}\bversion\b[^\n]{0,80}\b(?:only supports|requires|is not supported|is unsupported|is too old|is incompatible|is not compatible)\b/i,
    ],
    not: /\bfile extension\b|\bbrowser extension\b|\b(?:Chrome|Firefox|VS ?Code) extension\b/i,
    confidence: 0.82,
    title: 'The database server has a version of an extension the app does not support',
  },
  {
    // SQL a newer PostgreSQL parses that an older server calls a syntax error at its first keyword: UNIQUE
    // NULLS NOT DISTINCT and MERGE (15), the SQL/JSON functions JSON_TABLE, JSON_EXISTS, JSON_QUERY,
    // JSON_VALUE (17). Written against a newer local server, the migration meets an older managed one; a
    // plain typo in the SQL reads the same, hence below the confident band.
    all: [
      /\bsyntax error at or near "(?:NULLS|MERGE|JSON_TABLE|JSON_EXISTS|JSON_QUERY|JSON_VALUE|JSON_SERIALIZE|JSON_SCALAR)"/,
    ],
    confidence: 0.62,
    title: 'The SQL uses syntax of a newer PostgreSQL than the server runs',
  },
  // Redis says "Bad directive" for directives it does not know: a config written for a newer server,
  // or a typo; the bad-config rule offers the other reading.
  {
    all: [/Bad directive or wrong number of arguments/],
    confidence: 0.52,
    title: 'The config uses a directive this server version does not know (config newer than the image?)',
  },
  {
    all: [/[Uu]nknown (?:directive|setting|option|parameter)/, /version/i],
    confidence: 0.55,
    title: 'The config uses something this server version does not know',
  },
  {
    // Any other unknown key may be a typo (bad_config, ranked first) or a config for another version.
    all: [
      /unknown directive "|has unknown fields|Cannot find field|invalid config key |unknown variable '|Unrecognized option: [a-z]|unknown setting \[|field not found, node: |[Uu]nknown configuration (?:variable|key|option|directive)|unrecognized configuration parameter "|attempted to set unknown variable/,
    ],
    confidence: 0.4,
    title: 'The config may be written for another version of the server than the image runs',
  },
  ...CLIENT_SERVER_API_SIGNATURES,
];
