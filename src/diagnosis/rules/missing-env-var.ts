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
