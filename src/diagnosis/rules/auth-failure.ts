/** auth_failure: credentials rejected by a dependency or by the persisted database (rotated secret vs old volume). */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/password authentication failed for user/],
    confidence: 0.92,
    title: 'The database rejected the password (password authentication failed)',
  },
  {
    all: [/Access denied for user '[^']*'@/],
    confidence: 0.9,
    title: 'MySQL/MariaDB rejected the credentials (Access denied)',
  },
  { all: [/Login failed for user/], confidence: 0.9, title: 'SQL Server rejected the login' },
  {
    all: [
      /\bNOAUTH\b|\bWRONGPASS\b|invalid username-password pair|-ERR invalid password|redis\.exceptions\.AuthenticationError/,
    ],
    confidence: 0.9,
    title: 'Redis rejected the credentials',
  },
  {
    all: [/ACCESS_REFUSED - Login was refused|AMQPLAIN login refused/],
    confidence: 0.9,
    title: 'RabbitMQ refused the login',
  },
  {
    all: [/MongoServerError: Authentication failed|Authentication failed\.|AuthenticationFailed|bad auth/],
    confidence: 0.85,
    title: 'MongoDB rejected the credentials',
  },
  {
    // JMS brokers refusing a user: ActiveMQ Artemis' AMQ229031 "Unable to validate user" (a password
    // changed on one side only, the broker's users file living on its volume) and the JMSSecurityException
    // that carries it. A user that logged in but lacks a permission (AMQ229032) is not a credential.
    all: [/\bAMQ229031\b|Unable to validate user from\b|\bJMSSecurityException\b|ActiveMQSecurityException/],
    confidence: 0.86,
    title: 'The message broker rejected the credentials',
    not: /\bAMQ229032\b|does not have permission|not authorized to (?:send|consume|create|browse)/,
  },
  {
    all: [/SASL authentication failed|SaslAuthenticationException/],
    confidence: 0.88,
    title: 'Kafka rejected the SASL credentials',
  },
  {
    all: [/unable to authenticate user \[/],
    confidence: 0.86,
    title: 'Elasticsearch rejected the credentials',
  },
  {
    all: [/no pg_hba\.conf entry for host/],
    confidence: 0.8,
    title: 'PostgreSQL does not allow this client/user (pg_hba.conf)',
  },
  {
    all: [/\bFATAL: {1,2}role "[^"]+" does not exist/],
    confidence: 0.75,
    title: 'The database role does not exist (credentials do not match the data)',
  },
  {
    all: [
      /InvalidClientTokenId|InvalidAccessKeyId|The Access Key Id you provided does not exist|SignatureDoesNotMatch|The security token included in the request is invalid|invalid_client|invalid_grant|ExpiredToken/,
    ],
    confidence: 0.8,
    title: 'The cloud API rejected the credentials',
  },
  {
    // Workload identity federation refused: the cloud's token service knows the pod's identity token but
    // will not exchange it (an IRSA trust policy naming the old namespace or ServiceAccount, a GKE
    // Workload Identity without its IAM binding, an Azure federated credential with another subject).
    // The identity was presented and rejected, so it is a credential refusal, not a missing setting.
    all: [
      /[Nn]ot authorized to perform:? sts:AssumeRole(?:WithWebIdentity)?\b|\bInvalidIdentityToken\b|Permission \\?['"]iam\.serviceAccounts\.(?:getAccessToken|getOpenIdToken|signBlob)\\?['"] denied|\bAADSTS(?:70021|700016|700024|7000215|7000222|50034)\b/,
    ],
    confidence: 0.86,
    title: "The cloud's token service refused the workload identity (trust policy or IAM binding does not match)",
  },
  {
    all: [/keystore password was incorrect|[Kk]eystore was tampered with, or password was incorrect/],
    confidence: 0.86,
    title: 'The keystore password does not match the keystore (password rotated?)',
  },
  {
    // An encryption key that does not match the one stored with the data on the volume.
    all: [/Mismatching encryption keys/],
    confidence: 0.84,
    title: 'The encryption key does not match the one stored on the volume',
  },
  {
    // The Kubernetes API refused the pod's ServiceAccount (RBAC); the quotes may arrive escaped.
    all: [/\bis forbidden: User \\?"/, /\\?" cannot [a-z]{2,20} resource /],
    confidence: 0.78,
    title: "The Kubernetes API refused the ServiceAccount's request (RBAC)",
  },
  {
    // A remote service's "permission denied" is a credential it rejected, not a file mode.
    all: [
      /Permission denied \((?:publickey|password|keyboard-interactive)[,)]|Permission denied, please try again|Host key verification failed/,
    ],
    confidence: 0.86,
    title: 'The SSH/git server rejected the key or password',
  },
  {
    all: [
      /An error occurred \((?:403|AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|UnrecognizedClientException)\) when calling the [A-Za-z]{2,60} operation/,
    ],
    confidence: 0.72,
    title: 'The cloud API rejected the request with 403 (credentials rotated or lacking access)',
  },
  {
    // Drivers that name the failure as a type or a code (Neo4j, Cassandra, NATS) rather than a sentence.
    all: [
      /Neo\.ClientError\.Security\.(?:Unauthorized|AuthenticationRateLimit)|unauthorized due to authentication failure|\b[Aa]uthorization [Vv]iolation\b|(?:username|user name) and\/or password (?:are|is) incorrect|\b[Ii]ncorrect password\b|\b[Ww]rong password\b|\bpassword (?:is )?incorrect\b|\b28P01\b|\binvalid_password\b/,
    ],
    confidence: 0.86,
    title: 'The server rejected the credentials',
  },
  {
    // A client that could not log in to its secrets or identity backend (Vault agent, OIDC, LDAP bind).
    all: [
      /\b(?:[Ee]rror|[Ff]ailed to|[Uu]nable to|[Cc]ould not|[Cc]annot) authenticat(?:e|ing)\b|\b[Aa]uthentication failure\b|\b(?:Auth|Authentication)(?:Error|Exception)\b/,
    ],
    confidence: 0.8,
    title: 'The client could not authenticate to a dependency',
    // TLS and connection failures during a login are other causes (tls_certificate_error, dependency_unreachable).
    not: /SSL|TLS|x509|certificate|handshake|connection refused|ECONNREFUSED|timed? ?out|no such host|ENOTFOUND|Name or service not known|i\/o timeout/i,
  },
  {
    // Vault (and other HTTP APIs) answering a login endpoint with 400/401/403: the role, token or
    // ServiceAccount is not accepted.
    all: [/\/v1\/auth\/[\w.-]{1,60}\/login\b|\/(?:oauth2?|auth)\/token\b/, /\b(?:40[013])\b|permission denied|denied/i],
    confidence: 0.82,
    title: 'The auth backend refused the login (role, token or ServiceAccount not accepted)',
  },
  {
    // A token the server no longer accepts (reset, revoked, expired, rotated): GitLab Runner "forbidden
    // (check registration token)", "invalid registration token", "token has expired", "token was revoked".
    all: [
      /\((?:check|verify) (?:the |your )?(?:registration |access |auth(?:entication)? |API |join |bootstrap )?(?:token|credentials)\)|\b(?:[Ii]nvalid|[Ee]xpired|[Rr]evoked|[Ww]rong|[Ii]ncorrect|[Uu]nrecognized) (?:registration|access|auth(?:entication)?|API|bearer|join|bootstrap|runner|agent|refresh|personal access|service account|cluster|enrollment) token\b|\b(?:[Tt]oken|[Cc]redentials?) (?:is |are |was |were |has been |have been )?(?:expired|revoked|no longer valid|rejected)\b/,
    ],
    confidence: 0.84,
    title: 'The server rejected the token (reset, revoked or expired, while the Secret keeps the old one)',
    // A parser's "token" is syntax; a CSRF token is a web form's, not the pod's credential.
    not: /[Ss]yntax|[Pp]ars(?:e|ing)|[Uu]nexpected token|CSRF/,
  },
  {
    // 403 to a login or registration call: the credential is known and refused (not a file permission).
    all: [
      /\b403 Forbidden\b|\bstatus(?: code)?[ =:]{1,3}403\b|\bHTTP(?:\/[\d.]{1,3})? 403\b/,
      /\b(?:token|credential|login|log in|sign in|authenticat|regist(?:er|ration)|api key|apikey)/i,
    ],
    confidence: 0.74,
    title: 'A dependency refused the credentials with 403 Forbidden',
  },
  {
    all: [/\b401 Unauthorized\b|status code 401|\bHTTP 401\b|Unauthorized: /],
    confidence: 0.6,
    title: 'A dependency answered 401 Unauthorized',
  },
  {
    all: [
      /[Aa]uthentication failed|[Ii]nvalid credentials|[Bb]ad credentials|[Ii]nvalid (?:username|user name) or password/,
    ],
    confidence: 0.75,
    title: 'A dependency rejected the credentials',
    // MinIO checking its own credential variables (too short) is a configuration value, not a rejection.
    not: /inherited from the shell environment/,
  },
];

const KEY_RULES = /key length should be at least|[Ss]ecret key should be in between/;
// The client says the credential it would send is empty or absent: nothing was rejected, it was never set
// ("invalid credentials: key & email must not be empty").
// MySQL's "(using password: NO)" from a client on another host and the PostgreSQL drivers' "no password was
// provided/supplied" say no password was sent at all: an unset variable, not a wrong secret. The server's
// own maintenance client on localhost (an upgrade or healthcheck as root over the socket) logs in without a
// password by design, so its refusal means the stored credentials differ (auth_failure).
const EMPTY_CREDENTIAL =
  /@'(?!localhost'|127\.0\.0\.1'|::1')[^'\n]{1,100}' \(using password: NO\)|\bno password (?:was |is )?(?:provided|supplied|given|set)\b|\bmust not be (?:empty|blank)\b|\b(?:is|are) (?:empty|blank|missing)\b|\bnot (?:set|provided|configured)\b|\bno (?:credentials?|token|password|api key) (?:provided|given|found|set)\b/i;
const UNSET_VARIABLE = /\b[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{1,40} (?:is|was) not set\b/;

export const authFailure = signatureRule({
  id: 'auth-failure',
  category: 'auth_failure',
  signatures: SIGNATURES,
  // A later line shows the client got in after all (a retry with the right secret).
  options: { recoverable: true },
  // "ELASTIC_PASSWORD is not set" beside the rejection, or a credential the client itself calls empty: it is
  // missing, not wrong (missing_env_var); a key too short for the server's rules is a bad value (bad_config).
  adjust: (ctx, hit) => {
    if (ctx.log.lines.some((l) => KEY_RULES.test(l.text))) return Math.min(hit.confidence, 0.4);
    if (EMPTY_CREDENTIAL.test(hit.line.text)) return Math.min(hit.confidence, 0.45);
    return ctx.log.lines.some((l) => UNSET_VARIABLE.test(l.text)) ? Math.min(hit.confidence, 0.6) : hit.confidence;
  },
  steps: (ctx) => [
    `Check which Secret the credentials come from: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].env}')}`,
    'If the database keeps its data on a volume, it keeps the password it was initialised with: the Secret must match it (changing the Secret does not change the stored password)',
  ],
});
