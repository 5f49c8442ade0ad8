/**
 * missing_env_var: a required environment variable is not set. This file holds the direct readings, where
 * the app says so ("X is not set", a shell "unbound variable", a KeyError on os.environ, an unresolved
 * ${X} placeholder). The indirect ones, where the app fails one step later (an empty value parsed as a
 * number, a client on its localhost default), are in missing-env-var-indirect.ts: one rule, one id.
 * Each language's failed lookup is in missing-env-var-lookups.ts, settings that arrived empty in
 * missing-env-var-empty-values.ts, usage hints in missing-env-var-usage-hints.ts, unset secrets and empty
 * credentials in missing-env-var-secrets.ts, start-up env validators in missing-env-var-validators.ts, the
 * shapes an absent value takes one step later in missing-env-var-absent-inputs.ts; this list keeps the order.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { DOTENV } from './config-clues.ts';
import { emptyExecTrace } from './exec-clues.ts';
import { finding, logEvidence, type Signature, signatureRule, statusEvidence } from './log-helpers.ts';
import { EMPTY_NUMBER_SIGNATURES } from './missing-env-var-empty-numbers.ts';
import { EMPTY_VALUE_SIGNATURES } from './missing-env-var-empty-values.ts';
import { INDIRECT_SIGNATURES, indirectEvidence, weighIndirect } from './missing-env-var-indirect.ts';
import {
  CONFIG_VARIABLE_REFERENCE_UNRESOLVED,
  ENV_DESERIALIZE_MISSING_FIELD,
  ENV_KEY_LOOKUP_FAILED,
  ENV_LOOKUP,
  ENV_SOURCE_MISSING_FIELD,
  FRAMEWORK_REQUIRED_SETTING_ABSENT,
  GLEAM_ASSERT_ERROR_NIL,
  OCAML_GETENV_NOT_FOUND,
  PYTHON_KEY_ERROR,
  REQUIRED_BUT_NOT_PROVIDED,
  RUBY_ENV_FETCH,
  RUST_ENV_VAR,
  SHELL_UNSET_WITH_MESSAGE,
  UNRESOLVED_PLACEHOLDER_VALUES,
} from './missing-env-var-lookups.ts';
import { CLOUD_CLIENT_SIGNATURES, weighClientDefaults } from './missing-env-var-cloud-clients.ts';
import { EMPTY_CREDENTIAL_SIGNATURES, UNSET_SECRET_SIGNATURES } from './missing-env-var-secrets.ts';
import { USAGE_HINTS } from './missing-env-var-usage-hints.ts';
import { DEFAULT_FALLBACK_SIGNATURES, weighDefaultFallback } from './missing-env-var-defaults.ts';
import { EMPTY_HOST_SIGNATURES, weighEmptyHost } from './missing-env-var-empty-hosts.ts';
import { LICENCE_SIGNATURES } from './missing-env-var-licence.ts';
import { REQUIRED_VALUE_SIGNATURES, weighUnsetNotice } from './missing-env-var-required-values.ts';
import { UNFILLED_SLOT_SIGNATURES } from './missing-env-var-unfilled-slots.ts';
import { SUBSTITUTION_SIGNATURES } from './missing-env-var-substitutions.ts';
import { ABSENT_INPUT_SIGNATURES } from './missing-env-var-absent-inputs.ts';
import { ABSENT_SECRET_SIGNATURES } from './missing-env-var-absent-secrets.ts';
import { ephemeralServerFallback } from './missing-env-var-ephemeral-server.ts';
import { ENV_VALIDATOR_SIGNATURES, JSON_SCHEMA_ENV_REQUIRED } from './missing-env-var-validators.ts';
import { droppedEnvFromKeys } from './missing-env-var-dropped-keys.ts';
import { tracedValuelessCommand } from './missing-env-var-traced-args.ts';
import { expandedEmptyValue } from './missing-env-var-expanded-values.ts';

const ENV_NAME = /\b([A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8})\b/;

// Only failure-sounding mentions of an environment variable count (not help text or a printed default).
const ENV_FAILURE =
  /\b(?:not (?:set|defined|provided|found|specified|present)|is (?:missing|required|empty|unset|undefined)|missing|must be (?:set|defined|provided|specified)|did not provide|no value|undefined|unset|required but)\b/i;

const SIGNATURES: Signature[] = [
  {
    all: [/: unbound variable\s*$/],
    confidence: 0.85,
    title: 'A required environment variable is not set (unbound variable)',
  },
  {
    // ${X:?} and ${X?} on an unset variable: bash and ksh say "parameter null or not set", dash and ash
    // "parameter not set or null", zsh and plain ${X?} "parameter not set".
    all: [/: parameter (?:null or )?not set(?: or null)?\s*$/],
    confidence: 0.88,
    title: 'A required environment variable is not set',
  },
  SHELL_UNSET_WITH_MESSAGE,
  {
    all: [
      /[Ee]nvironment [Vv]ariables?|ENVIRONMENT VARIABLES?|\b[Ee]nv(?:ironment)? ?[Vv]ar(?:iable)?s?\b|\bENV\[/,
      ENV_FAILURE,
    ],
    confidence: 0.82,
    title: 'A required environment variable is not set',
    // A config-file field unknown to the parser, with a hint about expanding variables, is bad_config.
    not: /not found in type|expand[- ]env/,
    // Not a failure: "set FOO (environment variable) to ..." in help text or a printed default.
  },
  ENV_LOOKUP,
  ENV_KEY_LOOKUP_FAILED,
  CONFIG_VARIABLE_REFERENCE_UNRESOLVED,
  ...UNRESOLVED_PLACEHOLDER_VALUES,
  {
    // Perl's $ENV{X} read while X is unset: a warning, but it names the variable the crash came from.
    all: [/Use of uninitialized value (?:\$ENV\{|in [^\n]{1,80}\$ENV\{)/],
    confidence: 0.7,
    title: 'A variable read from %ENV is not set (uninitialized value)',
    warningIsEvidence: true,
  },
  {
    all: [/required key [A-Z0-9_]{1,80} missing value|required environment variable/i],
    confidence: 0.88,
    title: 'A required environment variable is not set',
  },
  {
    all: [
      /You need to specify one of (?:the following|[A-Z_]{3,64})|is uninitialized and (?:password option|superuser password) is not specified/,
    ],
    confidence: 0.9,
    title: 'The database image needs a password variable that is not set',
  },
  PYTHON_KEY_ERROR,
  RUBY_ENV_FETCH,
  {
    all: [/Could not resolve placeholder '[^']+'/],
    confidence: 0.7,
    title: 'A property placeholder has no value (environment variable not set?)',
  },
  {
    // A ${NAME} reference with nothing to resolve against, in the words of Spring, Micronaut, Typesafe
    // config (HOCON), SmallRye and Logstash. An upper-case name is an environment variable by convention.
    all: [
      /(?:[Cc]ould not resolve placeholder ['"]?\$?\{?|[Cc]ould not resolve substitution to a value: \$\{|[Cc]ould not expand value |Replacement variable `|[Uu]nresolved (?:placeholder|variable|substitution) ['"`]?\$\{)[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}(?![\w.-])/,
    ],
    confidence: 0.86,
    title: 'A placeholder in the configuration names an environment variable that is not set',
  },
  {
    // supervisord's %(ENV_NAME)s: it refuses to start a program whose command names an unset variable.
    all: [/%\(ENV_[A-Z0-9_]{1,80}\)s|names? \('ENV_[A-Z0-9_]{1,80}'/, /cannot be expanded|KeyError/],
    confidence: 0.86,
    title: 'supervisord cannot expand %(ENV_...)s: the environment variable is not set',
  },
  {
    // "Please define an environment variable 'X'", "provide a password via the environment variable X":
    // the image says which variable it needs and stops. Optional tuning advice is not a requirement.
    all: [
      /\b(?:[Pp]lease|[Mm]ust|MUST|[Nn]eed to|[Hh]ave to|[Mm]ake sure to) (?:set|define|provide|specify|export|pass|supply)\b/,
      /[Ee]nvironment variable|\benv(?:ironment)? ?var(?:iable)?\b/,
    ],
    confidence: 0.82,
    title: 'The app asks for an environment variable that is not set',
    not: /\b(?:if you (?:want|wish|need|like)|to (?:silence|suppress|disable|enable|override|change|tune|customi[sz]e)|optional(?:ly)?)\b/,
  },
  {
    // Images that stop and show the `docker run` flags that would have set what is missing
    // ("-e COUCHDB_USER=admin -e COUCHDB_PASSWORD=password", "--env POSTGRES_PASSWORD=...").
    all: [/(?:^|[\s"'`(])(?:-e|--env) ["']?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}=/],
    confidence: 0.8,
    title: 'The image asks for a variable that is not set (it shows the -e flag that sets it)',
    not: /\b(?:to (?:see|display|show|get|enable)|for more (?:details|output|information|info))\b/,
  },
  {
    // "missing parameter ... DOCKER_INFLUXDB_INIT_PASSWORD", "Missing required setting: SMTP_HOST",
    // "missing 'MONGO_INITDB_ROOT_USERNAME'": a setting named like a variable is reported absent (a CLI
    // flag or a capability is another cause).
    all: [
      /\b(?:[Mm]issing|MISSING)(?: required| mandatory)?(?: (?:parameter|setting|variable|value|config(?:uration)? (?:key|value|option))s?\b|:? ['"`]?[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{2,80}\b)/,
      /[\s"'`:=([][A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{2,80}\b/,
    ],
    confidence: 0.8,
    title: 'A required setting named like an environment variable is missing',
    not: /\b(?:flag|argument|capabilit(?:y|ies))\b|\bCAP_[A-Z]|\s--[a-z]/,
  },
  ...UNSET_SECRET_SIGNATURES,
  {
    // Operators and servers that validate their options at start-up ("validating options, missing field,
    // cluster-name" from Karpenter): options in a container come from variables the chart renders. A
    // field missing from a file the app parses (a line number, a file name) or a CLI flag is another cause.
    all: [
      /\b(?:[Mm]issing|MISSING)(?: required| mandatory)? (?:field|option|setting|parameter)s?[,:]? ['"`]?[a-z][a-z0-9]{1,30}(?:[-_.][a-z0-9]{1,30}){1,6}\b/,
    ],
    confidence: 0.66,
    title: 'A required option is missing: the variable that sets it is likely not set',
    not: /\b(?:at )?line \d|\bcolumn \d|\.(?:ya?ml|json|toml|conf|ini|hcl|properties)\b|\bflags?\b|\s--[a-z]/,
  },
  RUST_ENV_VAR,
  ENV_DESERIALIZE_MISSING_FIELD,
  ENV_SOURCE_MISSING_FIELD,
  ...REQUIRED_BUT_NOT_PROVIDED,
  FRAMEWORK_REQUIRED_SETTING_ABSENT,
  OCAML_GETENV_NOT_FOUND,
  GLEAM_ASSERT_ERROR_NIL,
  ...LICENCE_SIGNATURES,
  ...EMPTY_VALUE_SIGNATURES,
  ...EMPTY_HOST_SIGNATURES,
  ...UNFILLED_SLOT_SIGNATURES,
  ...REQUIRED_VALUE_SIGNATURES,
  ...ENV_VALIDATOR_SIGNATURES,
  ...SUBSTITUTION_SIGNATURES,
  ...ABSENT_INPUT_SIGNATURES,
  ...ABSENT_SECRET_SIGNATURES,
  JSON_SCHEMA_ENV_REQUIRED,
  ...EMPTY_CREDENTIAL_SIGNATURES,
  ...CLOUD_CLIENT_SIGNATURES,
  {
    // "Mastodon now requires that these variables are set:", "The following environment variables are
    // missing:", "these variables must be set": a list of variable names follows on the next lines.
    all: [
      /\b(?:requires?|needs?) (?:that )?(?:these|the following)(?: environment| env| required)? variables (?:are |to be |be )?(?:set|defined|provided|configured)\b|\b(?:these|the following)(?: required)?(?: environment| env)? variables (?:are |were )?(?:missing|not set|not defined|undefined|required|must be (?:set|defined|provided))\b/i,
    ],
    confidence: 0.86,
    title: 'The app lists required environment variables that are not set',
    not: /\b(?:optional(?:ly)?|deprecated|ignored|no longer)\b/i,
  },
  ...USAGE_HINTS,
  {
    // "Secret key missing" (authentik), "SECRET_KEY is missing", "missing encryption key": the app's own key,
    // which reaches a container only through a variable. Apps often print it at info level just before
    // exiting, so the level does not discount it.
    all: [
      /\b(?:[Ss]ecret[_ ]?[Kk]ey|SECRET_KEY|[Ss]igning [Kk]ey|[Ee]ncryption [Kk]ey|[Mm]aster [Kk]ey|[Aa]pp(?:lication)? [Kk]ey)(?: is| was)? missing\b|\b[Mm]issing (?:the )?(?:secret[_ ]key|SECRET_KEY|signing key|encryption key|master key)\b/,
    ],
    confidence: 0.8,
    title: 'The secret key is missing: the variable that provides it is not set',
    not: /\b(?:generat\w{0,10}|random|using (?:a |the )?default|optional(?:ly)?|fingerprint|keyring|gpg|pgp|ssh)\b/i,
    warningIsEvidence: true,
  },
  {
    all: [/ImproperlyConfigured/, /[Ee]nvironment variable|must not be empty|is not set/],
    confidence: 0.85,
    title: 'A required setting from the environment is not set',
  },
  {
    all: [/validation errors? for [A-Za-z]*Settings\b|validation errors? for [A-Za-z]*Config\b/],
    confidence: 0.7,
    title: 'Settings validation failed: a required variable is likely missing',
  },
  { all: [/Field required \[type=missing/], confidence: 0.55, title: 'A required settings field is missing' },
  {
    all: [DOTENV, /[Nn]o such file|ENOENT|not found|does not exist/],
    confidence: 0.7,
    title: 'The .env file with the variables is not in the container',
  },
];

const bySignature = signatureRule({
  id: 'missing-env-var',
  category: 'missing_env_var',
  // One list, so the strongest line wins whether the log names the variable or only what broke.
  signatures: [...SIGNATURES, ...DEFAULT_FALLBACK_SIGNATURES, ...INDIRECT_SIGNATURES, ...EMPTY_NUMBER_SIGNATURES],
  adjust: (ctx, hit) =>
    weighClientDefaults(ctx, hit) ??
    weighDefaultFallback(ctx, hit) ??
    weighEmptyHost(ctx, hit) ??
    weighUnsetNotice(ctx, hit) ??
    weighIndirect(ctx, hit),
  evidence: indirectEvidence,
  steps: (ctx, hit) => {
    const name = ENV_NAME.exec(hit.line.text)?.[1];
    return [
      `See which variables the container gets: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].env[*].name} {.spec.containers[*].envFrom}')}`,
      `Set it: ${kubectl.setEnv(ctx.target, `${name ?? 'NAME'}=<value>`)} (or add it to the Secret/ConfigMap it comes from)`,
    ];
  },
});

// A shell trace that shows an upper-case variable empty before a bare exec (`+ CMD=`, `case "${ROLE:-}" in`,
// `case '' in`): the command was to come from a variable, not from "$@", so the variable is unset.
const EMPTY_VARIABLE_TRACE =
  /^\+{1,4} (?:[A-Z][A-Z0-9_]{0,40}=(?:''|"")?$|case (?:''|""|"\$\{[A-Z][A-Z0-9_]{1,40}:-\}") in$)/;
const traceShowsEmptyVariable = (ctx: RuleContext): boolean =>
  ctx.log.lines.some((line) => EMPTY_VARIABLE_TRACE.test(line.text.trimEnd()));

export const missingEnvVar: Rule = {
  id: 'missing-env-var',
  match: (ctx) => {
    const found = bySignature.match(ctx);
    // The kubelet's own word that it dropped envFrom keys outweighs a weaker reading of the log alone.
    // So does a traced command that lost a value (missing-env-var-traced-args.ts), or a value an unset
    // variable left empty (missing-env-var-expanded-values.ts).
    for (const other of [
      droppedEnvFromKeys(ctx),
      tracedValuelessCommand(ctx),
      expandedEmptyValue(ctx),
      ephemeralServerFallback(ctx),
    ])
      if (other && (!found || other.confidence > found.confidence)) return other;
    if (found) return found;
    // `+ exec --config /app.yaml`: the variable that held the program expanded to nothing.
    // `+ exec` with nothing at all is more often an empty "$@" (bad_command_args): a weak reading here.
    const empty = emptyExecTrace(ctx);
    if (!empty) return null;
    return finding(ctx, {
      ruleId: 'missing-env-var',
      category: 'missing_env_var',
      title:
        empty.kind === 'flags-only'
          ? "The entrypoint exec'd its flags without a program: the variable naming the program is not set"
          : "The entrypoint exec'd nothing: a variable holding the command may be unset",
      confidence: empty.kind === 'flags-only' ? 0.72 : traceShowsEmptyVariable(ctx) ? 0.8 : 0.45,
      evidence: [...logEvidence([empty.line]), ...statusEvidence(ctx)],
      steps: [
        `See which variables the container gets: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].env[*].name} {.spec.containers[*].envFrom}')}`,
        'Read the entrypoint script for the variable its exec line expands, and set it in the pod spec',
      ],
    });
  },
};
