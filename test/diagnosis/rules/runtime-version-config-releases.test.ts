import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// Names real in another release of the server than the image runs (runtime-version-config-releases.ts), each
// shown on another keyword, product or wording than the log that taught it, with typos as near misses.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: 'a crt-store section from the HAProxy 3.0 docs on a 2.6 image',
      log: "[NOTICE]   (1) : haproxy version is 2.6.17-1b3c5d7\n[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:9] : unknown keyword 'crt-store' out of section.\n[ALERT]    (1) : config : Fatal errors found in configuration.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a server line with init-state (HAProxy 3.1) on a 2.8 image',
      log: "[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:52] : 'server app1' unknown keyword 'init-state'. Registered keywords :\n[ALERT]    (1) : config : Fatal errors found in configuration.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an unbound.conf with ede and serve-expired-client-timeout on a Debian 11 unbound 1.13',
      log: "/etc/unbound/unbound.conf.d/pi-hole.conf:31: error: unknown keyword 'ede'\n/etc/unbound/unbound.conf.d/pi-hole.conf:32: error: unknown keyword 'serve-expired-client-timeout'\nread /etc/unbound/unbound.conf failed: 2 errors in configuration file\n[1700000000] unbound[1:0] fatal error: Could not read config file: /etc/unbound/unbound.conf. Maybe try unbound -dd, it stays on the commandline to see more errors, or unbound-checkconf",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Dagster webserver on 0.14 reading an instance config with run_retries',
      log: 'dagster._core.errors.DagsterInvalidConfigError: Errors whilst loading dagster instance config at dagster.yaml.\n    Error 1: Received unexpected config entry "run_retries" at the root. Expected: "{ compute_logs?: { class: String config?: { } module: String } ... }".',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an snmp.yml from generator 0.25 on a snmp_exporter 0.20 sidecar',
      log: 'level=error ts=2024-01-09T08:00:00.000Z caller=main.go:213 msg="Error parsing config file" err="yaml: unmarshal errors:\\n  line 1: field auths not found in type config.plain"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a WildFly 26 server reading a standalone.xml written for WildFly 31',
      log: "09:11:02,113 ERROR [org.jboss.as.server] (Controller Boot Thread) WFLYSRV0055: Caught exception during boot: org.jboss.as.controller.persistence.ConfigurationPersistenceException: WFLYCTL0085: Failed to parse configuration\nCaused by: javax.xml.stream.XMLStreamException: ParseError at [row,col]:[2,1]\nMessage: Unexpected element '{urn:jboss:domain:20.0}server'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an Infinispan 13 server with a 14.0 cache config',
      log: "ERROR (main) [org.infinispan.SERVER] ISPN080028: Infinispan Server failed to start org.infinispan.commons.CacheConfigurationException: ISPN000327: Cannot find a parser for element 'cache-container' in namespace 'urn:infinispan:config:14.0'. Check that your configuration is up-to-date for Infinispan '13.0.10.Final'.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a role using ansible.builtin.dnf5 run by an ansible-core 2.14 runner',
      log: "ansible-playbook [core 2.14.2]\nERROR! couldn't resolve module/action 'ansible.builtin.dnf5'. This often indicates a misspelling, missing collection, or incorrect module path.\n\nThe error appears to be in '/runner/project/roles/base/tasks/main.yml': line 3, column 3",
      exitCode: 4,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'a misspelt HAProxy keyword is wrong on every release',
      log: "[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:12] : unknown keyword 'maxconnn' in 'global' section\n[ALERT]    (1) : config : Fatal errors found in configuration.",
      exitCode: 1,
    },
    {
      name: 'a misspelt Unbound option is a typo',
      log: "/opt/unbound/etc/unbound/unbound.conf:12: error: unknown keyword 'do-ipv5'\nread /opt/unbound/etc/unbound/unbound.conf failed: 1 errors in configuration file",
      exitCode: 1,
    },
    {
      name: 'a misplaced Dagster instance key is not a newer release',
      log: 'dagster._core.errors.DagsterInvalidConfigError: Errors whilst loading dagster instance config at dagster.yaml.\n    Error 1: Received unexpected config entry "run_coordinater" at the root.',
      exitCode: 1,
    },
    {
      name: 'a module of a collection the execution environment lacks is a missing collection',
      log: "ERROR! couldn't resolve module/action 'community.docker.docker_compose_v2'. This often indicates a misspelling, missing collection, or incorrect module path.",
      exitCode: 4,
    },
    {
      name: 'an XML parse error without a versioned schema namespace is the config itself',
      log: "ERROR (main) [org.infinispan.SERVER] ISPN080028: Infinispan Server failed to start org.infinispan.commons.CacheConfigurationException: ISPN000327: Cannot find a parser for element 'distributed-cahce' in namespace 'urn:infinispan:config'.",
      exitCode: 1,
    },
  ],
});
