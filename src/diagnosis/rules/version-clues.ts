/**
 * Readings of "this belongs to another version" that more than one rule weighs (not a rule itself): a config
 * written for a newer or older server than the image runs, a stdlib module a newer Python removed. Owned by
 * runtime_version_mismatch; bad-config, bad-command-args and missing-dependency step back when they see them.
 */
import type { LogLine } from '../types.ts';
import { CONFIG_KEY_OF_ANOTHER_RELEASE } from './runtime-version-config-keys.ts';

/** Stdlib modules later Pythons removed (3.12: distutils, imp, asyncore...; 3.13: cgi, crypt, telnetlib...). */
export const STDLIB_REMOVED_BY_NEWER_PYTHON =
  /No module named '(?:distutils|imp|asynchat|asyncore|smtpd|cgi|cgitb|crypt|pipes|telnetlib|nntplib|audioop|sndhdr|imghdr|spwd|xdrlib|msilib|mailcap|ossaudiodev|nis|uu|chunk|sunau|aifc)'/;
/** A python3.12+ interpreter path (site-packages, a traceback frame): the image runs a Python that dropped those modules. */
const NEWER_PYTHON_PATH = /\bpython3\.(?:1[2-9]|[2-9]\d)\//;
export const onNewerPython = (lines: readonly LogLine[]): boolean => lines.some((l) => NEWER_PYTHON_PATH.test(l.text));

/**
 * Stdlib modules only recent Pythons have (tomllib 3.11, zoneinfo and graphlib 3.9, importlib.metadata 3.8,
 * dataclasses and contextvars 3.7): missing, the image's Python is older than the code. The backports are
 * other names (tomli, backports.zoneinfo, importlib_metadata), so nothing was left out of the requirements.
 */
export const STDLIB_ADDED_BY_NEWER_PYTHON =
  /No module named '(?:tomllib|zoneinfo|_zoneinfo|graphlib|dataclasses|contextvars|importlib\.metadata|importlib\.resources\.abc)'/;
/**
 * Either (the two lists above in one literal, so the regex proof reads it): a standard-library module of
 * another Python than the image runs. missing-dependency steps back on it: both directions are the
 * runtime's version, not a package left out.
 */
export const STDLIB_OF_ANOTHER_PYTHON =
  /No module named '(?:distutils|imp|asynchat|asyncore|smtpd|cgi|cgitb|crypt|pipes|telnetlib|nntplib|audioop|sndhdr|imghdr|spwd|xdrlib|msilib|mailcap|ossaudiodev|nis|uu|chunk|sunau|aifc|tomllib|zoneinfo|_zoneinfo|graphlib|dataclasses|contextvars|importlib\.metadata|importlib\.resources\.abc)'/;

/** Directives a config written for a newer Redis (6.x, 7.x) uses that an older image does not know. */
export const NEWER_REDIS_DIRECTIVE =
  /^>>> '(?:enable-debug-command|enable-protected-configs|enable-module-command|latency-tracking(?:-info-percentiles)?|shutdown-on-sig(?:term|int)|locale-collate|aof-timestamp-enabled|cluster-port|cluster-announce-human-nodename|cluster-preferred-endpoint-type|set-proc-title|proc-title-template|oom-score-adj(?:-values)?|io-threads(?:-do-reads)?|tls-[a-z-]{2,40}|acllog-max-len|aclfile|sanitize-dump-payload|lazyfree-lazy-user-(?:del|flush)|disable-thp|rdb-del-sync-files|repl-diskless-load|max-new-connections-per-cycle|hide-user-data-from-log)\b/;
/** Settings later server versions removed (MySQL 8, PostgreSQL 10-16, MongoDB 6.1, Elasticsearch 7/8). */
export const REMOVED_SETTING =
  /unknown (?:variable|option) '(?:--)?(?:query_cache_\w{1,30}|innodb_file_format\w{0,20}|innodb_large_prefix|log_warnings|tx_isolation|tx_read_only|sync_frm|secure_auth|old_passwords|innodb_support_xa|show_compatibility_56|default_authentication_plugin|expire_logs_days|master_info_repository|relay_log_info_repository|log_syslog\w{0,20}|innodb_locks_unsafe_for_binlog|innodb_additional_mem_pool_size)\b|unrecognized configuration parameter "(?:wal_keep_segments|checkpoint_segments|stats_temp_directory|vacuum_defer_cleanup_age|promote_trigger_file|force_parallel_mode|operator_precedence_warning|replacement_sort_tuples|min_parallel_relation_size|sql_inheritance|default_with_oids)"|using recovery command file "recovery\.conf" is not supported|Unrecognized option: (?:storage\.journal\.enabled|storage\.mmapv1)|field (?:shared_store|shared_store_key_prefix|max_look_back_period|enforce_metric_name|max_transfer_retries|deletion_mode) not found in type|unknown setting \[(?:discovery\.zen\.[\w.]{1,60}|node\.(?:master|data|ingest|ml)|gateway\.recover_after_nodes|http\.type|transport\.type)\]/;
