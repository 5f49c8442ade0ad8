/**
 * runtime_version_mismatch's readings of a server's parser refusing a key or directive that is real in
 * another release of that server (added after the image's release, or removed before it). The parser says
 * "unknown" as it would for a typo, so only names that exist in some release are listed: a misspelt name
 * stays bad_config's. version-clues.ts folds CONFIG_KEY_OF_ANOTHER_RELEASE into CONFIG_FOR_ANOTHER_VERSION,
 * so bad-config steps back; runtime-version-settings.ts lists the signatures.
 */
import type { Signature } from './log-helpers.ts';
import {
  CONFIG_NAME_OF_ANOTHER_RELEASE,
  CONFIG_NAME_OF_ANOTHER_RELEASE_SIGNATURES,
} from './runtime-version-config-releases.ts';

/**
 * nginx directives later releases added (ssl_ocsp 1.19.0, proxy_cookie_flags and userid_flags 1.19.3,
 * ssl_reject_handshake and the *_ssl_conf_command family 1.19.4, keepalive_time 1.19.10, mp4_start_key_frame
 * and stream ssl_alpn 1.21.4, ssl_certificate_cache 1.27.4, early_hints 1.29; ssl_early_data 1.15.3,
 * limit_req_dry_run 1.17.1, limit_conn_dry_run 1.17.6, auth_delay 1.17.10) refused as "unknown directive" by
 * a distro's older nginx, and the ones later releases removed (the "ssl" directive in 1.25.1, SPDY in 1.9.5).
 */
export const NGINX_DIRECTIVE_OF_ANOTHER_RELEASE =
  /\bunknown directive "(?:ssl_reject_handshake|(?:proxy_|grpc_|uwsgi_)?ssl_conf_command|ssl_ocsp(?:_cache|_responder)?|proxy_cookie_flags|userid_flags|keepalive_time|mp4_start_key_frame|ssl_alpn|ssl_certificate_cache|ssl_object_cache_inheritable|early_hints|ssl_early_data|limit_req_dry_run|limit_conn_dry_run|auth_delay|proxy_socket_keepalive|ssl|spdy_[a-z_]{2,30})"|\binvalid parameter "spdy"/;

/**
 * ISC Kea keywords of one release that another does not have: 1.9-2.7 additions (ddns-update-on-renew,
 * ddns-use-conflict-resolution, ddns-conflict-resolution-mode that replaced it in 2.6, ddns-ttl-percent,
 * ddns-ttl*, multi-threading, parked-packet-limit, reservations-lookup-first, compatibility, allocator,
 * offer-lifetime, control-sockets...). The parser says 'got unexpected keyword "x" in Dhcp4 map'.
 */
export const KEA_KEYWORD_OF_ANOTHER_RELEASE =
  /\bunexpected keyword "(?:ddns-conflict-resolution-mode|ddns-use-conflict-resolution|ddns-update-on-renew|ddns-ttl-percent|ddns-ttl(?:-min|-max)?|multi-threading|parked-packet-limit|reservations-lookup-first|early-global-reservations-lookup|ip-reservations-unique|store-extended-info|cache-threshold|cache-max-age|compatibility|lenient-option-parsing|ignore-rai-link-selection|exclude-first-last-24|allocator|pd-allocator|offer-lifetime|stash-agent-options|control-sockets|reservations-(?:global|in-subnet|out-of-pool)|retry-on-startup|on-fail|adaptive-lease-time-threshold|allow-address-registration)" in [\w-]{1,40} map\b/;

/**
 * Go servers of the Cortex lineage reading a config of another major through the strict YAML decoder ("field
 * x not found in type cortex.Config"): Cortex's chunks-storage blocks (chunk_store, schema, table_manager,
 * purger), removed with chunks storage, on a newer Cortex or on Mimir; Tempo 1.x's search_enabled and
 * metrics_generator_enabled, removed in 2.0; Pyroscope 0.x ("OG") flat kebab-case keys (log-level,
 * storage-path, scrape-configs) on Grafana Pyroscope 1.x, whose schema is nested snake_case.
 */
export const GO_SERVER_KEY_OF_ANOTHER_MAJOR =
  /\bfield (?:chunk_store|schema|table_manager|purger) not found in type (?:cortex|mimir)\.Config\b|\bfield (?:search_enabled|metrics_generator_enabled) not found in type app\.Config\b|\bfield [a-z]{2,20}(?:-[a-z]{2,20}){1,4} not found in type (?:pyroscope|phlare)\.Config\b|\bfield (?:scrape-configs|storage-path|api-bind-addr|no-self-profiling|analytics-opt-out|adhoc-data-path|retention-levels|remote-write) not found in type\b/;

/** Any of these: bad-config reads them (through version-clues.ts) as runtime_version_mismatch's. */
export const CONFIG_KEY_OF_ANOTHER_RELEASE = (text: string): boolean =>
  NGINX_DIRECTIVE_OF_ANOTHER_RELEASE.test(text) ||
  KEA_KEYWORD_OF_ANOTHER_RELEASE.test(text) ||
  GO_SERVER_KEY_OF_ANOTHER_MAJOR.test(text) ||
  CONFIG_NAME_OF_ANOTHER_RELEASE(text);

export const CONFIG_KEY_OF_ANOTHER_RELEASE_SIGNATURES: Signature[] = [
  {
    // An nginx config copied from newer docs onto a distro's older nginx (Ubuntu 20.04's 1.18, Debian 11's
    // 1.18), or an old config on a new image: the directive is real, only not in the running release.
    all: [NGINX_DIRECTIVE_OF_ANOTHER_RELEASE],
    confidence: 0.8,
    title: 'The nginx config uses a directive of another nginx release than the image runs (added later, or removed)',
  },
  {
    // A kea-dhcp4/6 config written from another release's docs (2.6's on a 2.0 distro package, or back).
    all: [KEA_KEYWORD_OF_ANOTHER_RELEASE],
    confidence: 0.8,
    title: 'The Kea config uses a keyword of another Kea release than the image runs',
  },
  {
    // A ConfigMap carried over across a major version bump of the image (chart or tag moved, config not).
    all: [GO_SERVER_KEY_OF_ANOTHER_MAJOR],
    confidence: 0.8,
    title: 'The config is in the schema of another major release than the image runs (keys it removed or renamed)',
  },
  // HAProxy, Unbound, Dagster, snmp_exporter, versioned XML namespaces, ansible-core builtins.
  ...CONFIG_NAME_OF_ANOTHER_RELEASE_SIGNATURES,
];
