/**
 * missing_env_var's readings of a failed environment lookup, in each language's own words: the lookup
 * raised or returned an error because the variable is not set. The missing-env-var rule lists these
 * signatures in its own order.
 */
import type { Signature } from './log-helpers.ts';

/**
 * A failed lookup of a variable in the environment, in each language's own words, when the message does
 * not say "environment variable" next to a failure word: Haskell's getEnv ("DATABASE_URL: getEnv: does
 * not exist (no environment variable)"), Zig's getEnvVarOwned (error.EnvironmentVariableNotFound),
 * Symfony's EnvNotFoundException, Elixir's System.EnvError, python-decouple's UndefinedValueError, and
 * Java's helpful NullPointerException on System.getenv(...).
 */
const ENV_LOOKUP_FAILED =
  /\bgetEnv: does not exist\b|\(no environment variable\)|\bEnvironmentVariableNotFound\b|\bEnvVarNotFound\b|\bEnvNotFoundException\b|\bSystem\.EnvError\b|\bUndefinedValueError\b|"(?:java\.lang\.)?System\.getenv\(String\)" is null/;

/**
 * A map lookup of an upper-case key that failed, where the map is the environment far more often than
 * not: Julia's ENV["X"] (KeyError: key "X" not found), Crystal's ENV["X"] (Missing ENV key: "X"), Scala's
 * sys.env("X") (NoSuchElementException: key not found: X), .NET's dictionary of the environment
 * (KeyNotFoundException: The given key 'X' was not present). An upper-case snake name is an environment
 * variable by convention. Python's KeyError: 'X' is weaker (below): Python code indexes plain dicts with
 * upper-case keys more often.
 */
const ENV_KEY_LOOKUP =
  /KeyError: key "[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}" not found|Missing ENV key: "[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}"|NoSuchElementException: key not found: [A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}\b|KeyNotFoundException: The given key '[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}' was not present/;

export const ENV_LOOKUP: Signature = {
  all: [ENV_LOOKUP_FAILED],
  confidence: 0.86,
  title: 'A required environment variable is not set (the lookup failed)',
};

export const ENV_KEY_LOOKUP_FAILED: Signature = {
  all: [ENV_KEY_LOOKUP],
  confidence: 0.8,
  title: 'A required environment variable is not set (the lookup of its name failed)',
};