/** The same MySQL names hyphenated, as a command-line flag spells them: the flag may be the mistake. */
export const REMOVED_MYSQL_FLAG =
  /unknown (?:variable|option) '(?:--)?(?:query-cache-[\w-]{1,30}|innodb-file-format[\w-]{0,20}|innodb-large-prefix|log-warnings|tx-isolation|tx-read-only|sync-frm|secure-auth|old-passwords|innodb-support-xa|show-compatibility-56|default-authentication-plugin|expire-logs-days|master-info-repository|relay-log-info-repository|log-syslog[\w-]{0,20}|innodb-locks-unsafe-for-binlog|innodb-additional-mem-pool-size)\b/;
/**
 * Server options that only newer releases know, refused as unknown by an older image: MySQL 8.4's
 * mysql_native_password (a loadable plugin since 8.4), 8.0.2x's authentication_policy, innodb_redo_log_capacity
 * and replica_/source_ renames; NATS 2.10's compression and pool_size for routes and leaf nodes.
 */
export const NEWER_SERVER_OPTION =
  /\bunknown (?:variable|option) '(?:--)?(?:mysql[-_]native[-_]password|authentication[-_]policy|innodb[-_]redo[-_]log[-_]capacity|binlog[-_]expire[-_]logs[-_]auto[-_]purge|replica[-_][a-z_-]{2,40}|source[-_]verify[-_]checksum|innodb[-_]doublewrite[-_](?:files|pages))\b|\bunknown field "(?:compression|pool_size|sync_interval|no_fast_producer_stall|ocsp_peer)"/;
// The kubelet pulled the image by a floating tag (latest, or a major-only tag like mysql:8 that moves to each
// new minor): an option the release removed is then the tag's move, not a mistyped flag.
export const FLOATING_TAG_PULL =
  /\b[Pp]ull(?:ing|ed)? image \\?"[\w./-]{1,120}:(?:latest|v?\d{1,3}(?:-[a-z]{1,12})?)\\?"/;

/**
 * Syntax of another server version: Envoy's v2 API (dropped in 1.18), nginx's http2/http3/quic directives
 * and the listen parameter quic (1.25): an older nginx says `invalid parameter "quic"` for the listen line.
 */
export const OTHER_VERSION_SYNTAX =
  /envoy\.api\.v2\.|\) hosts: Cannot find field|V2 \(and AUTO\) xDS transport protocol versions are deprecated|unknown directive "(?:http2|http3|quic_[a-z_]{2,30})"|invalid parameter "(?:quic|http3)"/;
// Kafka 4.0 removed ZooKeeper mode: process.roles became required (3.x defaulted it to ZooKeeper mode), so a
// 3.x ZooKeeper-mode config on a 4.x image fails with "Missing required configuration "process.roles" which
// has no default value"; brokers and tools also say ZooKeeper mode is no longer supported.
export const KAFKA_ZOOKEEPER_MODE_REMOVED =
  /Missing required configuration \\?"process\.roles\\?" which has no default value|\bZooKeeper (?:mode|support|migration mode) (?:is no longer supported|has been removed|was removed|is not supported)\b/i;
/**
 * Envoy extensions later releases added (custom_response, rate_limit_quota 1.26; geoip 1.28;
 * credential_injector, set_filter_state 1.29; thrift_to_metadata 1.30; basic_auth 1.31; api_key_auth,
 * proto_message_extraction 1.32; dynamic_modules, mcp later): an older image has no registered
 * implementation for the type URL. A misspelt name would not be a real extension's type.
 */
export const NEWER_ENVOY_EXTENSION =
  /Didn't find a registered implementation for [^\n]{0,120}?\benvoy\.extensions\.(?:filters\.http\.|http\.injected_credentials\.)?(?:basic_auth|api_key_auth|credential_injector|geoip|set_filter_state|thrift_to_metadata|proto_message_extraction|dynamic_modules|mcp|custom_response|rate_limit_quota|json_to_metadata|oauth2)\.v3\./;
