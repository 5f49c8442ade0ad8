/**
 * bad_config's readings of a setting whose value the software checked and refused, worded by a library or
 * framework rather than a config parser: an option named as an environment variable (picocli/Quarkus, Keycloak's
 * KC_*), a client library's option contract (BullMQ's "maxRetriesPerRequest must be null"), a traitlets config
 * value of the wrong type (Jupyter), properties a YAML loader does not know (Cassandra), and Python's
 * logging.config failing on a handler's values. The bad-config rule lists these among its own signatures.
 */
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';

// Python's logging.config names the handler it could not build; the cause is the chained exception above it,
// on its own line since Python 3.12. A file the handler cannot open or a class not installed is then the
// permission, missing-file or dependency rule's reading, and this one steps aside. What is left is a handler's
// own value (maxBytes "10MB" as a string, a level or a class path mistyped), hence a middle confidence.
const LOGGING_HANDLER_NOT_BUILT: Signature = {
  all: [/\bUnable to configure (?:handler|logger|root logger) '[\w.-]{1,80}'/],
  confidence: 0.68,
  title: 'The logging configuration has a handler or logger Python cannot build (a wrong value?)',
};
const HANDLER_FAILED_ON_ANOTHER_CAUSE =
  /No module named|ModuleNotFoundError|ImportError|[Pp]ermission denied|PermissionError|No such file|FileNotFoundError|\[Errno \d{1,3}\]|Read-only file ?system/;

/** True when the hit is a logging handler summary whose chained cause (an errno, a missing module) is in the log. */
export const handlerFailedOnAnotherCause = (ctx: RuleContext, hit: SignatureHit): boolean =>
  hit.signature.title === LOGGING_HANDLER_NOT_BUILT.title &&
  ctx.log.lines.some((l) => HANDLER_FAILED_ON_ANOTHER_CAUSE.test(l.text));

export const OPTION_VALUE_SIGNATURES: Signature[] = [
  {
    // picocli and Quarkus name the option the way it was set: an environment variable's name (KC_DB, KC_HOSTNAME)
    // means the value came from the pod's env or a ConfigMap, not from the command line (bad_command_args reads
    // the "--option" form). An empty value is a variable not filled in, missing_env_var's.
    all: [/\bInvalid value for option '[A-Z][A-Z0-9]{0,20}_[A-Z0-9_]{1,80}': \S/],
    confidence: 0.86,
    title: 'A setting given through an environment variable has a value the server does not accept',
  },
  {
    // A client library checks the options it is handed and names the one to change: BullMQ "Your redis options
    // maxRetriesPerRequest must be null", "option `x` must be one of ...", "setting 'y' must be a positive
    // integer". A missing value ("must be set", "is required") is missing_env_var's.
    all: [
      /\b[Yy]our [\w-]{1,40} options? [\w.]{1,60} must be\b|\b(?:[Oo]ption|[Ss]etting) ['"`]?[\w.-]{1,60}['"`]? must be (?:null|true|false|one of|an? (?:number|integer|string|boolean|positive|non-negative)|(?:greater|less) than|between|at (?:least|most))\b/,
    ],
    not: /must be (?:set|provided|specified|defined|given)\b|\bis required\b|\bundefined\b|\bempty\b/,
    confidence: 0.72,
    title: 'A client or framework option has a value the library refuses',
  },
  {
    // traitlets (Jupyter Server, JupyterHub, nbconvert) validates every config value against its trait:
    // "TraitError: The 'port' trait of a ServerApp instance expected an int, not the str '8888'" is a value in
    // jupyter_*_config.py or a --Class.trait flag of the wrong type (a quoted number, a list as a string).
    all: [/\bTraitError: The '[\w.]{1,60}' trait of an? [\w.]{1,80} instance (?:expected|must be)\b/],
    confidence: 0.78,
    title: 'A Jupyter/traitlets setting has a value of the wrong type',
  },
  {
    // A YAML-backed server that lists the properties it does not know and asks for them to go: Cassandra's
    // "Invalid yaml. Please remove properties [seed_providers] from your cassandra.yaml" (a misspelt or
    // mis-indented key). A key of another release reads the same (version-clues cap it).
    all: [
      /\bInvalid yaml\b[^\n]{0,40}\b[Pp]lease remove propert(?:y|ies)\b|\b[Pp]lease remove propert(?:y|ies) \[[^[\]\n]{1,200}\] from your [\w.-]{1,60}\b/,
    ],
    confidence: 0.8,
    title: 'The configuration file has properties the server does not know (a typo or a mis-indented key)',
  },
  LOGGING_HANDLER_NOT_BUILT,
];
