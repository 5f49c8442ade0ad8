/**
 * missing_env_var's readings of a setting that arrived empty, null or undefined: the app does not name the
 * variable, but the value it fills from one is missing (a null connection string, "url is empty", a
 * Redis directive with no value). The missing-env-var rule lists these in its own order.
 */
import type { Signature } from './log-helpers.ts';
import { UNEXPANDED_VARIABLE_REFERENCE } from './config-clues.ts';
import { EMPTY_SERVER_LIST } from './network-clues.ts';

export const EMPTY_VALUE_SIGNATURES: Signature[] = [
  {
    // Spring Boot's bind-validation report prints the offending property's value; "null" means no source
    // (file, variable, relaxed-binding name) supplied it at all, while a present but wrong value is printed
    // as it is (bad_config).
    all: [/^\s{0,8}Value: "?null"?\s*$/],
    confidence: 0.8,
    title: 'A bound property has no value from any source: the environment variable meant to set it is not set',
  },
  {
    // The database settings arrived empty: Django falls back to its dummy backend ("settings.DATABASES is
    // improperly configured. Please supply the ENGINE value", what dj_database_url leaves without
    // DATABASE_URL), Rails says AdapterNotSpecified / "database is not configured". In a container the
    // database setting comes from a variable.
    all: [
      /settings\.DATABASES is improperly configured|Please supply the ENGINE value|AdapterNotSpecified|database configuration does not specify adapter|'\w{1,40}' database is not configured/,
    ],
    confidence: 0.74,
    title: 'No database is configured: the variable that provides the database URL is not set',
  },
  {
    // .NET: a connection string or secret read from configuration/environment was null, whatever the
    // library calls the parameter ('nameOrConnectionString' in Hangfire, 'redisUrl', 'apiKey', new Uri's
    // 'uriString', StackExchange.Redis' 'configuration'): a null there is a configuration lookup that found nothing.
    all: [
      /Value cannot be null\. \(Parameter '(?:[a-z]{1,30})?(?:connectionString|connection|configuration|secret|password|apiKey|key|uri|url|host|hostname|issuer|audience|dsn|token|endpoint)(?:String)?'\)/i,
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
    // A path, name or key read from an unset variable (process.env.X, os.getenv("X")) is undefined/None.
    // Node names the types it takes before "Received undefined" (Buffer.from: "of type string or an
    // instance of Buffer, ArrayBuffer, or Array ..."; older Nodes: "Received type undefined").
    // Two patterns on one line rather than one with a gap between them: a gap that can hold its own
    // prefix ("argument must be ... argument must be ...") is what the full regex proof flags.
    all: [/argument must be (?:one )?of type string\b/, /\. Received (?:type )?undefined\b/],
    confidence: 0.72,
    title: 'A path or name is undefined: the environment variable it comes from is likely not set',
  },
  {
    all: [/expected str, bytes or os\.PathLike object, not NoneType|Expected string or URL object, got None/],
    confidence: 0.72,
    title: 'A path or name is undefined: the environment variable it comes from is likely not set',
  },
  {
    // A client library type-checking a credential or address it was handed: discord.py's "expected token
    // to be a str, received NoneType", "token must be a string, got None", "url must be str, not None".
    // A None/undefined there is os.getenv / process.env on a variable that is not set.
    all: [
      /\b(?:token|api[_ ]?key|secret|password|url|uri|dsn|host|endpoint|connection[_ ]?string)s? (?:to be|must be|should be|is not) (?:an? )?(?:str|string|bytes)(?: object)?,? (?:received|got|not|but got|but received|but is) ['"]?(?:NoneType|None|undefined|null)\b/i,
    ],
    confidence: 0.78,
    title: 'A token or address is None: the environment variable it is read from is not set',
  },
  {
    // A URL read from an unset variable parsed as "": go-redis "invalid URL scheme: " with nothing after,
    // Go net/http 'unsupported protocol scheme ""' for a request to "" or to a bare path (an empty base URL;
    // a host without its scheme is a bad value instead), Go url.Parse 'parse "": empty url', "empty URL".
    all: [
      /\b(?:invalid|unknown) (?:URL |URI |url |uri )?scheme:? ?(?:\\?"\\?"|''|$)|\b(?:Get|Post|Put|Patch|Delete|Head|Options) \\?"(?:\\?"|\/[^"\\\s]{0,200}\\?"): unsupported protocol scheme|\bparse "": empty url\b|\b(?:URL|url|URI|uri) (?:must not be|cannot be|can't be) empty\b/,
    ],
    confidence: 0.8,
    title: 'A URL is empty: the environment variable it is read from is not set',
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
    // A provisioned or templated setting whose variable expanded to nothing: "url is empty", or a shipping
    // client left with no address at all (Promtail's "client needs target URL" from url: ${LOKI_URL} under
    // -config.expand-env, "exporter requires an endpoint"): where logs or metrics go is set per cluster.
    all: [
      /\b(?:url|uri|URL|host|address|endpoint|password|token) (?:is|was) empty\b|\b(?:client|exporter|sink|output|remote[ _-]write|webhook|forwarder|pusher)s? (?:needs|requires) (?:a |an )?(?:target |endpoint |server |push )?(?:URL|url|address|endpoint)\b/,
    ],
    confidence: 0.72,
    title: 'A setting is empty: the environment variable it is filled from is likely not set',
    // A requirement quoted with the value that failed it ("requires a URL with scheme http, got ...") is a bad value.
    not: /\bgot\b|\bwith (?:a |the )?scheme\b|\bin the form\b/,
  },
  {
    // An address interpolated into the error as nothing: minio-go's "Endpoint:  does not follow ip address
    // or domain name standards." (the two spaces are the empty value), 'invalid endpoint: ""', "bad host
    // name ''", quoted as \"\" inside a logfmt err="..."). Where a service lives comes from a ${VAR} in a container far more often than a blank typed
    // by hand, yet an empty config field reads the same, so the reading stays below confident.
    all: [
      /\b(?:[Ee]ndpoint|[Hh]ost(?:name)?|URL|[Uu]rl|URI|[Aa]ddress|[Ss]erver)(?: (?:url|address|name))?: {2}(?:does not|is not|is invalid|not a valid|invalid)\b|\b(?:[Ii]nvalid|[Bb]ad|[Mm]alformed) (?:endpoint|url|uri|host(?:name)?|host name|address|server address)(?: given| specified| provided)?:? ?(?:""|''|``|\\"\\")(?![^\s,;.)\]"'])/,
    ],
    confidence: 0.76,
    title: 'An address setting is empty: the environment variable it is filled from is likely not set',
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
    // "No address is specified for kube-vip to expose services on", "no DSN provided", "No endpoint
    // configured": where the dependency or the service lives was never given, and in a container that is
    // a variable (or a generated manifest's ${VAR}) that expanded to nothing.
    all: [
      /\b[Nn]o (?:address|host|hostname|url|uri|endpoint|dsn|DSN|server|database url|database URL|connection url|connection URL|bootstrap servers?|brokers?)(?: address| url| URL)? (?:is |was |has been )?(?:specified|provided|configured|given|set|defined)\b/,
    ],
    confidence: 0.74,
    title: 'No address was given: the environment variable that should provide it is likely not set',
    not: /\b(?:using (?:the )?default|defaulting to|falling back|optional(?:ly)?|listen(?:ing)?)\b/i,
  },
  {
    // Flyway's "Unable to connect to the database. Configure the url, user and password!", "Please configure
    // the database URL": the tool was started without its connection settings (FLYWAY_URL...).
    all: [
      /\b(?:[Cc]onfigure|[Ss]pecify|[Pp]rovide|[Ss]et) the (?:database )?(?:url|URL|dsn|DSN|host|connection string)\b(?:,| and| or|!|\.|$)/,
    ],
    confidence: 0.8,
    title: 'The connection settings were never configured: the variables that set them are not set',
    not: /\b(?:if you (?:want|wish|need|like)|optional(?:ly)?|to (?:override|change))\b/i,
  },
  {
    // "Please specify repository location (-r or --repository-file)" (restic without RESTIC_REPOSITORY),
    // "please specify a bucket": the tool's target is usually given by a variable in a CronJob.
    all: [
      /\b[Pp]lease specify (?:the |a |an )?(?:repository|repo|bucket|server|host|endpoint|database|target)(?: location| url| URL| address| name)?\b/,
    ],
    confidence: 0.72,
    title: 'The target location was not specified: the environment variable that names it is likely not set',
  },
  {
    // A schema validation that finds the connection or secret property absent ("missing properties:
    // \"dsn\"" from Ory, "required property 'url' not found"): images document it as a variable (DSN).
    all: [
      /\bmissing propert(?:y|ies):? ["'](?:dsn|url|uri|database_url|databaseUrl|connection_string|connectionString|secret|password|token|host)["']|\brequired property ["'](?:dsn|url|uri|database_url|connection_string|secret|password|token|host)["'] (?:not found|is missing|missing)/i,
    ],
    confidence: 0.72,
    title: 'A required connection or secret property is missing: the variable that sets it is likely not set',
  },
  {
    // "Missing $settings['hash_salt'] in settings.php" (Drupal reads it with getenv), "missing jwt secret",
    // "Missing required API token": a secret the config takes from the environment is absent.
    all: [
      /\b[Mm]issing (?:required )?\$?[\w[\]'"]{0,40}\b(?:hash_salt|salt|secret|secret_key|signing_key|encryption_key|masterkey|master_key|api_key|api token|jwt secret)\b/,
    ],
    confidence: 0.72,
    title: 'A secret setting is missing: the environment variable that provides it is likely not set',
    not: /\b(?:generat\w{0,10}|random|using (?:a |the )?default|optional(?:ly)?|fingerprint|keyring|gpg|pgp|ssh)\b/i,
  },
  {
    // "masterkey must be 32 bytes, but is 0", "key length 0", "key length is zero" (.NET IdentityModel's
    // IDX10703 for a SymmetricSecurityKey built from an empty Jwt:Key), jjwt's "key byte array is 0 bits": a key of zero length arrived
    // empty, which is its variable unset (a wrong key has some length).
    all: [
      /\b\w{0,20}(?:key|secret|token|password|salt)\w{0,12} (?:must|should|needs to) (?:be|have) (?:at least |exactly )?\d{1,4} (?:bytes|characters|chars)(?: long)?,? (?:but (?:is|was|got|has)|got|is|was) (?:0|zero)\b|\b(?:key|secret|token|salt) (?:length|size) (?:is |of |was )?(?:0|zero)\b|\b(?:key|secret) (?:is |was )?(?:of )?zero[- ]length\b|\b(?:key|secret)(?:'s size| byte array| size)? (?:is|was|has) (?:0|zero) (?:bits|bytes)\b/i,
    ],
    confidence: 0.8,
    title: 'A key or secret is empty (length 0): the environment variable that provides it is not set',
  },
  {
    // Kafka clients and drivers print the list of servers they were given: "bootstrap.servers = []",
    // "contact-points: []" is a list read from a variable that was never set (KAFKA_BROKERS). Clients
    // print that dump at info level before they fail, so the level does not discount it.
    all: [EMPTY_SERVER_LIST],
    confidence: 0.72,
    title: 'The list of servers is empty: the environment variable that provides it is not set',
    warningIsEvidence: true,
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
    // Bun/Node/Deno: new URL(process.env.X) with X unset ("Invalid URL: 'undefined'" in Deno, "input:
    // 'undefined'" under Node's ERR_INVALID_URL); Python requests given os.getenv(X) as None: "Invalid URL
    // 'None': No scheme supplied".
    all: [
      /"undefined" cannot be parsed as a URL|Failed to parse URL from undefined\b|Invalid URL:? ['"]?(?:undefined|None)\b|^\s{0,8}input: ['"]undefined['"]/,
    ],
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
  {
    // The kubelet expands $(NAME) in command, args and env values only when the container defines NAME;
    // otherwise the program receives the literal "$(NAME)" and fails to parse or use it. Lines make
    // prints hold its own $(VAR) syntax; the shell's $(command) is lower-case and does not match.
    all: [UNEXPANDED_VARIABLE_REFERENCE],
    confidence: 0.8,
    title:
      'A $(NAME) reference in the pod spec reached the program unexpanded: that variable is not set in the container',
    not: /\b[Mm]akefile\b|\bmake(?:\[\d{1,3}\])?: |\$\((?:CC|CXX|MAKE|CFLAGS|LDFLAGS|CURDIR)\)/,
  },
];