/**
 * PostgreSQL parameters that only newer releases know (13: wal_keep_size, hash_mem_multiplier; 14:
 * idle_session_timeout, compute_query_id; 15: recovery_prefetch, stats_fetch_consistency; 16:
 * reserved_connections, vacuum_buffer_usage_limit; 17: summarize_wal, transaction_timeout; 18: io_method):
 * "unrecognized" on an older server means the config was written for a newer one, not misspelt.
 */
export const NEWER_POSTGRES_PARAMETER =
  /unrecognized configuration parameter "(?:wal_keep_size|max_slot_wal_keep_size|hash_mem_multiplier|logical_decoding_work_mem|autovacuum_vacuum_insert_(?:threshold|scale_factor)|log_min_duration_sample|log_statement_sample_rate|log_parameter_max_length(?:_on_error)?|idle_session_timeout|client_connection_check_interval|compute_query_id|min_dynamic_shared_memory|huge_page_size|remove_temp_files_after_crash|log_recovery_conflict_waits|default_toast_compression|enable_memoize|recovery_init_sync_method|recovery_prefetch|wal_decode_buffer_size|stats_fetch_consistency|log_startup_progress_interval|recursive_worktable_factor|allow_in_place_tablespaces|reserved_connections|vacuum_buffer_usage_limit|scram_iterations|createrole_self_grant|icu_validation_level|debug_io_direct|send_abort_for_(?:crash|kill)|max_parallel_apply_workers_per_subscription|gss_accept_delegation|summarize_wal|wal_summary_keep_time|transaction_timeout|allow_alter_system|event_triggers|io_combine_limit|max_notify_queue_pages|sync_replication_slots|synchronized_standby_slots|(?:commit_timestamp|multixact_member|multixact_offset|notify|serializable|subtransaction|transaction)_buffers|trace_connection_negotiation|enable_group_by_reordering|io_method|io_workers|io_max_combine_limit|autovacuum_worker_slots|md5_password_warnings|oauth_validator_libraries|track_cost_delay_timing|file_copy_method|max_active_replication_origins|log_lock_failures|idle_replication_slot_timeout|extension_control_path)"/;
/**
 * Cassandra's strict YAML loader ("Invalid yaml. Please remove properties [...]") naming keys of another
 * release: 4.1's duration/size names (read_request_timeout, commitlog_sync_period, key_cache_size...) on a
 * 4.0 image, 3.x Thrift keys (start_rpc, rpc_port, thrift_*) that 4.0 removed, or 4.1/5.0 features
 * (guardrails, storage_compatibility_mode, sstable, default_compaction, sai_options) on an older image.
 */
export const CASSANDRA_OTHER_VERSION_PROPERTY =
  /Please remove propert(?:y|ies) \[(?:[\w.]{1,60}, ){0,40}(?:(?:read|write|range|counter_write|truncate|cas_contention)_request_timeout|request_timeout|commitlog_sync_(?:period|group_window)|(?:key|row|counter)_cache_(?:save_period|size)|hints_flush_period|max_hint_window|native_transport_idle_timeout|slow_query_log_timeout|compaction_throughput|stream_throughput_outbound|memtable_(?:heap|offheap)_space|commitlog_segment_size|file_cache_size|(?:permissions|roles|credentials)_validity|index_summary_resize_interval|cache_load_timeout|batch_size_(?:warn|fail)_threshold|start_rpc|rpc_port|rpc_server_type|rpc_(?:min|max)_threads|thrift_[a-z_]{2,40}|request_scheduler(?:_options)?|index_interval|storage_compatibility_mode|sstable|default_compaction|sai_options|default_secondary_index(?:_enabled)?|dynamic_data_masking_enabled|crypto_provider|stream_transfer_task_timeout|heap_dump_path|dump_heap_on_uncaught_exception|startup_checks|memtable|uuid_sstable_identifiers_enabled|(?:keyspaces|tables|columns_per_table|secondary_indexes_per_table|materialized_views_per_table|page_size|partition_keys_in_select|in_select_cartesian_product|collection_size|items_per_collection|fields_per_udt|data_disk_usage_percentage|minimum_replication_factor|maximum_replication_factor|vector_dimensions)_(?:warn|fail)_threshold)[,\]]/;
/**
 * Keys Authelia 4.38 introduced (session.cookies, identity_validation, definitions, oidc.jwks, the *.address
 * forms): 4.37 calls them "not expected", so the config was written for a newer Authelia.
 */
export const NEWER_AUTHELIA_KEY =
  /configuration key not expected: (?:session\.cookies|identity_validation|definitions|identity_providers\.oidc\.(?:jwks|authorization_policies|lifespans|claims_policies|scopes)|(?:server|telemetry\.metrics|storage\.(?:postgres|mysql)|notifier\.smtp|authentication_backend\.ldap)\.address)\b/;
