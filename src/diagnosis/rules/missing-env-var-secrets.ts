/**
 * missing_env_var's readings of a secret or credential the app was given empty or not at all: a
 * framework's unset secret key (Rails' secret_key_base, Play, Flask), a credential that "must not be
 * empty", app keys that "are required", a secret too short to be set, an integration (SCM, OAuth) that
 * only variables configure, a JWT signing secret with no value, a client that sent no password ("using password: NO").
 * Frameworks name the secret rather than the variable, but secrets reach containers through variables;
 * these readings are one kind of evidence and live apart from the ones that name a variable. The
 * missing-env-var rule lists the two groups at their own places in its order.
 */
import type { Signature } from './log-helpers.ts';

// A secret the framework needs at start-up that was never set.
export const UNSET_SECRET_SIGNATURES: Signature[] = [
  {
    // A validator reports a secret option absent ("missing setting: client-secret or client-secret-file"
    // from oauth2-proxy, "missing required option: api_token", "missing field `password`"): secrets are
    // never written into an image's config, they arrive through a variable, often under a name the app
    // does not read. A secret that was given and refused is auth_failure.
    all: [
      /\b(?:[Mm]issing|MISSING)(?: required| mandatory)? (?:setting|option|field|parameter|value|config(?:uration)? (?:key|value|option))s?[,:]? ['"`]?[\w.-]{0,40}(?:secret|password|passwd|token|api[-_.]?key|apikey|credentials?)\b/i,
    ],
    confidence: 0.8,
    title: 'A secret setting is missing: the variable that should provide it is not set (or has another name)',
    // "invalid configuration: missing ..." is the validator's heading; an invalid secret is another cause.
    not: /\b(?:expired|incorrect|wrong|rejected|denied)\b|\binvalid (?:secret|password|token|credentials?|api[-_ ]?key)\b|\bat line \d|\s--[a-z]/i,
  },
  {
    // A config loader that found no value for a required secret: JadConfig's 'Required parameter
    // "password_secret" not found' (Graylog), "required property 'jwt.secret' is missing", "required
    // setting api_token not set". A missing host or port there may be a config file written incomplete
    // (bad_config), but a secret is kept out of the file and fed from a variable (GRAYLOG_PASSWORD_SECRET).
    all: [
      /\b[Rr]equired (?:parameter|property|setting|option|config(?:uration)? (?:key|value|option))s? ["'`]?[a-z][\w.-]{0,60}(?:secret|password|passwd|token|api[_-]?key|private[_-]key|encryption[_-]key|signing[_-]key|salt)["'`]? (?:was |is |has )?(?:not found|missing|not (?:been )?(?:set|provided|given|defined)|no value)\b/,
    ],
    confidence: 0.8,
    title: 'A required secret setting has no value: the variable that feeds it is not set',
  },
  { all: [/Missing [`'"]?secret_key_base[`'"]? for/], confidence: 0.85, title: 'SECRET_KEY_BASE is not set' },
  {
    // A bot or client that stops and asks for its token: errbot's SlackV3 "You need to set your token ... in
    // the BOT_IDENTITY setting ... Without this token I cannot connect to Slack", "Please provide your bot
    // token", "cannot start without an API key". The config reads it from a variable (os.getenv gave None,
    // or the Secret is injected under another name); a token that was sent and refused is auth_failure.
    all: [
      /\b(?:[Yy]ou (?:need|have|must) (?:to )?|[Pp]lease )(?:set|provide|configure|specify|supply|add) (?:up )?(?:your|a|an|the) (?:[\w-]{1,20} ){0,2}(?:token|api[ _-]?key|access key|secret|credentials?)\b|\b[Ww]ithout (?:this|a|an|the|your|any) (?:[\w-]{1,20} )?(?:token|api[ _-]?key|secret|credentials?),? (?:[\w-]{1,20} ){0,3}(?:cannot|can't|can ?not|am unable|is unable|will not|won't)\b/i,
    ],
    confidence: 0.76,
    title:
      'The app has no token to connect with: the variable its config reads it from is not set (or named differently)',
    not: /\b(?:invalid|expired|revoked|rejected|denied|incorrect|wrong|if you (?:want|wish|need)|optional(?:ly)?|to enable)\b/i,
  },
  {
    // A framework that reports the key itself absent: Active Record encryption's "Missing Active Record
    // encryption credential: active_record_encryption.primary_key", Rails' "Missing encryption key to
    // decrypt file with" (RAILS_MASTER_KEY), "Missing signing key", "Missing master key". Such keys are kept
    // out of images and reach a container through variables; a key file at a path is another cause.
    all: [/\bMissing (?:[A-Z]\w{0,20} ){0,3}(?:encryption|signing|master|secret) (?:credential|key)s?\b/],
    confidence: 0.8,
    title: 'An encryption or signing key is missing: the variable that should provide it is not set',
    // A line that says something was not found (a file, a path) or names a key file is missing_file's.
    not: /\b(?:not found|does not exist|no such file)\b|\.(?:pem|crt|der|p12)\b/i,
  },
  {
    // "The application secret has not been set" (Play), "no secret key was set" (Flask), "signing key is
    // not configured", an exporter's "api.key is not set" (OpenTelemetry's Datadog exporter, whose key is
    // ${env:DD_API_KEY}), a prefixed key "The jwt_secret has not been set properly" (oCIS without `ocis init`
    // or OCIS_JWT_SECRET), "session.cookie_secret is not set": frameworks name the secret, not the variable,
    // but secrets reach containers through variables. A framework that then generates one and carries on is
    // not failing.
    all: [
      /\b(?:[a-z][a-z0-9]{1,20}[_.-]){0,2}(?:secret|secret[_ ]key|signing[_ ]key|encryption[_ ]key|master[_ ]key|api[_ .-]?key|password|token|salt)["'`]? (?:has not been|have not been|is not|was not|isn't|wasn't|not) (?:set|configured|provided|defined|specified)\b|\bno (?:secret|secret[_ ]key|signing[_ ]key|encryption[_ ]key|master[_ ]key) (?:was |is |has been )?(?:set|configured|provided|defined|specified)\b/i,
    ],
    confidence: 0.78,
    title: 'A secret is not set: the environment variable that should provide it is likely missing',
    not: /\b(?:generat\w{0,10}|random|using (?:a |the )?default|optional(?:ly)?|if you (?:want|wish|need))\b/i,
  },
  {
    // A framework that will not run "without" its secret, or says the secret option is "required":
    // Rocket's "secrets enabled in non-debug without `secret_key`" (release profile, no ROCKET_SECRET_KEY),
    // express-session's "secret option required for sessions", "refusing to start without a session
    // secret", or a feature that "needs a storage_secret passed in ui.run()" (NiceGUI's user storage,
    // fed from os.environ.get) or "requires a secret_key set" (session middlewares). The error word keeps a
    // notice of running without one by choice out.
    all: [
      /\bwithout (?:a |an |any |the )?[`'"]?(?:secret[_ ]key|secret_key_base|signing[_ ]key|encryption[_ ]key|master[_ ]key|session[_ ]secret|cookie[_ ]secret|jwt[_ ]secret)\b|\b(?:secret|secret[_ ]key|session[_ ]secret|cookie[_ ]secret|signing[_ ]key)[`'"]? (?:option|setting|value) (?:is )?required\b|\b(?:needs|requires) (?:a |an |the )?[`'"]?(?:storage[_ ]secret|session[_ ]secret|cookie[_ ]secret|secret[_ ]key|secret_key_base|signing[_ ]key|jwt[_ ]secret)\b[`'"]? (?:passed|set|to be set|configured|provided|given)\b/i,
      /\b(?:error|fatal|refus\w{0,6}|cannot|can't|unable|not allowed|fail\w{0,4}|abort\w{0,4}|in (?:production|release|non-debug)|required)\b|\b\w{1,40}(?:Error|Exception):/i,
    ],
    confidence: 0.78,
    title: 'The framework will not start without its secret key: the variable that provides it is not set',
    not: /\b(?:generat\w{0,10}|random|using (?:a |the )?default|optional(?:ly)?|if you (?:want|wish|need)|ssh|gpg|pgp)\b/i,
  },
  {
    // The app refuses the placeholder secret of its shipped config: SearXNG's "server.secret_key is not
    // changed", "SECRET_KEY is still the default value", "you must change the default password". The
    // variable meant to override it was not passed; a warning that carries on is not a failure.
    all: [
      /\b(?:secret|secret[_ ]key|signing[_ ]key|encryption[_ ]key|api[_ ]?key|password|token|salt)["'`]? (?:is not|has not been|was not|isn't|hasn't been) changed\b|\b(?:secret|secret[_ ]key|signing[_ ]key|encryption[_ ]key|password|token|salt)["'`]? (?:is still|still has|still uses) (?:set to )?(?:the|its) (?:default|placeholder)\b|\b(?:must|need to|have to) change the default (?:secret|secret key|signing key|password|token)\b/i,
    ],
    confidence: 0.76,
    title: 'The app refuses its placeholder secret: the variable that should replace it was not passed',
    not: /\b(?:generat\w{0,10}|random|recommended|consider|optional(?:ly)?|continuing|anyway)\b/i,
  },
  {
    // "invalid credentials: key & email must not be empty" (external-dns), "client_secret cannot be
    // empty": a provider or client built with an empty credential was never given one, which is an
    // unset variable, not a rejection (auth_failure is a dependency refusing credentials it was sent).
    all: [
      /\b(?:password|passwd|token|secret|api[_ -]?key|access[_ -]?key(?:[_ -]?id)?|secret[_ -]?key|client[_ -]?(?:id|secret)|e-?mail|username|credentials?)["'`]? (?:(?:must not|cannot|can't|should not|may not) be|(?:is|are|was|were)) (?:empty|blank)\b/i,
      /\b(?:init\w{0,12}|config\w{0,10}|provider|credentials?|start\w{0,5}|client|auth\w{0,10}|connect\w{0,5}|setup|load\w{0,5})\b/i,
    ],
    confidence: 0.8,
    title: 'A credential is empty: the environment variable that should hold it is likely not set',
  },
  {
    // "App keys are required. Please set app.keys" (Strapi's session middleware without APP_KEYS), "JWT
    // secret is required", "an encryption key is required": the app's own keys, which a container gets
    // only from a variable, are absent. A key the app offers to generate is not a failure.
    all: [
      /\b(?:app(?:lication)?|secret|session|signing|encryption|master|cookie|jwt|api|admin) (?:keys?|secrets?|salts?)(?: (?:value|setting)s?)? (?:are|is) (?:required|mandatory|missing)\b/i,
    ],
    confidence: 0.78,
    title: "The app's secret keys are not set: the environment variable that provides them is likely missing",
    not: /\b(?:generat\w{0,10}|random|using (?:a |the )?default|optional(?:ly)?|if you (?:want|wish|need)|public key|ssh|gpg|pgp)\b/i,
  },
  {
    // "SECRET_KEY must be at least 50 characters in length" (Django apps such as NetBox), "JWT_SECRET
    // must be at least 32 characters": a secret named like a variable is too short. A hand-typed short key
    // is possible (bad_config), but the common case is a Secret key that did not map and left it empty.
    all: [
      /\b[A-Z][A-Z0-9_]{0,40}(?:SECRET|KEY|SALT|TOKEN|PASSWORD)[A-Z0-9_]{0,20}["'`]? (?:must|should|needs to|has to) (?:be|have|contain) at least \d{1,4} (?:characters|chars|bytes)\b/,
    ],
    confidence: 0.7,
    title: 'A secret is too short, most often because its environment variable arrived empty',
  },
  {
    // "source code management system not configured" (Drone without DRONE_GITHUB_*), "no OAuth provider
    // configured", "no authentication provider is configured": the integration the server cannot start
    // without is configured only through variables, and none of them arrived.
    all: [
      /\b(?:source code management|scm|vcs|oauth2?|sso|identity|authentication|auth) (?:system|provider|backend|client|integration)s? (?:is |was |are |were |has not been |have not been )?not (?:configured|set|set up|provided)\b|\bno (?:scm|vcs|oauth2?|sso|identity|authentication|auth) (?:system|provider|backend|client|integration)s? (?:is |was |has been )?(?:configured|set|set up|provided|enabled)\b/i,
    ],
    confidence: 0.74,
    title: 'The integration the server needs is not configured: the variables that set it were not passed',
    not: /\b(?:using (?:the )?default|defaulting to|falling back|optional(?:ly)?|disabled|skipping)\b/i,
  },
  {
    // "forge not configured" (Woodpecker without any WOODPECKER_GITHUB/GITEA/... variable), Thanos' "no
    // supported bucket was configured" (an --objstore.config=$(VAR) whose variable was never set), "no object
    // storage configured": the git forge or object store the server cannot run without. In a container
    // it is chosen only by variables (or a file rendered from them), so none of them arrived. "uploads
    // will be disabled" is the consequence the server states before it exits, so it does not discount.
    all: [
      /\b(?:forge|git (?:provider|forge|host)|(?:object|blob) ?stor(?:e|age)|objstore|bucket|storage backend)s? (?:is |was |are |were |has not been |have not been )?not (?:configured|set up|provided)\b|\bno (?:supported |valid )?(?:forge|git (?:provider|forge|host)|(?:object|blob) ?stor(?:e|age)|objstore|bucket|storage backend)s? (?:config(?:uration)? )?(?:is |was |were |has been )?(?:configured|set up|provided|specified)\b/i,
    ],
    confidence: 0.7,
    title: 'The forge or object store the server needs is not configured: the variables that choose it were not passed',
    not: /\b(?:using (?:the )?default|defaulting to|falling back|optional(?:ly)?|skipping)\b/i,
  },
];

// A token or password the client library received empty, or did not send at all.
export const EMPTY_CREDENTIAL_SIGNATURES: Signature[] = [
  {
    // jsonwebtoken / passport-jwt given process.env.JWT_SECRET while it is unset.
    // Auth.js / NextAuth name the same absence "MissingSecret" (v5, AUTH_SECRET) or "[NO_SECRET]" (v4,
    // NEXTAUTH_SECRET), with "Please define a `secret`" with or without "in production".
    all: [
      /secretOrPrivateKey must have a value|JwtStrategy requires a secret or key|\[NO_SECRET\]|\bMissingSecret(?:Error)?\b|Please (?:define|set|provide) (?:a |the )?`secret`/,
    ],
    confidence: 0.8,
    title: 'The JWT signing secret is empty (its environment variable is not set)',
  },
  {
    // MySQL's "Access denied ... (using password: NO)", pgjdbc's "requested SCRAM-based authentication, but
    // no password was provided": the client sent no password at all, so the variable meant to hold it
    // was unset or empty (a wrong password says "using password: YES" / "authentication failed"). The
    // server's own tools on localhost (upgrade, healthcheck as root) send none by design: the weak reading below.
    all: [
      /@'(?!localhost'|127\.0\.0\.1'|::1')[^'\n]{1,100}' \(using password: NO\)|\bauthentication, but no password was provided\b|\bno password (?:was )?(?:supplied|provided) (?:for|to|by)\b/,
    ],
    confidence: 0.8,
    title: 'No password was sent to the server: the variable that should hold it is not set or empty',
  },
  {
    all: [/\(using password: NO\)/],
    confidence: 0.5,
    title: 'No password was given: a password variable may be unset',
  },
  {
    // A password the server rejected ("password authentication failed for user", MySQL's "(using password:
    // YES)") is usually a rotated secret (auth_failure), but an image whose password variable was unset or
    // passed under a name its entrypoint ignores sends its built-in default, which reads the same. Only a
    // weak alternative beside auth_failure, never the answer.
    all: [/\bpassword authentication failed for user\b|\(using password: YES\)/],
    confidence: 0.3,
    title: 'The password was rejected: it may be an image default because its variable was not set or was misnamed',
  },
];
