/**
 * Readings about the configuration an app was given that more than one rule weighs (not a rule itself).
 */

/**
 * A plugin or extension the configuration names is not installed in the server's image (fluentd gems,
 * Logstash plugins, Jenkins plugins, Caddy modules, a converter or filesystem class a JVM server loads by
 * the name its config gives: Kafka Connect's "Class X could not be found", Hadoop's "Class X not found", and
 * Node frameworks that resolve configured plugins by package name: Medusa's "Unable to find plugin", Babel's
 * and Gatsby's "Cannot find plugin").
 * The config is right for a server that has it, so the bad-config rule steps back when it sees one of these.
 */
export const MISSING_PLUGIN =
  /\b[Uu]nknown (?:input|output|filter|parser|formatter|buffer|storage|codec|source|sink|match) plugin '|NotFoundPluginError|Couldn't find any (?:input|output|filter|codec) plugin named|[Tt]he plugin is not installed|\b[Pp]lugin is missing: |\bmodule not registered: [a-z]|No configurator for the following root elements|\bClass [a-z][\w$]{0,60}\.[\w.$]{1,200} (?:could not be found|not found)\b|Failed to find any class that implements [A-Z]|\b(?:[Uu]nable to|[Cc]annot|[Cc]ould not) (?:find|resolve) plugin ["'`][\w@/.-]{1,100}["'`]|[Pp]erhaps you need to install its package/;

/** A dotenv file: missing, it leaves every variable it held unset. */
export const DOTENV = /\/\.env\b|'\.env'|"\.env"|^\.env\b/;
