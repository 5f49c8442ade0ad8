/**
 * More of runtime_version_mismatch's readings of a server's parser refusing a name that is real in another
 * release of that server: HAProxy and Unbound keywords, a Dagster instance key, an SNMP exporter config from a
 * newer generator, an XML config whose versioned schema namespace the server's parsers do not have, and an
 * Ansible playbook calling a builtin module of another ansible-core. Only names (and versioned namespaces) that
 * exist in some release are listed: a misspelt one stays bad_config's. runtime-version-config-keys.ts folds
 * these into CONFIG_KEY_OF_ANOTHER_RELEASE, so bad-config steps back.
 */
import type { Signature } from './log-helpers.ts';

/**
 * HAProxy keywords later releases added (sections: ring 2.2, httpclient 2.5, crt-store 3.0, log-profile and
 * traces 3.1, acme 3.2; global: ocsp-update.* 2.8/3.0, stats-file 3.0, limited-quic 2.8, tune.quic/h2 sides,
 * expose-experimental-directives and zero-warning 2.5; proxy/server: guid 3.0, log-steps and init-state 3.1,
 * quic-cc-algo 2.8), refused as "unknown keyword" by an older image, and the log line's "profile" (3.1).
 */
export const HAPROXY_KEYWORD_OF_ANOTHER_RELEASE =
  /\bunknown keyword '(?:log-profile|crt-store|traces|acme|ring|httpclient(?:\.[a-z.-]{1,40})?|ocsp-update(?:\.[a-z.-]{1,40})?|stats-file|guid|log-steps|init-state|limited-quic|quic-cc-algo|quic-socket|dns-accept-family|expose-experimental-directives|zero-warning|ssl-f-use|harden\.[a-z.-]{1,40}|tune\.(?:quic|h2\.(?:fe|be)|events|ring|lua\.bool|renice|takeover|notsent|disable-zero-copy)[a-z.-]{0,60})'(?: out of section| in '[a-z-]{1,20}' section|\.)|\b'log' ?: unknown parameter 'profile'/;

/**
 * Unbound options later releases added (wait-limit* 1.22, ede and serve-expired-client-timeout 1.16,
 * iter-scrub-*, max-global-quota and discard-timeout 1.19.1, cookie-secret-file 1.21, dns-error-reporting
 * 1.23, max-reuse-tcp-queries 1.13, zonemd-* 1.13, interface-action/view/tag 1.18, answer-cookie 1.19...):
 * "error: unknown keyword 'x'" from an older unbound-rpi or distro package.
 */
export const UNBOUND_KEYWORD_OF_ANOTHER_RELEASE =
  /\berror: unknown keyword '(?:wait-limit(?:-cookie)?(?:-netblock)?|ede(?:-serve-expired)?|serve-expired-client-timeout|iter-scrub-(?:ns|cname|promiscuous)|max-global-quota|discard-timeout|max-reuse-tcp-queries|tcp-reuse-timeout|max-query-restarts|cookie-secret-file|answer-cookie|dns-error-reporting|log-destaddr|log-thread-id|interface-(?:action|view|tag(?:-action|-data)?)|ratelimit-backoff|ip-ratelimit-(?:backoff|cookie)|cachedb-no-store|cachedb-check-when-serve-expired|harden-unknown-additional|sock-queue-timeout|zonemd-(?:check|permissive-mode|reject-absence)|edns-client-string(?:-opcode)?|pad-(?:responses|queries)(?:-block-size)?|http-notls-downstream|proxy-protocol-port|serve-original-ttl|stream-wait-size|tls-use-sni|tls-ciphersuites)'/;

/**
 * Dagster instance keys (dagster.yaml) of later releases: concurrency 1.6-1.8, auto_materialize, code_servers,
 * run_retries, retention, secrets, schedules/sensors... An older daemon's config system says "Received
 * unexpected config entry "x" at the root" while it loads the instance config (these are not run-config keys,
 * whose root holds ops, resources, execution and loggers).
 */
export const DAGSTER_INSTANCE_KEY_OF_ANOTHER_RELEASE =
  /\bReceived unexpected config entry "(?:concurrency|auto_materialize|code_servers|run_monitoring|run_retries|retention|secrets|schedules|sensors|nux|run_queue|data_version_staleness|backfills|freshness|defs_state_storage)" at the root\b/;

/**
 * snmp_exporter 0.23 split the auths out of the modules (generator 0.23+ writes a top-level "auths"): an older
 * exporter's strict decoder says "field auths not found in type config.plain".
 */
