/**
 * missing_env_var's readings of a setting that arrived empty, null or undefined: the app does not name the
 * variable, but the value it fills from one is missing (a null connection string, "url is empty", a
 * Redis directive with no value). The missing-env-var rule lists these in its own order.
 */
import type { Signature } from './log-helpers.ts';

export const EMPTY_VALUE_SIGNATURES: Signature[] = [
  {
    // .NET: a connection string or secret read from configuration/environment was null.
    all: [
      /Value cannot be null\. \(Parameter '(?:connectionString|connection|secret|password|apiKey|key|uri|url|host|issuer|audience)'\)/i,
    ],
    confidence: 0.8,
    title: 'A required setting is null (its environment variable or connection string is not set)',
  },
  {
    // Options validators and data-access layers that find no connection string: Orleans' "ConnectionString
    // is required.", EF Core's "No connection string was found", "Connection string 'Default' not found",
    // ADO.NET's "The ConnectionString property has not been initialized". In a container it comes from a
    // variable (ConnectionStrings__Default) that was not set.
    all: [
      /\b[Cc]onnection ?[Ss]tring(?: '[\w:.-]{1,60}')? (?:is required|is (?:null|empty|missing|not set|not configured)|must (?:be (?:set|provided|specified)|not be (?:null|empty))|(?:was )?not (?:found|set|configured|provided))\b|\b[Nn]o connection string (?:was |is )?(?:found|configured|set|provided|specified)\b|ConnectionString property has not been initialized/,
    ],
    confidence: 0.8,
    title: 'No connection string was configured: the variable that provides it is not set',
    // A connection string that is present but wrong is bad_config.
    not: /\b(?:malformed|format of the initialization string|keyword not supported)\b/i,
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
      /argument must be of type string\. Received undefined|expected str, bytes or os\.PathLike object, not NoneType|Expected string or URL object, got None/,
    ],
    confidence: 0.72,
    title: 'A path or name is undefined: the environment variable it comes from is likely not set',
  },
  {
    // Keycloak in production mode needs KC_HOSTNAME.
    all: [/hostname is not configured; either configure hostname|but no hostname setting provided/],
    confidence: 0.78,
    title: 'The hostname setting is not set (KC_HOSTNAME)',
  },
  {
    // An empty variable substituted into a config: nginx upstream ":8080" (envsubst), a Redis directive
    // with its value missing (">>> 'requirepass'" alone).
    all: [/(?:in upstream|host not found in upstream) ":\d+"|invalid port in upstream "[^"\s:]{1,200}:"/],
    confidence: 0.88,
    title: 'A config value is empty: the environment variable substituted into it is not set',
  },
  {
    // Apps that refuse a built-in default secret: the variable that should replace it is not set.
    all: [
      /Refusing to start (?:due to|with) (?:an? )?(?:insecure|default)|[Dd]efault [A-Z][A-Z0-9_]{2,40} (?:was )?detected/,
    ],
    confidence: 0.8,
    title: 'The app refuses its built-in default secret: the variable that should set it is not set',
  },
  {
    // A provisioned or templated setting whose variable expanded to nothing: "url is empty".
    all: [/\b(?:url|uri|URL|host|address|endpoint|password|token) (?:is|was) empty\b/],
    confidence: 0.72,
    title: 'A setting is empty: the environment variable it is filled from is likely not set',
  },
  {
    // "requires a non-empty "endpoint"" (OpenTelemetry Collector), "endpoint must not be empty": where a
    // service lives or its secret is written as ${VAR} far more often than left blank by hand.
    all: [
      /(?:requires|needs|must have) a non-empty ["'`]?(?:endpoint|url|uri|host|hostname|address|addr|dsn|server|password|token|secret|api[_-]?key)\b|\b(?:endpoint|url|uri|host|hostname|address|dsn|password|token|secret)["'`]? (?:must not|cannot|can't|should not|may not) be empty\b/i,
    ],
    confidence: 0.77,
    title: 'A required setting is empty: the environment variable it is filled from is likely not set',
  },
  {
    // A secret setting read from the environment is absent ("Missing admin.auth.secret configuration").
    all: [/\bMissing [a-z]/, /\.(?:secret|key|salt|token|password|jwtSecret) configuration\b/],
    confidence: 0.74,
    title: 'A secret setting is missing: the environment variable that provides it is likely not set',
  },
  {
    // Elixir runtime.exs: String.to_integer(System.get_env("PORT")) with PORT unset.
    all: [/(?:binary_to_integer|String\.to_integer|to_integer)\(nil\)/],
    confidence: 0.76,
    title: 'A number was read from an environment variable that is not set (nil)',
  },
  {
    // int.Parse(Environment.GetEnvironmentVariable("X")) with X unset: the string argument is null.
    all: [/Value cannot be null\. \(Parameter 's'\)/],
    confidence: 0.78,
    title: 'A value parsed from the environment is null: the variable is likely not set',
  },
  {
    // .NET options validation: a required setting bound from configuration/environment is absent.
    all: [/OptionsValidationException/, /field is required/],
    confidence: 0.76,
    title: 'A required setting is missing: the environment variable that binds it is likely not set',
  },
  {
    // gosu/su-exec given "$APP_USER" while it is unset.
    all: [/failed switching to "": |unable to find user : no matching entries|getpwnam\(""\)/],
    confidence: 0.78,
    title: 'The user to switch to is empty: the variable holding it is not set',
  },
  {
    // Bun/Node: new URL(process.env.X) with X unset.
    all: [/"undefined" cannot be parsed as a URL|Failed to parse URL from undefined|Invalid URL: undefined\b/],
    confidence: 0.78,
    title: 'A URL is undefined: the environment variable it comes from is not set',
  },
  {
    // A Redis directive left with no value: often an empty substitution, sometimes a config step that
    // wrote the directive alone (bad_config), so not a confident reading.
    all: [/^>>> '[a-z][a-z-]{1,40}'\s*$/],
    confidence: 0.55,
    title: 'A config directive has no value: the variable substituted into it may be unset',
  },
  {
    // A password directive left bare: passwords come from a Secret through a variable far more often.
    all: [/^>>> '(?:requirepass|masterauth|masteruser|tls-key-file-pass|password|token)'\s*$/],
    confidence: 0.75,
    title: 'The password directive has no value: the variable substituted into it is not set',
  },
  {
    // redis-server's argv became a config line whose value is the next flag: the value before it was empty.
    all: [/^>>> '[a-z][a-z-]{1,40} "--[a-z]/],
    confidence: 0.8,
    title: 'A command-line value is empty: the variable substituted into the command is not set',
  },
];