/**
 * Keys Prometheus (2.2x-3.x) and Alertmanager (0.22-0.28) added (scrape_config_files 2.43, the newer service
 * discovery blocks, fallback_scrape_protocol 3.0): Go's strict YAML names them "not found in type" on an image
 * older than the config. Generic names (authorization, matchers, runtime) are left out: more often misplaced.
 */
export const NEWER_GO_YAML_FIELD =
  /\bfield (?:scrape_protocols|scrape_classic_histograms|always_scrape_classic_histograms|convert_classic_histograms_to_nhcb|native_histogram_bucket_limit|native_histogram_min_bucket_factor|keep_dropped_targets|enable_compression|track_timestamps_staleness|body_size_limit|label_limit|label_name_length_limit|label_value_length_limit|target_limit|enable_http2|proxy_from_environment|proxy_connect_header|no_proxy|http_headers|scrape_failure_log_file|metric_name_validation_scheme|metric_name_escaping_scheme|send_native_histograms|out_of_order_time_window|promote_resource_attributes|keep_identifying_resource_attributes|translation_strategy|round_robin_dns|protobuf_message|time_intervals|active_time_intervals|mute_time_intervals|msteams_configs|msteamsv2_configs|discord_configs|webex_configs|telegram_configs|sns_configs|jira_configs|rocketchat_configs|source_matchers|target_matchers|webhook_url_file|api_url_file|bot_token_file|smtp_auth_password_file|routing_key_file|service_key_file|user_key_file|message_thread_id|scrape_config_files|fallback_scrape_protocol|rule_query_offset|query_offset|send_exemplars|filter_external_labels|azuread|google_iam|(?:http|eureka|hetzner|kuma|scaleway|linode|puppetdb|uyuni|ionos|nomad|ovhcloud|vultr|stackit|lightsail|docker|dockerswarm)_sd_configs) not found in type\b/;
/**
 * Traefik static-config nodes that one major version has and the other does not (v2's experimental.http3,
 * swarmMode, the tracing backends and ssl* headers v3 dropped; v3's ruleSyntax and ipAllowList). Pilot is not
 * here: its service was shut down in 2022 and its options do nothing on any release, so a pilot flag is a
 * leftover argument to delete (bad_command_args), with the version reading only as a weaker alternative.
 */
export const TRAEFIK_OTHER_VERSION_NODE =
  /field not found, node: (?:http3|swarmMode|swarmModeRefreshSeconds|jaeger|zipkin|datadog|instana|haystack|elastic|influxDB|sslRedirect|sslTemporaryRedirect|sslHost|sslForceHost|sslProxyHeaders|featurePolicy|ipWhiteList|ipAllowList|preferServerCipherSuites|ruleSyntax|defaultRuleSyntax)\b/i;
/** Options of Traefik Pilot, the discontinued SaaS that v3 dropped (see TRAEFIK_OTHER_VERSION_NODE). */
export const TRAEFIK_DISCONTINUED_NODE = /field not found, node: pilot\b/i;
/**
 * Directives and plugins later releases removed: CoreDNS's proxy and federation (1.7; forward replaced
 * proxy) and Caddy 1 directives Caddy 2 does not have (proxy became reverse_proxy, gzip became encode).
 */
