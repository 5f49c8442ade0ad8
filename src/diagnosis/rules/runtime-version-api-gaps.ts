/**
 * runtime_version_mismatch's readings of an API, option or syntax that one release of a runtime, platform or
 * server has and the image's release lacks: standard-library members added or removed between releases
 * (Python, Node.js, the JDK), version ranges a client or plugin states for its server or host platform, and
 * config keys or SQL of a newer release. The runtime-version-mismatch rule lists these after its own.
 */
import type { Signature } from './log-helpers.ts';

export const API_GAP_SIGNATURES: Signature[] = [
  {
    // Standard-library members only newer Pythons have: functools.cache and math.lcm (3.9), itertools.pairwise
    // and bisect's key (3.10), datetime.UTC, enum.StrEnum, asyncio.TaskGroup/timeout, contextlib.chdir and
    // hashlib.file_digest (3.11), itertools.batched (3.12), copy.replace (3.13). Missing, the image's Python
    // is older than the code; no pip package provides them under these names.
    all: [
      /\bmodule '(?:functools|math|itertools|datetime|enum|asyncio|contextlib|hashlib|copy|os|statistics|operator|inspect)' has no attribute '(?:cache|cached_property|lcm|nextafter|ulp|cbrt|exp2|pairwise|batched|UTC|StrEnum|ReprEnum|verify|TaskGroup|timeout|to_thread|Runner|chdir|file_digest|replace|process_cpu_count|correlation|linear_regression|call|get_annotations|markcoroutinefunction)'|\bcannot import name '(?:cache|cached_property|lcm|nextafter|ulp|cbrt|exp2|pairwise|batched|UTC|StrEnum|ReprEnum|verify|TaskGroup|timeout|to_thread|Runner|chdir|file_digest|replace|process_cpu_count|correlation|linear_regression|call|get_annotations|markcoroutinefunction)' from '(?:functools|math|itertools|datetime|enum|asyncio|contextlib|hashlib|copy|os|statistics|operator|inspect)'/,
    ],
    confidence: 0.86,
    title: "The code uses a standard-library member newer than the image's Python (the image's Python is older)",
  },
  {
    // A JDK class or method the image's Java lacks: code compiled on a newer JDK without --release links
    // against Stream.toList() (16), String.isBlank()/strip() (11), ByteBuffer.flip() returning ByteBuffer (9),
    // or classes such as java.net.http.HttpClient (11), java.lang.Record (16), java.util.HexFormat (17),
    // SequencedCollection (21). A missing method of a java.* class is the JDK's version, not a library clash.
    all: [
      /\bNoSuchMethodError: '?(?:[\w.$[\]<>]{1,80} )?java\.(?:lang|util|nio|io|time|net|math|text)\.[\w$]{1,40}(?:\.[\w$]{1,40}){0,4}\(|\b(?:NoClassDefFoundError|ClassNotFoundException):? java[./](?:net[./]http[./]HttpClient|lang[./](?:Record|MatchException|ScopedValue|StringTemplate)|util[./](?:HexFormat|SequencedCollection|SequencedMap|SequencedSet|random[./]RandomGenerator)|lang[./]runtime[./]ObjectMethods)\b/,
    ],
    confidence: 0.86,
    title: "The app was built against a newer JDK's API than the image's Java has",
  },
  {
    // Node.js APIs later releases removed: SlowBuffer (25), the util.is* type checks and util.log (23),
    // crypto.createCipher/createDecipher (22), tls.createSecurePair (24): an old dependency on a new base
    // image (a floating node:current or latest tag) calls what the runtime no longer has.
    all: [
      /\b(?:SlowBuffer is not (?:a constructor|defined|a function)|util\.(?:is(?:Boolean|Buffer|Date|Error|Function|Null|NullOrUndefined|Number|Object|Primitive|RegExp|String|Symbol|Undefined)|log|print|puts|debug|error|_extend) is not a function|crypto\.create(?:Cipher|Decipher) is not a function|tls\.createSecurePair is not a function|process\.(?:binding|assert) is not a function)\b/,
    ],
    confidence: 0.84,
    title: "A dependency calls a Node.js API that the image's (newer) Node.js removed",
  },
  {
    // A client that checks its server's version against the range it supports: SurrealDB's SDK ("server version
    // `1.5.4` does not match the range supported by the client `>=2.0.0, <3.0.0`"), drivers saying "requires
    // server version 4.0 or later", "server version 6.0 is outside the supported range".
    all: [
      /\bserver version [`'"]?v?\d[\w.-]{0,20}[`'"]? (?:does not match|is (?:not )?(?:in|within|outside)) (?:the )?(?:range|versions?) (?:supported|required|accepted)\b|\bserver version [`'"]?v?\d[\w.-]{0,20}[`'"]? is outside (?:the |its )?supported range\b|\brequires (?:a )?server version (?:of )?(?:>= ?)?v?\d{1,3}(?:\.\d{1,3}){0,2} or (?:later|newer|higher|above)\b/i,
    ],
    confidence: 0.86,
    title: 'The client library supports another range of server versions than the server it connects to',
  },
  {
    // A plugin or provider that states the host platform release it needs: Airflow providers ("The package
    // `apache-airflow-providers-cncf-kubernetes:8.0.1` needs Apache Airflow 2.6.0+"), Home Assistant custom
    // integrations, Django apps, Grafana and Jenkins plugins. Installed without its dependencies (pip
    // --no-deps) or into an older base image, the plugin is newer than the platform it runs in.
    all: [
      /\b(?:needs|requires) (?:Apache Airflow|Airflow|Home Assistant|Django|Odoo|Nextcloud|Grafana|Jenkins|Kibana|OpenSearch Dashboards|Superset|Wagtail|Keycloak) (?:version )?(?:>= ?|\^|~)?v?\d{1,3}\.\d{1,3}/,
    ],
    confidence: 0.82,
    title: 'A plugin or provider needs a newer release of the platform than the image ships',
    // pip's resolver notice ("x requires Django>=4.2, but you have ...") is a build-time warning, not the crash.
    not: /\bbut you have\b|\bwhich is incompatible\b/,
  },
  {
    // An experimental_* option the server does not know: experimental flags come and go with each release
    // (Meilisearch, Caddy, Vector, Deno), so an unknown one is usually a config written for another release;
    // a typo stays possible, so bad_config's reading stays close.
    all: [/\bunknown (?:field|key|option|setting) [`'"]experimental[_-][a-z_-]{2,60}[`'"]/i],
    confidence: 0.78,
    title: 'The config sets an experimental option of another server release than the image runs',
  },
  {
    // PostgreSQL 15's UNIQUE NULLS NOT DISTINCT on an older server (RDS and distro images often lag): the
    // parser stops at NULLS. NULLS FIRST/LAST in ORDER BY is old, so NULLS there is this newer constraint.
    all: [/\bsyntax error at or near "NULLS"/],
    confidence: 0.84,
    title: 'The SQL uses UNIQUE NULLS NOT DISTINCT (PostgreSQL 15) but the server is older',
  },
  {
    // A built-in SQL function of a newer PostgreSQL than the server: gen_random_uuid, gcd/lcm, trim_scale (13),
    // range_agg, date_bin, trim_array, bit_count, unistr, string_to_table (14), regexp_count/instr/like/substr
    // (15), any_value, random_normal, array_sample/shuffle, pg_input_is_valid (16), the SQL/JSON json_value,
    // json_query, json_exists, json_scalar, json_serialize, uuid_extract_timestamp (17), uuidv7, casefold,
    // array_sort/reverse (18), jsonb_path_* (12). Migrations written against a newer server fail on an older
    // one (RDS, distro or a shared cluster that lags). Extension-only functions (uuid_generate_v4) are not here.
    all: [
      /\bfunction (?:pg_catalog\.|public\.)?(?:gen_random_uuid|gcd|lcm|min_scale|trim_scale|jsonb_set_lax|range_agg|range_intersect_agg|date_bin|trim_array|bit_count|unistr|string_to_table|regexp_count|regexp_instr|regexp_like|regexp_substr|any_value|random_normal|array_sample|array_shuffle|pg_input_is_valid|pg_input_error_info|json_value|json_query|json_exists|json_scalar|json_serialize|uuid_extract_timestamp|uuid_extract_version|uuidv7|uuidv4|casefold|array_sort|array_reverse|jsonb_path_query|jsonb_path_query_array|jsonb_path_query_first|jsonb_path_exists|jsonb_path_match)\([^()\n]{0,200}\) does not exist\b/,
    ],
    confidence: 0.82,
    title: 'The SQL calls a built-in function of a newer PostgreSQL than the server it runs against',
  },
  {
    // The same gap on MySQL (ERROR 1305 "FUNCTION shop.REGEXP_REPLACE does not exist"): the REGEXP_* family,
    // UUID_TO_BIN/BIN_TO_UUID/IS_UUID, JSON_VALUE, JSON_OVERLAPS, JSON_SCHEMA_VALID (8.0) on a 5.7 server or
    // a MariaDB that lacks them; SQL Server ("'STRING_AGG' is not a recognized built-in function name") for
    // STRING_AGG, TRIM, CONCAT_WS, TRANSLATE (2017), GREATEST, LEAST, DATETRUNC, DATE_BUCKET, JSON_OBJECT
    // (2022) on an older server or compatibility level; SQLite ("no such function: unixepoch") for the JSON
    // functions, the math functions (3.35), iif (3.32), unixepoch and format (3.38), octet_length and
    // timediff (3.43), concat and string_agg (3.44), jsonb (3.45) on an older library in the image.
    all: [
      /\bFUNCTION [\w$]{1,64}\.(?:REGEXP_REPLACE|REGEXP_LIKE|REGEXP_INSTR|REGEXP_SUBSTR|UUID_TO_BIN|BIN_TO_UUID|IS_UUID|JSON_VALUE|JSON_OVERLAPS|JSON_SCHEMA_VALID|JSON_SCHEMA_VALIDATION_REPORT|JSON_ARRAYAGG|JSON_OBJECTAGG|STATEMENT_DIGEST|STATEMENT_DIGEST_TEXT) does not exist\b|'(?:STRING_AGG|TRIM|CONCAT_WS|TRANSLATE|GREATEST|LEAST|DATETRUNC|DATE_BUCKET|JSON_OBJECT|JSON_ARRAY|JSON_PATH_EXISTS|APPROX_COUNT_DISTINCT|APPROX_PERCENTILE_CONT|APPROX_PERCENTILE_DISC|BIT_COUNT|LEFT_SHIFT|RIGHT_SHIFT|GET_BIT|SET_BIT|IS_DISTINCT_FROM)' is not a recognized built-in function name\b|\bno such function: (?:json|json_extract|json_each|json_tree|json_object|json_array|json_group_array|json_group_object|json_set|json_insert|json_patch|json_valid|json_pretty|jsonb|jsonb_extract|jsonb_object|jsonb_array|iif|unixepoch|format|octet_length|timediff|concat|concat_ws|string_agg|sqrt|pow|power|ln|log2|log10|exp|floor|ceil|ceiling|trunc|pi|acos|asin|atan|atan2|cos|sin|tan|degrees|radians|mod|sign)\b/i,
    ],
    confidence: 0.8,
    title: 'The SQL calls a built-in function of a newer database server or SQLite than the one it runs against',
  },
  {
    // SQL types and clauses of a newer server than the one the schema runs on (a shared or managed server that
    // lags): MySQL 5.7's JSON column type on 5.6 (near 'json not null'), 8.0's CTEs, window functions, SKIP
    // LOCKED/NOWAIT, JSON_TABLE and INVISIBLE on 5.7 or MariaDB, RETURNING on MySQL or an old MariaDB;
    // PostgreSQL 9.4's jsonb type and 10's identity columns (GENERATED) on an older PostgreSQL. A syntax
    // error near ordinary SQL (a FROM, a quote) is a broken query, not a server version.
    all: [
      /\bcorresponds to your (?:MySQL|MariaDB) server version for the right syntax to use near '(?:json\b|JSON_TABLE\b|WITH (?:RECURSIVE )?\w{1,64} AS ?\(|RECURSIVE\b|OVER ?\(|\(PARTITION BY\b|SKIP LOCKED\b|NOWAIT\b|RETURNING\b|INVISIBLE\b)|\btype "jsonb" does not exist\b|\bsyntax error at or near "GENERATED"/i,
    ],
    confidence: 0.8,
    title: 'The schema or query uses a SQL type or clause of a newer database server than the one it runs against',
  },
  {
    // Kafka 3.9 (KIP-853) let KRaft nodes find the quorum through controller.quorum.bootstrap.servers and
    // leave controller.quorum.voters empty; an older image still requires the voters list. The voters may
    // also simply be unset, so this stays below the missing setting's reading, as its alternative.
    all: [/\bcontroller\.quorum\.voters must contain a parseable set of voters\b/],
    confidence: 0.7,
    title: 'A KRaft config for Kafka 3.9+ (quorum bootstrap servers) on an older Kafka image that needs voters',
  },
];