export const SNMP_EXPORTER_FORMAT_OF_ANOTHER_RELEASE = /\bfield auths not found in type config\.plain\b/;

/**
 * An XML config whose root names a versioned schema namespace the server has no parser for (copied from a
 * newer release's docs): Infinispan "ISPN000327: Cannot find a parser for element 'infinispan' in namespace
 * 'urn:infinispan:config:15.0'. Check that your configuration is up-to-date for Infinispan '14.0.27.Final'",
 * WildFly/JBoss "Unexpected element '{urn:jboss:domain:20.0}server'" on an older server.
 */
export const XML_SCHEMA_NAMESPACE_OF_ANOTHER_RELEASE =
  /\bCannot find a parser for element '[\w-]{1,60}' in namespace '[\w:./-]{0,120}[:/-]\d{1,3}\.\d{1,3}'|\bCheck that your configuration is up-to-date for [A-Z][\w ]{1,30} '\d|\bUnexpected element '\{urn:(?:jboss|wildfly):domain:\d{1,3}\.\d{1,3}\}(?:server|host|domain)'/;

/**
 * ansible-core builtin modules of later releases (validate_argument_spec 2.11, deb822_repository and dnf5
 * 2.15, mount_facts 2.18) or ones a later release removed (include, 2.16): "couldn't resolve module/action"
 * for a builtin name that is real, not a misspelling or a missing collection.
 */
export const ANSIBLE_BUILTIN_OF_ANOTHER_RELEASE =
  /\bcouldn't resolve module\/action '(?:ansible\.(?:builtin|legacy)\.)?(?:deb822_repository|dnf5|mount_facts|validate_argument_spec|include)'/;

/** Any of these: bad-config reads them (through runtime-version-config-keys.ts) as runtime_version_mismatch's. */
export const CONFIG_NAME_OF_ANOTHER_RELEASE = (text: string): boolean =>
  HAPROXY_KEYWORD_OF_ANOTHER_RELEASE.test(text) ||
  UNBOUND_KEYWORD_OF_ANOTHER_RELEASE.test(text) ||
  DAGSTER_INSTANCE_KEY_OF_ANOTHER_RELEASE.test(text) ||
  SNMP_EXPORTER_FORMAT_OF_ANOTHER_RELEASE.test(text) ||
  XML_SCHEMA_NAMESPACE_OF_ANOTHER_RELEASE.test(text) ||
  ANSIBLE_BUILTIN_OF_ANOTHER_RELEASE.test(text);

export const CONFIG_NAME_OF_ANOTHER_RELEASE_SIGNATURES: Signature[] = [
  {
    // An haproxy.cfg written from newer docs onto a pinned older image (or a distro's HAProxy).
    all: [HAPROXY_KEYWORD_OF_ANOTHER_RELEASE],
    confidence: 0.8,
    title: 'The HAProxy config uses a keyword of a newer HAProxy release than the image runs',
  },
  {
    // An unbound.conf refreshed from a current guide, the image (unbound-rpi, a distro package) left behind.
    all: [UNBOUND_KEYWORD_OF_ANOTHER_RELEASE],
    confidence: 0.8,
    title: 'The Unbound config sets an option of a newer Unbound release than the image runs',
  },
  {
    // A chart upgraded with its instance ConfigMap while the daemon or webserver image stayed pinned.
    all: [DAGSTER_INSTANCE_KEY_OF_ANOTHER_RELEASE],
    confidence: 0.8,
    title: "The Dagster instance config (dagster.yaml) has a section of a newer Dagster than the image's",
  },
  {
    // snmp.yml regenerated by a newer generator, the exporter image pinned before 0.23.
    all: [SNMP_EXPORTER_FORMAT_OF_ANOTHER_RELEASE],
    confidence: 0.8,
    title: 'snmp.yml is in the format of a newer snmp_exporter (generator) than the image runs',
  },
  {
    all: [XML_SCHEMA_NAMESPACE_OF_ANOTHER_RELEASE],
    confidence: 0.82,
    title: "The XML config names a schema version the image's server has no parser for (config for another release)",
  },
  {
    // A role rewritten for a newer ansible-core, run by an execution environment pinned to an older one.
    all: [ANSIBLE_BUILTIN_OF_ANOTHER_RELEASE],
    confidence: 0.8,
    title: 'The playbook calls a builtin module of another ansible-core release than the image runs',
  },
];
