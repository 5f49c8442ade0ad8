/**
 * missing_env_var: a required environment variable is not set. Apps say so directly, or fail one step
 * later: a shell "unbound variable", a KeyError on os.environ, or a client that falls back to its
 * default (localhost) and cannot connect. The last reading is offered with low confidence, beside
 * dependency_unreachable.
 */
import { kubectl } from '../kubectl.ts';
import { LOCALHOST } from './dependency-unreachable.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const ENV_NAME = /\b([A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8})\b/;

// Only failure-sounding mentions of an environment variable count (not help text or a printed default).
const ENV_FAILURE =
  /\b(?:not (?:set|defined|provided|found|specified)|is (?:missing|required|empty|unset|undefined)|missing|must be (?:set|defined|provided|specified)|did not provide|no value|undefined|required but)\b/i;

/** A dotenv file: missing, it leaves every variable it held unset. */
export const DOTENV = /\/\.env\b|'\.env'|"\.env"|^\.env\b/;

const SIGNATURES: Signature[] = [
  {
    all: [/: unbound variable\s*$/],
    confidence: 0.85,
    title: 'A required environment variable is not set (unbound variable)',
  },
  {
    all: [/: parameter (?:null or )?not set\s*$/],
    confidence: 0.88,
    title: 'A required environment variable is not set',
  },
  {
    all: [/[Ee]nvironment variables?|\benv(?:ironment)? var(?:iable)?s?\b|\bENV\[/, ENV_FAILURE],
    confidence: 0.82,
    title: 'A required environment variable is not set',
    // A config-file field unknown to the parser, with a hint about expanding variables, is bad_config.
    not: /not found in type|expand[- ]env/,
    // Not a failure: "set FOO (environment variable) to ..." in help text or a printed default.
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
  {
    all: [/KeyError: ['"][A-Z][A-Z0-9_]{2,80}['"]/],
    confidence: 0.7,
    title: 'A required environment variable is not set (KeyError)',
  },
  {
    all: [/key not found: "?[A-Z][A-Z0-9_]{2,80}"? \(KeyError\)|KeyError: key not found: "[A-Z][A-Z0-9_]{2,80}"/],
    confidence: 0.8,
    title: 'A required environment variable is not set (ENV.fetch)',
  },
  {
    all: [/Could not resolve placeholder '[^']+'/],
    confidence: 0.7,
    title: 'A property placeholder has no value (environment variable not set?)',
  },
  { all: [/Missing [`'"]?secret_key_base[`'"]? for/], confidence: 0.85, title: 'SECRET_KEY_BASE is not set' },
  {
    // .NET: a connection string or secret read from configuration/environment was null.
    all: [
      /Value cannot be null\. \(Parameter '(?:connectionString|connection|secret|password|apiKey|key|uri|url|host|issuer|audience)'\)/i,
    ],
    confidence: 0.8,
    title: 'A required setting is null (its environment variable or connection string is not set)',
  },
  {
    // Spring Boot without SPRING_DATASOURCE_URL; Rails without DATABASE_URL.
    all: [
      /Failed to configure a DataSource: 'url' attribute is not specified|ActiveRecord::AdapterNotSpecified|database is not configured\. Available: /,
    ],
    confidence: 0.8,
    title: 'The database URL is not set (its environment variable is missing)',
  },
  {
    // A password variable that is unset reaches the PostgreSQL client as undefined / empty.
    all: [/client password must be a string|fe_sendauth: no password supplied/],
    confidence: 0.8,
    title: 'No database password was given (its environment variable is not set)',
  },
  {
    // A path or name read from an unset variable (process.env.X, os.getenv("X")) is undefined/None.
    all: [
      /argument must be of type string\. Received undefined|expected str, bytes or os\.PathLike object, not NoneType/,
    ],
    confidence: 0.72,
    title: 'A path or name is undefined: the environment variable it comes from is likely not set',
  },
  {
    // Keycloak in production mode needs KC_HOSTNAME.
    all: [/hostname is not configured; either configure hostname/],
    confidence: 0.78,
    title: 'The hostname setting is not set (KC_HOSTNAME)',
  },
  {
    // An empty variable substituted into a config: nginx upstream ":8080" (envsubst), a Redis directive
    // with its value missing (">>> 'requirepass'" alone).
    all: [/(?:in upstream|host not found in upstream) ":\d+"|^>>> '[a-z][a-z-]{1,40}'\s*$/],
    confidence: 0.88,
    title: 'A config value is empty: the environment variable substituted into it is not set',
  },
  {
    // "STRIPE_API_KEY is required but not set": an upper-case variable name said to be unset.
    all: [
      /\b[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{1,40} (?:is|was|must be) (?:required but not set|not set|unset|missing|empty|required)\b/,
    ],
    confidence: 0.82,
    title: 'A required environment variable is not set',
  },
  {
    // Laravel without APP_KEY.
    all: [/No application encryption key has been specified|MissingAppKeyException/],
    confidence: 0.85,
    title: 'APP_KEY is not set',
  },
  {
    // A connection setting read from an unset variable reaches the client library as undefined/None.
    all: [
      /[Uu]ri|URL|[Cc]onnection ?[Ss]tring|[Hh]ost|DSN|dsn/,
      /\bgot "?undefined"?|\breceived undefined\b|input: 'undefined|[Ii]nvalid URL '?(?:None|undefined)'?|No scheme supplied\. Perhaps you meant https?:\/\/None/,
    ],
    confidence: 0.8,
    title: 'A connection setting is undefined (its environment variable is not set)',
  },
  {
    // jsonwebtoken / passport-jwt given process.env.JWT_SECRET while it is unset.
    all: [
      /secretOrPrivateKey must have a value|JwtStrategy requires a secret or key|\[NO_SECRET\]|MissingSecretError|Please define a `secret` in production/,
    ],
    confidence: 0.8,
    title: 'The JWT signing secret is empty (its environment variable is not set)',
  },
  {
    all: [/\(using password: NO\)/],
    confidence: 0.5,
    title: 'No password was given: a password variable may be unset',
  },
  {
    all: [/ImproperlyConfigured/, /[Ee]nvironment variable|must not be empty|is not set/],
    confidence: 0.82,
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

const WEAK_LOCALHOST: Signature = {
  all: [
    /\bECONNREFUSED\b|[Cc]onnection refused|Errno 111\b|errno:? ?111\b|(?:[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Ff]ailed to|[Cc]an't) connect/,
    LOCALHOST,
  ],
  confidence: 0.45,
  title: 'The app connects to localhost: a host variable may be unset, leaving the default',
};

export const missingEnvVar = signatureRule({
  id: 'missing-env-var',
  category: 'missing_env_var',
  signatures: [...SIGNATURES, WEAK_LOCALHOST],
  steps: (ctx, hit) => {
    const name = ENV_NAME.exec(hit.line.text)?.[1];
    return [
      `See which variables the container gets: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].env[*].name} {.spec.containers[*].envFrom}')}`,
      `Set it: ${kubectl.setEnv(ctx.target, `${name ?? 'NAME'}=<value>`)} (or add it to the Secret/ConfigMap it comes from)`,
    ];
  },
});
