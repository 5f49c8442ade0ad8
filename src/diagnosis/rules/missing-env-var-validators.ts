/**
 * missing_env_var read from a start-up validator of the environment (not a rule itself: the
 * missing-env-var rule imports these). Such libraries check the process environment against a schema
 * before anything else runs, so a value they call absent is a variable the container was not given:
 * class-validator behind NestJS's ConfigModule validate() ("property DATABASE_URL has failed the
 * following constraints: isDefined"), zod-based env schemas (t3-env, znv: "Invalid environment
 * variables: { DATABASE_URL: [ 'Required' ] }"), and Everett's ConfigurationMissingError. A value that
 * is present but of the wrong shape is bad_config, not this.
 */
import type { Signature } from './log-helpers.ts';

export const ENV_VALIDATOR_SIGNATURES: readonly Signature[] = [
  {
    // class-validator lists every failed constraint; isDefined / isNotEmpty fail only when the value is
    // absent or empty (a present value of the wrong type fails isInt, isUrl, ... alone).
    all: [
      /\bproperty [A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8} has failed the following constraints: [^\n]{0,160}\b(?:isDefined|isNotEmpty)\b/,
    ],
    confidence: 0.87,
    title: 'The environment validator found a required variable undefined or empty',
  },
  {
    // zod's issue for an undefined field, as env schemas print it: "DATABASE_URL: [ 'Required' ]",
    // or in zod 4's words "Invalid input: expected string, received undefined". An upper-case name is by
    // convention an environment variable, not a class field.
    all: [
      /(?:^|[\s{,'"])[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}['"]?: ?\[ ?['"](?:Required|Invalid input: expected \w{1,20}, received undefined)['"] ?\]/,
    ],
    confidence: 0.86,
    title: 'The environment schema reports a required variable as undefined',
  },
  {
    // Everett (Mozilla's config library): the key is read through its namespace, so the variable it
    // looked for may differ from the one the Secret provides (LEDGER_DATABASE_URL vs DATABASE_URL). Its
    // "X requires a value parseable by int" is shared with InvalidValueError (a present, malformed value),
    // so only the exception's name tells a missing value.
    all: [/\bConfigurationMissingError\b/],
    confidence: 0.88,
    title: 'Everett found no value for a required variable',
  },
  {
    // NestJS's ConfigService.getOrThrow ("Configuration key \"S3_BUCKET\" does not exist") and node-config's
    // get ("Configuration property \"DB_HOST\" is not defined"): an upper-case key is read from the process
    // environment (or .env, which a container does not ship), so the variable was not given to the pod.
    all: [
      /\bConfiguration (?:key|property) ["'][A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}["'] (?:does not exist|is not defined|is missing|not found)\b/,
    ],
    confidence: 0.87,
    title: 'The config service found no value for a variable-named key: the variable is not set',
  },
  {
    // NestJS's refusal for a namespaced key ("database.host"): usually a registerAs() factory fed by
    // variables, but the key may be misspelled in code, so a weaker reading. node-config's "Configuration
    // property" on a dotted key is its config files not shipped (missing_file), so not that wording.
    all: [/\bConfiguration key ["'][a-z][\w-]{0,40}(?:\.[\w-]{1,40}){1,6}["'] (?:does not exist|is not defined)\b/],
    confidence: 0.7,
    title: 'The config service found no value for a key that is usually fed by a variable',
  },
  {
    // A resolver that tries a list of variables and found none: Haystack's Secret.from_env_var ("None of
    // the following authentication environment variables are set: ('OPENAI_API_KEY',)"), SDKs' "Neither
    // AZURE_OPENAI_API_KEY nor AZURE_OPENAI_AD_TOKEN is set", "none of the environment variables X, Y is
    // defined". Every candidate being absent is the variable not given to the container.
    all: [
      /\b[Nn]one of the (?:following |required |candidate )?(?:[\w-]{1,30} )?(?:environment|env) variables?(?: [A-Z][A-Z0-9_]{1,60}(?:, ?[A-Z][A-Z0-9_]{1,60}){0,8})? (?:is|are|was|were) (?:set|defined|provided)\b|\b[Nn]either (?:the )?(?:environment variable )?[A-Z][A-Z0-9_]{1,60} nor (?:the )?[A-Z][A-Z0-9_]{1,60} (?:(?:environment )?variable )?(?:is|are|was|were) (?:set|defined|provided)\b/,
    ],
    confidence: 0.88,
    title: 'None of the environment variables the app accepts for a value is set',
  },
  {
    // An entrypoint helper whose only check is that a variable is set, reporting the check it failed:
    // Confluent's images ("Command [/usr/local/bin/dub ensure CONNECT_REST_ADVERTISED_HOST_NAME] FAILED !",
    // "dub ensure-atleast-one A B"), and shell helpers named for it ("require_env KAFKA_BROKERS failed",
    // "check_env_var DB_HOST: FAILED"). The same images' "dub path /x writable FAILED" is a volume check and
    // "cub kafka-ready ... FAILED" a wait on a dependency: other verbs, other causes.
    all: [
      /\b(?:dub|cub) ensure(?:-atleast-one)? [A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,10}\b|\b(?:ensure|require|check|assert)_env(?:_var)?s? ['"]?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,10}\b/,
      /\bFAILED\b|\b[Ff]ailed\b|\b[Ee]rror\b|\bnot (?:set|defined|found)\b|\bmissing\b/,
    ],
    confidence: 0.88,
    title: "The image's environment check failed: a variable it requires is not set (or is misspelt)",
  },
];

// JSON-schema env validators (env-schema / @fastify/env, envalid-on-ajv, convict): ajv's "env must have
// required property 'COOKIE_SECRET'" (v8) or "should have required property" (v6). The object checked is
// the environment, or the property is named like a variable.
export const JSON_SCHEMA_ENV_REQUIRED: Signature = {
  all: [
    /\b(?:env|environment|process\.env|config\.env)(?: variables)? (?:must|should) have required property\b|\b(?:must|should) have required property ['"`][A-Z][A-Z0-9_]{2,80}['"`]/,
  ],
  confidence: 0.86,
  title: 'The environment schema requires a variable that is not set',
};