export const REMOVED_DIRECTIVE =
  /(?:[Uu]nknown|[Uu]nrecognized) directive:? ['"]?(?:proxy|federation|gzip|fastcgi|ext|jwt|ratelimit|minify|git|expvar|timeouts|markdown|browse|internal)\b(?!_)|[Uu]nknown property '(?:upstream|resyncperiod)'/;

/**
 * Consul config keys later releases added (ui_config 1.9, auto_reload_config 1.10, the tls stanza 1.12,
 * peering 1.13, ports.grpc_tls 1.14, raft_logstore 1.15, locality 1.17): an older image calls each an
 * "invalid config key", as it would a typo, so only keys that exist in some release are listed.
 */
export const NEWER_CONSUL_KEY =
  /\binvalid config key (?:ports\.grpc_tls|peering(?:\.[a-z_]{1,40})?|tls\.(?:defaults|grpc|internal_rpc|https)(?:\.[a-z_]{1,40})?|auto_reload_config|ui_config(?:\.[a-z_]{1,40})?|raft_logstore(?:\.[a-z_]{1,40})?|locality(?:\.[a-z_]{1,40})?|experiments|cloud(?:\.[a-z_]{1,40})?|advertise_reconnect_timeout|acl\.tokens\.(?:config_file_service_registration|dns)|use_streaming_backend|rpc\.enable_streaming|auto_config(?:\.[a-z_]{1,40})?|xds(?:\.[a-z_]{1,40})?)\b/;

/**
 * RabbitMQ keys later releases added (deprecated_features 3.13, classic_queue.default_version 3.12,
 * quorum_queue.* 3.12+, message_containers 3.13, mqtt.max_session_expiry_interval_seconds 3.13): an older
 * image calls each an "unknown variable", as it would a typo, so only keys that exist in some release are
 * listed.
 */
export const NEWER_RABBITMQ_KEY =
  /attempted to set unknown variable:? '?(?:deprecated_features\.[a-z_.]{1,80}|classic_queue\.default_version|quorum_queue\.[a-z_.]{1,80}|message_containers\.[a-z_.]{1,80}|mqtt\.max_session_expiry_interval_seconds|default_queue_type|cluster_tags\.[a-z_.]{1,80}|log\.[a-z]{1,20}\.formatter\.[a-z_.]{1,60}|stream\.(?:replication\.|tcp_listen_options\.)[a-z_.]{1,60})\b/;

/**
 * Node.js builtins and command-line flags only newer releases have: node:sqlite (22.5), node:test (18),
 * --experimental-* features, --env-file (20.6), --watch (18.11), --import (18.18), --permission (20),
 * --run (22). An older image answers "No such built-in module", ERR_UNKNOWN_BUILTIN_MODULE or "bad
 * option": the invocation is right for the Node the code was written for.
 *
 * Flags a newer Node REMOVED (--experimental-specifier-resolution, --experimental-modules, --experimental-json-
 * modules, --experimental-global-webcrypto...) are excluded: there the command was written for an OLDER Node,
 * and the args themselves are what must change (bad_command_args reads those).
 *
 * NODE_OPTIONS is parsed before the script runs: an older Node refuses a flag it does not know yet with
 * "node: --openssl-legacy-provider is not allowed in NODE_OPTIONS" (17+), the same clue in other words.
 *
 * Core subpaths and node:-prefixed specifiers (fs/promises 14, timers/promises 15, stream/web 16.5,
 * readline/promises 17, node:test 18) are builtins too: "Cannot find module" for them means the image's
 * Node.js predates them, not a package left out of node_modules.
 */
export const NEWER_NODE_BUILTIN_OR_FLAG =
  /\bNo such built-in module: node:[a-z_/]{1,40}|\bERR_UNKNOWN_BUILTIN_MODULE\b|\bnode: bad option: --(?:experimental-(?!(?:specifier-resolution|modules|json-modules|abortcontroller|global-webcrypto|global-customevent|fetch|top-level-await|repl-await|report|worker|policy|network-imports|wasm-modules-legacy)\b)[a-z-]{2,60}|env-file(?:-if-exists)?|watch(?:-path|-preserve-output)?|import|permission|allow-[a-z-]{2,30}|test(?:-[a-z-]{2,40})?|run|strip-types|disable-warning|localstorage-file|snapshot-blob|build-snapshot)\b|\bnode: --(?:openssl-legacy-provider|openssl-shared-config|import|disable-warning|no-experimental-(?:fetch|global-webcrypto|global-navigator|websocket|require-module|detect-module|strip-types)|experimental-(?!(?:specifier-resolution|modules|json-modules|abortcontroller|global-webcrypto|global-customevent|fetch|top-level-await|repl-await|report|worker|policy|network-imports|wasm-modules-legacy)\b)[a-z-]{2,60})(?:=[^\s]{0,200})? is not allowed in NODE_OPTIONS\b|\bCannot find module 'node:[a-z_]{1,30}(?:\/[a-z_]{1,30})?'|\bCannot find module '(?:fs|dns|stream|timers|readline|inspector)\/promises'|\bCannot find module '(?:stream\/(?:web|consumers)|util\/types|path\/(?:posix|win32)|assert\/strict|diagnostics_channel)'/;

/**
 * A runtime's own module lacks a name the code imports: the name exists in another release of the runtime
 * (Bun's `sql` in 1.2, node:fs `glob` in 22, Python's enum.StrEnum in 3.11, typing.override in 3.12). Bun
 * "Export named 'sql' not found in module 'bun'", Node "The requested module 'node:fs' does not provide an
 * export named 'glob'", Python "cannot import name 'StrEnum' from 'enum' (/usr/local/lib/python3.10/enum.py)"
 * (a standard-library path, not site-packages). An app's own module lacking an export is a bug, not this.
 */
export const BUILTIN_MODULE_LACKS_EXPORT =
  /\bExport named '[\w$]{1,60}' not found in module '(?:bun(?::[a-z_]{1,30})?|node:[a-z_/]{1,40})'|\bThe requested module '(?:node:[a-z_/]{1,40}|bun(?::[a-z_]{1,30})?)' does not provide an export named\b|\bcannot import name '\w{1,60}' from '[\w.]{1,60}' \(\/[^\s()]{0,200}\/lib\/python3\.\d{1,2}\/(?!site-packages\/|dist-packages\/)[\w./-]{1,120}\.py\)/;

/**
 * JVM options that another Java release removed (CMS and ParNew in 14, PermGen in 8, the Java 8 GC logging
 * flags in 9, UseCGroupMemoryLimitForHeap in 11) or does not have yet (generational ZGC in 21, compact
 * object headers in 24): "Unrecognized VM option" for one of these is the Java version, not a typo.
 */
export const JVM_OPTION_OF_ANOTHER_JAVA =
  /\bUnrecognized VM option '(?:UseConcMarkSweepGC|CMS[A-Za-z]{2,60}|UseParNewGC|MaxPermSize|PermSize|PrintGCDateStamps|PrintGCTimeStamps|PrintTenuringDistribution|PrintGCApplicationStoppedTime|UseGCLogFileRotation|NumberOfGCLogFiles|GCLogFileSize|AggressiveOpts|UseCGroupMemoryLimitForHeap|ZGenerational|UseCompactObjectHeaders)\b/;

/**
 * OpenTelemetry Collector config sections later releases added (top-level connectors 0.71; the telemetry
 * metrics readers and logs processors 0.10x): an older collector's strict decoder calls each one of the
 * "invalid keys", as it would a typo, but these names are valid in a newer collector.
 */
export const NEWER_OTELCOL_SECTION =
  /'' has invalid keys: (?:[\w/-]{1,40}, ){0,10}connectors\b|'service(?:::|\.)telemetry(?:::|\.)(?:metrics|logs|traces)' has invalid keys: (?:[\w-]{1,40}, ){0,10}(?:readers|processors)\b/;

/**
 * PgBouncer settings later releases added (auth_dbname 1.19, track_extra_parameters 1.20,
 * max_prepared_statements 1.21, per-user/per-database client limits 1.24): an older PgBouncer calls each one
 * an "unknown parameter", as it would a typo, but these names are valid in a newer PgBouncer.
 */
export const NEWER_PGBOUNCER_PARAMETER =
  /\bunknown parameter: [a-z]{1,20}\/(?:auth_dbname|track_extra_parameters|max_prepared_statements|max_user_client_connections|max_db_client_connections)\b/;

/**
 * OpenTelemetry Collector components that exist only on one side of a release: removed ones (the logging
 * exporter in 0.111, jaeger and jaeger_thrift exporters in 0.85, opencensus, the memory_ballast extension, the
 * spanmetrics processor, prometheus_exec) on a newer image, or their replacement (debug, 0.86) on an older
 * one. The strict decoder says "unknown type" as it would for a typo, but these names were real.
 */
export const OTELCOL_COMPONENT_OF_ANOTHER_RELEASE =
  /\bunknown (?:(?:exporters|receivers|processors|extensions|connectors) )?type:? "(?:logging|debug|jaeger|jaeger_thrift|opencensus|memory_ballast|spanmetrics|prometheus_exec)"/;

/**
 * Kibana settings that 8.0 removed after deprecating them in 7.x (the per-plugin xpack.*.enabled switches,
 * custom system indices, the legacy logging.* keys): an 8.x Kibana calls each an "Unknown configuration
 * key" as it would a typo, but the kibana.yml was written for 7.x.
 */
export const KIBANA_7X_SETTING =
  /\bUnknown configuration key\(s\): (?:"[\w.-]{1,120}", ){0,20}"(?:xpack\.(?:reporting\.index|task_manager\.index|monitoring\.ui\.container\.[\w.]{1,60}|(?:security|spaces|reporting|apm|graph|ml|infra|maps|canvas|uptime|licensing|actions|alerts|fleet|ingestManager|logstash|rollup|searchprofiler|tilemap)\.enabled)|kibana\.index|logging\.(?:dest|json|quiet|silent|verbose|events\.[\w.]{1,40}|timezone|rotate\.[\w.]{1,40})|server\.xsrf\.whitelist|cpu(?:acct)?\.cgroup\.path\.override|map\.regionmap\.[\w.]{1,40})"/;

/**
 * zot registry settings later releases added (the ui, mgmt, userprefs and trust extensions, API keys and
 * OpenID in 2.0): zot 1.x calls each one of the "invalid keys" of its strict decoder, as it would a typo.
 */
export const NEWER_ZOT_KEY =
  /\bhas invalid keys: (?:[\w.-]{1,60}, ){0,10}(?:extensions\.(?:ui|mgmt|userprefs|trust|imagetrust)|http\.auth\.(?:apikey|openid))\b/;

/**
 * Agent plugins later releases added (Telegraf opcua_listener 1.25, ctrlx_datalayer 1.27, the postgresql output 1.24;
 * Fluent Bit's opentelemetry input 2.0): the older agent calls each undefined, as it would a typo, but the name is real.
 */
export const NEWER_AGENT_PLUGIN =
  /\bUndefined but requested (?:input|output|processor|aggregator): (?:opcua_listener|ctrlx_datalayer|supervisor|upsd|netflow|socketstat|azure_monitor|google_cloud_storage|p4runtime|opensearch_query|radius|win_wmi|ldap|nomad|hugepages|mock|redis_sentinel|intel_dlb|slurm|smartctl|s7comm|mavlink|fritzbox|huebridge|turbostat|nftables|postgresql|opensearch|clarify|parquet|remotefile|zabbix|stomp|nebius_cloud_monitoring|heartbeat|scale|split|lookup|noise|filter|batch|timestamp|snmp_lookup|cloudwatch_metric_streams)\b|\bsection '(?:opentelemetry|event_type|prometheus_remote_write|kubernetes_events|process_exporter_metrics|elasticsearch|splunk|http)' tried to instance a plugin name that doesn't exist/;

/** Any of these: a config that fits another version of the server than the image runs. */
export const CONFIG_FOR_ANOTHER_VERSION = (text: string): boolean =>
  NEWER_REDIS_DIRECTIVE.test(text) ||
  REMOVED_SETTING.test(text) ||
  OTHER_VERSION_SYNTAX.test(text) ||
  KAFKA_ZOOKEEPER_MODE_REMOVED.test(text) ||
  NEWER_GO_YAML_FIELD.test(text) ||
  TRAEFIK_OTHER_VERSION_NODE.test(text) ||
  NEWER_CONSUL_KEY.test(text) ||
  REMOVED_DIRECTIVE.test(text) ||
  NEWER_ENVOY_EXTENSION.test(text) ||
  NEWER_POSTGRES_PARAMETER.test(text) ||
  CASSANDRA_OTHER_VERSION_PROPERTY.test(text) ||
  NEWER_AUTHELIA_KEY.test(text) ||
  NEWER_RABBITMQ_KEY.test(text) ||
  NEWER_OTELCOL_SECTION.test(text) ||
  NEWER_PGBOUNCER_PARAMETER.test(text) ||
  OTELCOL_COMPONENT_OF_ANOTHER_RELEASE.test(text) ||
  KIBANA_7X_SETTING.test(text) ||
  NEWER_ZOT_KEY.test(text) ||
  NEWER_AGENT_PLUGIN.test(text) ||
  CONFIG_KEY_OF_ANOTHER_RELEASE(text);

// Python echoes the source line above "SyntaxError: invalid syntax" (or "expected '('"): newer syntax there (walrus,
// match, except*, f"{x=}", 3.12's type alias, def f[T] and f-string quote reuse) means the image's Python is older.
export const PY_SYNTAX_ERROR =
  /^SyntaxError: (?:invalid syntax|expected '\('|f-string: (?:expecting '\}'|unmatched '[([]'|expression part cannot include a backslash))\s*$/;
export const NEWER_PY_SYNTAX =
  /:=|^\s{0,32}(?:match|case) [^\s:][^:]{0,200}:\s*$|^\s{0,32}type [A-Za-z_]\w{0,60}(?:\[[^[\]\n]{0,80}\])? ?=|\b(?:def|class) \w{1,60}\[[^[\]\n]{0,80}\] ?[(:]|\bexcept\*|\{[\w.]{1,60}=\}|\b[rR]?[fF][rR]?"[^"\n]{0,200}\{[^{}"\n]{0,80}["\\]|\b[rR]?[fF][rR]?'[^'\n]{0,200}\{[^{}'\n]{0,80}['\\]/;
// Node prints the source line, a caret, then the error: "Unexpected token '.'" under an optional chain
// (or '?' under ??) means a Node.js older than 14 reading modern code.
export const JS_SYNTAX_ERROR = /^SyntaxError: Unexpected token '[.?=]'\s*$/;
export const NEWER_JS_SYNTAX = /[\w)\]]\?\.[\w([]|\?\?=?|\|\|=|&&=/;

// import.meta.dirname and import.meta.filename arrived in Node.js 20.11 (and 21.2): on an older Node they
// are undefined, and the first path.join/resolve/readFile over them throws ERR_INVALID_ARG_TYPE "Received
// undefined" while the ES module is evaluated (an ESM frame, then ModuleJob.run). Node prints its version last.
const PATH_ARG_UNDEFINED =
  /\bThe "(?:paths?\[\d{1,2}\]|path|from|to|file|filename|url)" argument must be (?:of type string|an instance of)[^\n]{0,80}\. Received undefined\b/;
const ESM_EVALUATION = /\bat (?:async )?ModuleJob\.run \(node:internal\/modules\/esm\//;
const NODE_BEFORE_IMPORT_META_DIRNAME = /^Node\.js v(?:1\d\.\d{1,3}|20\.(?:\d|10)|21\.[01])\.\d{1,3}\s*$/;
const IMPORT_META_PATH = /\bimport\.meta\.(?:dirname|filename)\b/;

/**
 * The lines showing an ES module's top-level path built from import.meta.dirname on a Node.js without it.
 * Without the source echo an unset environment variable reads the same, hence the modest confidence.
 */
export const esmPathOnNodeBeforeImportMetaDirname = (
  lines: readonly LogLine[],
): { lines: LogLine[]; confidence: number } | undefined => {
  const error = lines.find((l) => PATH_ARG_UNDEFINED.test(l.text));
  const node = lines.find((l) => NODE_BEFORE_IMPORT_META_DIRNAME.test(l.text));
  if (!error || !node || !lines.some((l) => ESM_EVALUATION.test(l.text))) return undefined;
  const source = lines.find((l) => IMPORT_META_PATH.test(l.text));
  return source ? { lines: [source, error, node], confidence: 0.86 } : { lines: [error, node], confidence: 0.74 };
};

/**
 * A Redis command (or the RESP3 handshake) that a newer server release added, refused by an older server: HELLO
 * (6.0, sent by clients set to protocol 3), GETDEL/GETEX/COPY/XAUTOCLAIM/ZRANGESTORE (6.2), LMPOP/ZMPOP/
 * SINTERCARD/EXPIRETIME/FUNCTION/FCALL (7.0), LPOS (6.0.6). The client is right for the release it targets;
 * the server it reaches is older. "NOPROTO" is the server's own answer to a protocol it does not speak.
 */
export const NEWER_REDIS_COMMAND =
  /\bunknown command [`'"](?:HELLO|hello|GETDEL|getdel|GETEX|getex|COPY|copy|LPOS|lpos|XAUTOCLAIM|xautoclaim|ZRANGESTORE|zrangestore|LMPOP|lmpop|BLMPOP|blmpop|ZMPOP|zmpop|BZMPOP|bzmpop|SINTERCARD|sintercard|EXPIRETIME|expiretime|PEXPIRETIME|pexpiretime|FUNCTION|function|FCALL|fcall|FCALL_RO|fcall_ro|LMOVE|lmove|BLMOVE|blmove|SMISMEMBER|smismember|ZUNION|zunion|ZINTER|zinter|ZDIFF|zdiff|GEOSEARCH|geosearch)[`'"]|\bNOPROTO (?:sorry, )?(?:this )?(?:protocol version|unsupported protocol)/;
/**
 * Elasticsearch settings that a later major added, refused as "unknown setting" by an older image: 8.0's
 * enrollment and security auto-configuration, 7.0's cluster bootstrap and seed discovery (on a 6.x image),
 * 7.9's node.roles. A config copied from the current docs onto a pinned older tag.
 */
export const NEWER_ELASTICSEARCH_SETTING =
  /\bunknown setting \[(?:xpack\.security\.enrollment\.[\w.]{1,40}|xpack\.security\.autoconfiguration\.enabled|xpack\.security\.fips_mode\.required_providers|cluster\.initial_master_nodes|discovery\.seed_hosts|discovery\.seed_providers|cluster\.initial_cluster_manager_nodes|node\.roles|ingest\.geoip\.downloader\.enabled|cluster\.deprecation_indexing\.enabled)\]/;
/**
 * A connection URL or backend name a library's newer release dropped: SQLAlchemy 1.4 removed the "postgres://"
 * alias (only "postgresql://" loads), Django 3.0 removed the "postgresql_psycopg2" backend name. The URL was
 * written for the older library the image no longer installs.
 */
export const ALIAS_REMOVED_BY_NEWER_LIBRARY =
  /\bCan't load plugin: sqlalchemy\.dialects:postgres\b|['"]django\.db\.backends\.postgresql_psycopg2['"] isn't an available database backend/;
