import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// Keys and directives real in another release of the server than the image runs (runtime-version-config-keys.ts),
// each shown on another product, directive or release direction than the log that taught it.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: "an nginx config from current docs using ssl_conf_command on Debian 11's nginx 1.18",
      log: '2024/03/11 08:14:02 [emerg] 7#7: unknown directive "ssl_conf_command" in /etc/nginx/conf.d/tls.conf:12\nnginx: [emerg] unknown directive "ssl_conf_command" in /etc/nginx/conf.d/tls.conf:12',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an old nginx config with "ssl on;" on an nginx 1.27 image, which removed the directive',
      log: '2025/01/20 10:00:01 [emerg] 1#1: unknown directive "ssl" in /etc/nginx/conf.d/legacy.conf:4\nnginx: [emerg] unknown directive "ssl" in /etc/nginx/conf.d/legacy.conf:4',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a keepalive_time upstream setting on an nginx older than 1.19.10',
      log: 'nginx: [emerg] unknown directive "keepalive_time" in /etc/nginx/nginx.conf:31',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a kea-dhcp6 config with the allocator keyword on a Kea 2.2 package',
      log: '2024-07-02 11:02:03.100 INFO  [kea-dhcp6.dhcp6/1.139] DHCP6_STARTING Kea DHCPv6 server version 2.2.0 starting\n2024-07-02 11:02:03.104 ERROR [kea-dhcp6.dhcp6/1.139] DHCP6_INIT_FAIL failed to initialize Kea server: configuration error using file \'/etc/kea/kea-dhcp6.conf\': /etc/kea/kea-dhcp6.conf:18.5-15: got unexpected keyword "allocator" in Dhcp6 map.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a multi-threading block on a Kea 1.6 image',
      log: 'DHCP4_INIT_FAIL failed to initialize Kea server: configuration error using file \'/etc/kea/kea-dhcp4.conf\': /etc/kea/kea-dhcp4.conf:7.5-21: got unexpected keyword "multi-threading" in Dhcp4 map.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Cortex chunks-storage config moved onto a Mimir image',
      log: 'error validating config: error loading config from /etc/mimir/mimir.yaml: Error parsing config file: yaml: unmarshal errors:\n  line 40: field table_manager not found in type mimir.Config',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Tempo 1.x config with search_enabled on a Tempo 2 image',
      log: 'failed parsing config: failed to parse configFile /conf/tempo.yaml: yaml: unmarshal errors:\n  line 3: field search_enabled not found in type app.Config',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Pyroscope 0.x server.yml key on a Grafana Pyroscope 1.x image',
      log: 'error loading config from /etc/pyroscope/server.yml: Error parsing config file: yaml: unmarshal errors:\n  line 4: field analytics-opt-out not found in type pyroscope.Config',
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'a misspelt ssl_reject_handshake is a typo on every nginx release',
      log: 'nginx: [emerg] unknown directive "ssl_reject_handshak" in /etc/nginx/sites-enabled/default:5',
      exitCode: 1,
    },
    {
      name: 'a directive of a third-party module the image lacks is not a release gap',
      log: 'nginx: [emerg] unknown directive "more_set_headers" in /etc/nginx/conf.d/headers.conf:2',
      exitCode: 1,
    },
    {
      name: 'a misspelt Kea keyword is wrong on every Kea release',
      log: 'DHCP4_INIT_FAIL failed to initialize Kea server: configuration error using file \'/etc/kea/kea-dhcp4.conf\': /etc/kea/kea-dhcp4.conf:12.9-23: got unexpected keyword "valid-lifetme" in Dhcp4 map.',
      exitCode: 1,
    },
    {
      name: 'a misspelt top-level Cortex block is a typo, not another release',
      log: 'error loading config from /etc/cortex/cortex.yaml: Error parsing config file: yaml: unmarshal errors:\n  line 9: field ingestr not found in type cortex.Config',
      exitCode: 1,
    },
    {
      name: 'a schema key on Loki (whose block is schema_config) is misnamed, not a Cortex key',
      log: 'failed parsing config: /etc/loki/loki.yaml: yaml: unmarshal errors:\n  line 22: field schema not found in type loki.Config',
      exitCode: 1,
    },
    {
      name: 'a misspelt snake_case key in a Pyroscope 1.x config is a typo',
      log: 'error loading config from /etc/pyroscope/config.yaml: Error parsing config file: yaml: unmarshal errors:\n  line 6: field self_profilng not found in type pyroscope.Config',
      exitCode: 1,
    },
  ],
});