/** Python's os.environ['X']: weaker, since Python code indexes plain dicts with upper-case keys too. */
export const PYTHON_KEY_ERROR: Signature = {
  all: [/KeyError: ['"][A-Z][A-Z0-9_]{2,80}['"]/],
  confidence: 0.7,
  title: 'A required environment variable is not set (KeyError)',
};

/** Ruby's ENV.fetch('X') (and Elixir's Map.fetch! on the environment). */
export const RUBY_ENV_FETCH: Signature = {
  all: [/key not found: "?[A-Z][A-Z0-9_]{2,80}"? \(KeyError\)|KeyError: key not found: "[A-Z][A-Z0-9_]{2,80}"/],
  confidence: 0.8,
  title: 'A required environment variable is not set (ENV.fetch)',
};

export const RUST_ENV_VAR: Signature = {
  // Rust: std::env::var("X").unwrap() / .expect() on an unset variable (VarError::NotPresent).
  all: [/on an `Err` value: NotPresent|: NotPresent\s*$|environment variable not found/],
  confidence: 0.86,
  title: 'A required environment variable is not set (std::env::var failed)',
};

/**
 * OCaml's Sys.getenv raises Not_found for an unset variable; the backtrace (OCAMLRUNPARAM=b) names the
 * primitive. Sys.getenv_opt does not raise, and a Not_found from elsewhere (List.assoc) is app_bug's.
 */
export const OCAML_GETENV_NOT_FOUND: Signature = {
  all: [/Raised (?:by primitive operation )?at (?:Stdlib__|Stdlib\.)?Sys\.getenv\b/],
  confidence: 0.84,
  title: 'A required environment variable is not set (Sys.getenv raised Not_found)',
};

/**
 * Gleam's environment lookups (envoy.get, os.get_env) return Error(Nil) for an unset variable, and the
 * usual boot code asserts on it ("let assert Ok(url) = envoy.get(...)"): the runtime error prints the
 * unmatched value indented on its own line. Other lookups that fail with Error(Nil) (dict.get, list.find)
 * crash the same way, so this is a context reading, not a certainty.
 */
export const GLEAM_ASSERT_ERROR_NIL: Signature = {
  all: [/^\s{1,8}Error\(Nil\)\s*$/],
  confidence: 0.7,
  title: 'A let assert on a lookup got Error(Nil): most often an environment variable that is not set',
};

/**
 * A config language that expands $NAME from the environment and finds nothing: NATS ("variable reference
 * for 'X' on line 19 can not be found"), HCL/Terraform-style "undefined variable", Caddy's and
 * Prometheus-style "variable X is not defined". An upper-case snake name is an environment variable by
 * convention; a lower-case one is the config's own variable (bad_config).
 */
export const CONFIG_VARIABLE_REFERENCE_UNRESOLVED: Signature = {
  all: [
    /\b(?:variable reference|reference to variable|variable|env(?:ironment)? variable) (?:for |named )?['"`]?\$?\{?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}\}?['"`]?(?: on line \d{1,6})? (?:can ?not|could not|cannot) be (?:found|resolved|expanded)\b|\b(?:undefined|unresolved|unknown) (?:variable|variable reference) ['"`]?\$\{?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}(?![\w.-])/,
  ],
  confidence: 0.86,
  title: 'The config references an environment variable that is not set',
};

/**
 * ${X:?message} on an unset variable: the shell prints the variable's name and the script's own message
 * after the script and line ("/entrypoint.sh: line 61: DB_HOST: You must set DB_HOST", dash's
 * "/docker-entrypoint.sh: 12: REDIS_URL: REDIS_URL is required"). A shell's other per-name errors (a
 * command not found, a read-only variable, a file it cannot open) share the shape, so they are excluded.
 */
export const SHELL_UNSET_WITH_MESSAGE: Signature = {
  all: [/^[^\s:]{1,200}: (?:line )?\d{1,6}: [A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}: \S/],
  confidence: 0.8,
  title: 'A required environment variable is not set (the script stopped on a :? expansion with a message)',
  not: /: (?:command )?not found\s*$|readonly variable|bad substitution|syntax error|[Nn]o such file|[Pp]ermission denied|[Ii]s a directory|ambiguous redirect|invalid (?:option|number|signal|variable name|arithmetic)|expression expected|too many arguments|operator expected|bad array subscript|cannot (?:execute|open|overwrite|create)|[Nn]ot a directory|[Ee]xec format error|[Tt]ext file busy/,
};

/**
 * A loader that deserializes the environment into a typed config and finds a field unset: Rust's envy
 * ("missing value for field database_url"), and any serde-style "missing field" once the log says the
 * config is read from the environment (config-rs' Environment source, figment's Env, envconfig). A field
 * missing from a parsed file names the file or a line; those stay bad_config's.
 */
export const ENV_DESERIALIZE_MISSING_FIELD: Signature = {
  all: [/\bmissing value for field [`'"]?[A-Za-z_]\w{0,80}|\bMissingValue\("[A-Za-z_]\w{0,80}"\)/],
  confidence: 0.84,
  title: 'A required environment variable is not set (the environment config loader misses a field)',
  not: /\bat line \d|\bline \d{1,6} column \d|\.(?:ya?ml|json|toml|ini)\b/,
};

export const ENV_SOURCE_MISSING_FIELD: Signature = {
  all: [
    /\b(?:(?:configuration|config|settings) (?:from|from the) (?:process )?environment\b|from env(?:ironment)? (?:variables|prefix)\b|environment prefix\b|\benvy::|\benvconfig\b)/i,
    /\bmissing (?:value for )?field [`'"]?[A-Za-z_]\w{0,80}/,
  ],
  confidence: 0.86,
  title: 'A required environment variable is not set (the config read from the environment misses a field)',
  not: /\bat line \d|\bline \d{1,6} column \d/,
};

/**
 * Go's struct-tag config loaders that mark a field required by its variable (cleanenv's env-required,
 * "field \"DSN\" is required but the value is not provided"; caarlos0/env's required fields): the value
 * comes from the environment when the file leaves the field out, so nothing provided it. A field a
 * parsed file lacks names the file or a line; those stay bad_config's.
 */
export const REQUIRED_FIELD_NOT_PROVIDED: Signature = {
  all: [/\bfield \\?["'`]?[\w.]{1,80}\\?["'`]? is required but (?:the value is |it was |was )?not (?:provided|set)\b/],
  confidence: 0.8,
  title: 'A required environment variable is not set (the config loader found no value for a required field)',
  not: /\bat line \d|\bline \d{1,6} column \d/,
};

/**
 * A tool that says outright an environment variable it reads is required and absent: dbt's "Env var
 * required but not provided: 'DBT_PASSWORD'" (env_var() in profiles.yml without a default), "environment
 * variable required but not set", "required environment variable was not provided". Nothing else reads so.
 */
export const ENV_VAR_REQUIRED_NOT_PROVIDED: Signature = {
  all: [
    /\b(?:[Ee]nv|ENV|[Ee]nvironment)[ _-]?(?:[Vv]ar|[Vv]ariable)s? (?:is |was |are |were )?required,? but (?:it |they )?(?:was |is |were |are )?not (?:provided|set|given|defined|found|supplied)\b|\b[Rr]equired (?:env|environment) (?:var|variable)s? (?:['"`]?[A-Z][A-Z0-9_]{1,80}['"`]? )?(?:was |is |were |are )?not (?:provided|set|given|defined|found|supplied)\b/,
  ],
  confidence: 0.9,
  title: 'A required environment variable was not provided',
};

/** The two "required but not provided" readings: a loader's field, then a variable named as such. */
export const REQUIRED_BUT_NOT_PROVIDED: readonly Signature[] = [
  ENV_VAR_REQUIRED_NOT_PROVIDED,
  REQUIRED_FIELD_NOT_PROVIDED,
];

/**
 * A framework's required-setting lookup that found nothing: .NET's GetRequiredSection ("Section 'Smtp' not
 * found in configuration") and its options validation ("The Host field is required"), Quarkus' "'x.y'
 * property must be configured", Spring Boot's bound-property validation ("Reason: must not be blank" under
 * "Value: null"), and the generic "property 'x' is required / is not configured". In a container these
 * settings come from variables (Smtp__Host, QUARKUS_OIDC_AUTH_SERVER_URL, APP_MAIL_HOST): a mounted file
 * would have carried them. A config file the app parsed could lack them too, hence the moderate weight.
 */
export const FRAMEWORK_REQUIRED_SETTING_ABSENT: Signature = {
  all: [
    /\bSection '[^'\n]{1,120}' not found in configuration\b|\bDataAnnotation validation failed for '[^'\n]{1,120}' members: '[^'\n]{1,120}' with the error: 'The [\w.]{1,80} field is required\b|['"`][a-z][\w.-]{1,120}['"`] (?:property|setting|option|config(?:uration)? (?:key|property)) (?:must|needs to|has to) be (?:configured|set|provided|specified)\b|\b(?:[Pp]roperty|[Ss]etting|[Cc]onfiguration (?:key|property)|[Oo]ption) ['"`][a-z][\w.-]{1,120}['"`] (?:is required|must be (?:configured|set|provided|specified)|is not (?:configured|set)|has not been (?:configured|set)|was not (?:configured|set|provided))\b|^\s{0,12}Reason: must not be (?:null|blank|empty)\s*$/,
  ],
  confidence: 0.76,
  title: 'A required setting has no value: the environment variable that should provide it is likely not set',
  // "must be set to true when ..." asks for another value, not for a missing one.
  not: /\bbe (?:set|configured|provided|specified) (?:to|as|only)\b/,
};

/**
 * A ${NAME} reference that reached the program unexpanded, as the value it choked on: the variable was not
 * set where the loader expands it (a ${NAME:-default} carries its own value and is not matched). Spring
 * Boot's failure analysis echoes the bound value ('Value: "${LEDGER_OIDC_ISSUER}"'), which it keeps only
 * when no property source resolved it. Parsers that quote the input they refused (Go's 'parse
 * "${DATABASE_URL}"', Java's 'For input string: "${PORT}"', "invalid URL '${API_BASE}'") say the same, but
 * a config that never expands variables reads the same, hence the lower weight.
 */
export const UNRESOLVED_PLACEHOLDER_VALUES: Signature[] = [
  {
    all: [/^\s{0,12}Value: ["']?\$\{[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}\}["']?\s*$/],
    confidence: 0.87,
    title: `A property kept its \${NAME} placeholder: the environment variable it names is not set`,
  },
  {
    all: [
      /(?:\bparse|[Pp]arsing|For input string:|[Ii]nvalid (?:URL|URI|url|uri|value|port|address|host|endpoint|number|integer|duration)|[Ii]llegal character in \w{1,20} at index \d{1,6}:) ["'`]?\$\{[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}\}|\b(?:host not found in|[Uu]nknown host:?|UnknownHostException:|[Cc]ould not resolve(?: host)?:?|no such host:?|lookup) ["'`]?\$\{[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}\}|["'`]\$\{[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}\}["'`] (?:is not an? (?:valid|legal)|is (?:invalid|malformed)|cannot be (?:parsed|converted))\b/,
    ],
    // nginx's 'host not found in "${NGINX_PORT}" of the "listen" directive' is the same hole: envsubst
    // leaves names it has no value for, and the resolver is handed the placeholder itself.
    confidence: 0.8,
    title: `A value was passed on as an unexpanded \${NAME}: the environment variable it names is not set`,
  },
];
