/**
 * runtime_version_mismatch's readings of a plugin built for another release of the server that loads it:
 * the plugin is present (so this is not missing_dependency) but its declared server range excludes the
 * image's server. Typical cause: a Dockerfile downloading the latest plugin release onto a pinned base image.
 * The runtime-version-mismatch rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const PLUGIN_BUILD_SIGNATURES: Signature[] = [
  {
    // The server states the plugin's range excludes it: RabbitMQ "Plugin doesn't support current server
    // version. Actual broker version: "3.12.14", supported by the plugin: ["3.13.x"]" and its reason atom
    // plugin_built_with_incompatible_rabbitmq_version, Elasticsearch/OpenSearch "Plugin [analysis-icu] was
    // built for Elasticsearch version 8.11.1 but version 8.12.0 is running", "plugin is not compatible with
    // the current server version", "incompatible with this version of Neo4j".
    all: [
      /\b[Pp]lugin (?:doesn't|does not|cannot|can't) support (?:the )?(?:current|this|running|installed) (?:[\w-]{1,30} )?version\b|\bplugin_built_with_incompatible_[a-z]{1,30}_version\b|\b(?:built|compiled) (?:with|for|against) (?:an? )?incompatible [\w-]{1,30} version\b|\bwas built for [\w-]{1,30} version v?\d[\w.-]{0,30} but version v?\d[\w.-]{0,30} is running\b|\b[Pp]lugin (?:\[[^[\]\n]{1,80}\] |['"`][^'"`\n]{1,80}['"`] |[\w.-]{1,80} )?(?:is )?(?:not compatible|incompatible) with (?:the )?(?:current|this|running|installed) (?:[\w-]{1,30} )?(?:server |broker |core )?version\b|\b[Aa]ctual broker version: ['"]?v?\d[\w.-]{0,30}['"]?, supported by the plugin\b/,
    ],
    confidence: 0.88,
    title: 'A plugin in the image was built for another release of the server (the plugin and base image disagree)',
  },
  {
    // A Corefile copied from current docs names a plugin the image's older CoreDNS does not compile in:
    // multisocket (1.12), view (1.11), header and tsig (1.9), geoip and timeouts (1.8), transfer (1.7),
    // minimal, local, acl (1.6). CoreDNS calls each an unknown directive, as it would a typo, but a typo
    // rarely spells a real plugin, so the name means an image older than its config.
    all: [
      /\bUnknown directive '(?:multisocket|view|header|tsig|geoip|timeouts|transfer|minimal|local|acl|nomad|azure|clouddns|k8s_external|any)'/,
    ],
    confidence: 0.84,
    title: 'The Corefile uses a CoreDNS plugin that a newer release added (the image runs an older CoreDNS)',
  },
  {
    // The host platform's own plugin gate naming the release range the plugin declares: NetBox and Nautobot
    // ("Plugin netbox_topology_views requires NetBox minimum version 4.0.0", "... maximum version 3.7.99"),
    // Redmine ("plugin_x plugin requires Redmine 5.0.0 or higher but current is 4.2.3"), Jenkins ("You must
    // update Jenkins from v2.289.1 to v2.361.1 or later to run this plugin"), Mattermost ("incompatible server
    // version for plugin, minimum required version: 9.5.0, current version: 8.1.0"). An unpinned plugin
    // release installed onto a pinned base image; the config naming the plugin is right.
    all: [
      /\b(?:[Pp]lugin|[Ee]xtension|[Aa]dd-?on|[Aa]pp) [\w.-]{1,80} requires [A-Z][\w.-]{1,30} (?:minimum|maximum) version\b|\bplugin requires [A-Z][\w.-]{1,30} v?\d{1,4}(?:\.\d{1,4}){0,3} or (?:higher|later|newer) but (?:the )?(?:current|running|installed)(?: version)? is\b|\b[Yy]ou must update [A-Z][\w.-]{1,30} from v?\d[\w.-]{0,30} to v?\d[\w.-]{0,30} or later to run this plugin\b|\bincompatible server version for plugin\b|\bminimum required version: v?\d[\w.-]{0,30}, current version: v?\d/,
    ],
    confidence: 0.86,
    title: 'A plugin in the image needs another release of the platform than the base image ships',
  },
];
