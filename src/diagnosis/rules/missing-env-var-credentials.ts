/**
 * The absent-credential readings of missing_env_var (not a rule itself: missing-env-var-indirect spreads
 * them in place, keeping the signature order). A cloud SDK or API client that finds no region, key, token
 * or credentials at all was given nothing: the variable that should hold it is unset. A credential that
 * was sent and refused is auth_failure, not this.
 */
import type { Signature } from './log-helpers.ts';

export const ABSENT_CREDENTIAL_SIGNATURES: readonly Signature[] = [
  {
    // A service that says which credential it needs before it will talk at all: ngrok's "Usage of ngrok
    // requires a verified account and authtoken" (ERR_NGROK_4018), "this command requires an API key",
    // "requires an access token to be set". Nothing was sent: the variable with the token (NGROK_AUTHTOKEN)
    // was not given to the pod. A token that was sent and refused says invalid, expired or revoked.
    all: [
      /\brequires? (?:a |an )?(?:[\w-]{1,20} ){0,2}(?:(?:and|or) (?:an? )?)?(?:auth ?token|authtoken|api[ _-]?key|access token|bearer token)s?\b(?! (?:with|that has|having|scope))/i,
    ],
    confidence: 0.8,
    title: 'The service requires a token that was not given: the variable that holds it is not set',
    not: /\b(?:invalid|expired|incorrect|wrong|revoked|mismatch|scopes?|permissions?|insufficient|rotate)\b/i,
  },
  {
    // AWS SDKs with AWS_REGION / AWS_DEFAULT_REGION unset; Ansible's amazon.aws modules say "requires a
    // region and none was found in configuration, environment variables or module parameters".
    all: [
      /\bRegion is missing\b|AWS region is required, but was not found|You must specify a region\b|\bMissingRegion\b|Missing region in config|Unable to load region from any of the providers|could not find region configuration|\b(?:requires|needs) an? (?:AWS )?region (?:and|but) none was (?:found|set|given|provided)\b/,
    ],
    confidence: 0.78,
    title: 'No AWS region is set (AWS_REGION is not set)',
  },
  {
    // An SDK client built with process.env.X_API_KEY while it is unset.
    all: [
      /\b(?:[Nn]o|[Mm]issing|[Nn]either) (?:an? )?(?:api[_ ]?key|apiKey|API key|access key|auth token)\b(?: nor [\w.]{1,40})? (?:provided|set|supplied|found|given)\b/,
    ],
    confidence: 0.68,
    title: 'No API key was given to a client: the environment variable that holds it is likely not set',
  },
  {
    // A request sent with no credentials at all: the Hugging Face Hub's "You must be authenticated to
    // access it" for a gated model (or "You must have access to it and be authenticated" for a gated
    // one fetched with no token), registries' "anonymous access is not allowed", "no auth token
    // provided", a DNS or cloud controller's bare "no token found" (external-dns with DO_TOKEN unset). The
    // variable that should hold the token was empty. A token that was sent and refused (invalid, expired)
    // is auth_failure; a client that finds no cached token and fetches one is working as meant.
    all: [
      /[Yy]ou (?:must|need to) (?:have access to it and |first )?be (?:authenticated|logged in)\b|\b(?:[Aa]nonymous|[Uu]nauthenticated) (?:access|requests?|users?|pulls?) (?:is |are )?(?:not (?:allowed|permitted|supported)|denied|forbidden|disabled)\b|\b[Nn]o (?:(?:auth(?:entication)?|access|bearer|API|api) )?token (?:was |is )?(?:provided|given|found|set|supplied|configured|specified)\b/,
    ],
    confidence: 0.72,
    title: 'A request carried no credentials: the variable that should hold the token is likely not set',
    not: /\b(?:invalid|expired|incorrect|wrong|rejected|revoked|mismatch|cache[ds]?|refresh\w{0,5}|fetching|requesting)\b/i,
  },
  {
    // Cloud SDKs find no credentials when the key variables (AWS_ACCESS_KEY_ID...) are not set; the aws CLI
    // says it without the exception name ("upload failed: ... Unable to locate credentials").
    all: [
      /\bUnable to locate credentials\b|\bcould not find (?:default )?credentials\b|NoCredentialProviders: no valid providers in chain|Could not load credentials from any providers/,
    ],
    confidence: 0.72,
    title: 'No cloud credentials were found: the credential environment variables are likely not set',
  },
  {
    // Bot and ORM clients given an empty token or no connection settings (process.env.X unset).
    all: [
      /You must pass the token you received|Dialect needs to be explicitly supplied|\[TokenInvalid\]: An invalid token was provided/,
    ],
    confidence: 0.66,
    title: 'A client got no token or connection settings: the environment variable is likely not set',
  },
  {
    // A service-account credential assembled from variables (FIREBASE_PRIVATE_KEY, GOOGLE_CLIENT_EMAIL)
    // that lacks a field: firebase-admin's 'Service account object must contain a string "private_key"
    // property', google-auth's "Service account info was not in the expected format, missing fields
    // client_email", google-auth-library's "The incoming JSON object does not contain a client_email
    // field" and "No key or keyFile set". The field was never given, so it was not sent and refused
    // (auth_failure); a wrong file mounted in its place reads the same, hence not confident.
    all: [
      /[Ss]ervice account (?:object|info|JSON) (?:must contain an? (?:string |non-empty )?["'`]?\w{1,40}["'`]? (?:property|field)|was not in the expected format, missing fields?)\b|[Tt]he incoming JSON object does not contain an? \w{1,40} field\b|\bNo key or keyFile set\b/,
    ],
    confidence: 0.74,
    title: 'A service-account credential lacks a field: the variable that should fill it is likely not set',
  },
  {
    // A client that says which credential option it expected and found none: Anthropic's "Could not resolve
    // authentication method. Expected either api_key or auth_token to be set", OpenAI's "The api_key client
    // option must be set", "API key is not set", "apiKey is required". The SDK reads a fixed variable
    // (ANTHROPIC_API_KEY, OPENAI_API_KEY) that the pod does not have, often under another name.
    all: [
      /\bCould not resolve authentication method\b|\b[Ee]xpected (?:either )?(?:an? )?(?:api[_ ]?key|apiKey|auth[_ ]?token|access[_ ]?token|token|credentials)\b[^\n]{0,60}\bto be (?:set|provided|given)\b|\b(?:api[_ ]?key|apiKey|API key|auth[_ ]?token|access[_ ]?token)s? (?:client option )?(?:must be (?:set|provided|given)|is not set|has not been set|was not set|is required)\b/,
    ],
    confidence: 0.8,
    title: 'A client found no API key or token: the environment variable it reads is not set',
    not: /\b(?:invalid|expired|incorrect|revoked|rejected)\b/i,
  },
  {
    // A server that refuses to start without its shared secret, in its own words: SpiceDB's "a preshared key
    // must be provided on --grpc-preshared-key", "no signing key was provided", "a master key must be set",
    // "shared secret must be specified". In a pod the secret comes from a Secret through a variable (it is
    // never written into args), so none at all is a variable that was not delivered (renamed key, optional ref).
    all: [
      /\b(?:pre-?shared|shared|signing|master|encryption|secret|cluster|join|bootstrap|session) (?:key|secret|token)s? (?:must be|is|was) (?:provided|set|given|specified|supplied|required)\b|\b[Nn]o (?:pre-?shared|shared|signing|master|encryption|secret) (?:key|secret|token) (?:was |is )?(?:provided|given|set|specified|configured|found)\b/i,
    ],
    confidence: 0.76,
    title: 'The server got no shared secret or key: the variable the Secret should fill is not set',
    not: /\b(?:invalid|expired|incorrect|revoked|rejected|mismatch|too short|at least|characters|bytes long)\b/i,
  },
  {
    // A server that cannot verify tokens without its JWT key: Mercure's "a JWT key or the URL of a JWK Set
    // for publishers must be provided", "JWT secret must be set", "no HMAC secret key configured". The key is
    // read from a variable ({env.MERCURE_PUBLISHER_JWT_KEY} in a Caddyfile, JWT_SECRET) that expanded empty.
    // A key that is there but short or malformed is a bad value; a request without a token is no start-up.
    all: [
      /\b(?:JWT|JWK|HMAC|jwt|hmac)(?:[ _-](?:signing|verification|secret))?[ _-](?:key|secret)s?(?: or [^\n]{1,60})? (?:must be|is|are|was|were) (?:provided|set|given|specified|supplied|configured|required)\b|\b[Nn]o (?:JWT|JWK|HMAC|jwt|hmac) (?:signing |secret )?(?:key|secret)s? (?:was |is |were )?(?:provided|given|set|specified|configured|found)\b/,
    ],
    confidence: 0.74,
    title: 'The server got no JWT key to sign or verify tokens with: its variable is not set',
    not: /\b(?:invalid|expired|incorrect|revoked|rejected|mismatch|too short|at least|characters|bytes long|malformed|could not (?:parse|decode)|request|header|authori[sz]ation|bearer|unauthori[sz]ed)\b/i,
  },
  {
    // A server that tells the operator they gave it no secret: Velocity's "You don't have a forwarding
    // secret set. This is required for security.", "You haven't set a secret key", "you have not
    // configured an admin password". In a pod the secret comes from a Secret through a variable (or a file
    // the same Secret would fill), so it never arrived. Advice about an optional key is not this.
    all: [
      /\b[Yy]ou (?:don't|do not) have (?:a|an|any) (?:[\w-]{1,20} ){0,2}(?:secret|key|token|password|credentials?)s? (?:set|configured|provided|specified|defined)\b|\b[Yy]ou (?:haven't|have not|didn't|did not) (?:set|provided?|configured?|specified?|defined?) (?:a|an|any|the|your) (?:[\w-]{1,20} ){0,2}(?:secret|key|token|password|credentials?)s?\b/,
    ],
    confidence: 0.7,
    title: 'The server says no secret was set: the variable the Secret should fill is not set',
    not: /\b(?:if you (?:want|wish|need|like)|optional(?:ly)?|to enable|community|trial|evaluation|anonymous(?:ly)?|continuing|generat\w{0,6}|random)\b/i,
  },
  {
    // A required flag that holds a secret, left unset: cobra's 'required flag(s) "grpc-preshared-key" not set',
    // urfave/cli's 'Required flag "api-token" not set'. Servers bind such flags to variables
    // (SPICEDB_GRPC_PRESHARED_KEY) and a Deployment passes secrets through env from a Secret, not as literal
    // args: the variable was not delivered (envFrom keys named otherwise, an optional secretKeyRef).
    all: [
      /\b[Rr]equired flags?(?:\(s\))? "[a-z][\w-]{0,60}(?:token|secret|password|passwd|preshared-key|api-key|apikey|access-key|secret-key|private-key|signing-key|master-key)"(?:, "[a-z][\w-]{0,60}"){0,6} (?:not set|is not set|missing)\b/,
    ],
    confidence: 0.86,
    title: 'A required secret flag is unset: the variable bound to it (from a Secret) is not passed',
  },
  {
    // A token or key typed as str that arrived as None: aiogram's "Token is invalid! It must be 'str' type
    // instead of <class 'NoneType'> type". os.getenv on a
    // variable that is not set returns None, so the value was never given (not a wrong token).
    all: [/\bmust be '?str'? (?:type )?instead of <class 'NoneType'>/],
    confidence: 0.8,
    title: 'A token or key is None: the environment variable it is read from is not set',
  },
  {
    // An application key the app refuses to start without: linuxserver images' "An application key is
    // missing, halting init!", Laravel-style "application key has not been set", "APP_KEY is missing". The
    // key is a variable (APP_KEY) that the deployment never set.
    all: [
      /\b(?:[Aa]n |[Tt]he |[Nn]o )?(?:[Aa]pplication|[Aa]pp|APP)[ _]?(?:encryption )?(?:key|KEY) (?:is missing|is not set|has not been set|was not set|not found|is empty|is required)\b/,
    ],
    confidence: 0.82,
    title: 'The application key (APP_KEY) is not set',
  },
];
