/**
 * missing_env_var's readings of a client library, cloud SDK or config loader that was built without a
 * setting (not a rule itself: the missing-env-var rule lists these in its order). None names the variable,
 * but each shows what an unset one leaves behind: a credential chain that found nothing and fell back to a
 * cloud metadata server this cluster does not have, a resource path with "None" where a project id
 * belongs, an empty name sent to a cloud API, a client constructor told its URL "is required", an env
 * validator listing variables as Required, a config key whose ${?VAR} substitution stayed empty.
 */
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';
import { CLOUD_METADATA_HOST, DEFAULTS_IN_USE, serviceDiedEarlier } from './network-clues.ts';

// With no credentials variable (GOOGLE_APPLICATION_CREDENTIALS, AWS_ROLE_ARN + token file, AZURE_CLIENT_ID)
// cloud SDKs fall back to the instance metadata server: metadata.google.internal, 169.254.169.254 (IMDS),
// ECS's 169.254.170.2. Outside that cloud it does not resolve or answer; the failure is the missing setting.
const METADATA_FALLBACK_FAILED: Signature = {
  all: [
    CLOUD_METADATA_HOST,
    /\bENOTFOUND\b|\bEAI_AGAIN\b|\bEHOSTUNREACH\b|\bETIMEDOUT\b|\bECONNREFUSED\b|no such host|[Nn]ame or service not known|[Nn]ame does not resolve|[Tt]imed? ?out|[Nn]o route to host|[Nn]etwork is unreachable|[Cc]onnection refused|[Ff]ailed to (?:retrieve|fetch|get|obtain|connect|refresh)|[Cc]ould not (?:retrieve|fetch|get|obtain|connect|load)|[Uu]nable to (?:retrieve|fetch|get|obtain|connect|load)|no response from|[Ee]rror (?:while )?(?:making request|fetching)/,
  ],
  confidence: 0.8,
  // The metadata server answered and refused (GKE Workload Identity without its IAM binding: "403
  // Forbidden: Permission 'iam.serviceAccounts.getAccessToken' denied"): a credential was rejected.
  not: /\bStatus:? ?40[13]\b|\b40[13] Forbidden\b|\bForbidden\b|\bUnauthorized\b|\bAccessDenied\b|\bdenied on resource\b|\bnot authorized\b/i,
  title: 'No credentials were configured, so the SDK fell back to a cloud metadata server this cluster does not have',
};

// Every credential source of the chain came up empty: Azure's DefaultAzureCredential, Google's ADC, the
// AWS Java SDKs' provider chain. A credential that was found and then refused is auth_failure.
const CREDENTIAL_CHAIN_EMPTY: Signature = {
  all: [
    /DefaultAzureCredential failed to retrieve a token from the included credentials|EnvironmentCredential authentication unavailable|[Ee]nvironment variables are not fully configured|Could not load the default credentials|Could not automatically determine credentials|[Yy]our default credentials were not found|Unable to load (?:AWS )?credentials from any (?:of the )?providers? in the chain|Unable to detect a Project Id in the current environment/,
  ],
  confidence: 0.78,
  title: 'The SDK found no credentials in any source: the variables that configure them are likely not set',
  not: /\b(?:invalid|expired|rejected|revoked|AADSTS\d{4,})\b/,
};

// str(None) / `${undefined}` formatted into a resource name: "projects/None/subscriptions/orders",
// "buckets/undefined/objects". The id that belongs there came from a variable that was not set. Clients
// print it at info level while they start, so the level does not discount it.
const RESOURCE_PATH_UNSET: Signature = {
  all: [
    /\b(?:projects|subscriptions|topics|buckets|queues|tables|databases|accounts|namespaces|tenants|organizations|locations|instances|zones|regions|datasets|folders)\/(?:None|undefined|null)(?![\w-])/,
  ],
  confidence: 0.74,
  title: 'A resource path holds None/undefined where an id belongs: the variable that names it is not set',
  warningIsEvidence: true,
};

// An empty name sent to a cloud API: AWS's "Value '' at 'tableName' failed to satisfy constraint", the AWS
// SDKs' parameter validation ("minimum field size of 1, GetObjectInput.Bucket", boto3's 'Invalid bucket
// name ""'). A name is empty when the
// variable that holds it was not set.
const EMPTY_REQUEST_PARAMETER: Signature = {
  all: [
    /Value '' at '[\w.]{1,80}' failed to satisfy constraint|minimum field size of 1, \w{1,80}Input\.\w{1,80}|Invalid bucket name "":/,
  ],
  confidence: 0.74,
  title: 'A cloud API was sent an empty name: the variable that holds it is likely not set',
};

// A client constructor given process.env.X while X is unset throws its option's name: "supabaseUrl is
// required.", Twilio's "username is required", "projectId is required". Only the thrown error line counts
// (the `throw new Error("...")` source line shown above it has no "Error: " prefix).
const CLIENT_OPTION_REQUIRED: Signature = {
  all: [
    /^(?:error: )?(?:Uncaught (?:\(in promise\) )?)?(?:[A-Z]\w{0,40})?Error: [`'"]?[a-z][A-Za-z0-9_]{1,40}[`'"]? (?:is|are) (?:required|missing|not (?:set|defined|provided))\b/,
  ],
  confidence: 0.7,
  title: 'A client was built without a required option: the variable that provides it is likely not set',
  not: /\b(?:request|body|query|payload|field|form|argument|parameter)\b/i,
};

// Env validators (t3-env and zod, envalid) list each absent variable: "DATABASE_URL: [ 'Required' ]",
// zod 4's "expected string, received undefined".
const VALIDATOR_LISTS_REQUIRED: Signature = {
  all: [
    /^\s{0,8}["']?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}["']?: \[ ?(?:['"]Required['"]|['"]Invalid input: expected \w{1,20}, received undefined['"])/,
  ],
  confidence: 0.86,
  title: 'The environment validator lists required variables that are not set',
};
const INVALID_ENVIRONMENT: Signature = {
  all: [/\bInvalid environment variables\b/],
  confidence: 0.7,
  title: 'The environment validator rejected the variables (one is likely not set)',
};

// HOCON's optional substitution (key = ${?VAR}) leaves the key absent when VAR is unset; the lookup then
// fails: Ktor's "Property jwt.secret not found", Typesafe Config's "No configuration setting found for key".
// The gap after "$Missing:" holds the config's origin and never a "$": one match cannot run on into the next
// (the regex proof found a polynomial attack on a gap that could).
const CONFIG_KEY_ABSENT: Signature = {
  all: [
    /ApplicationConfigurationException: Property [\w.-]{1,120} not found|ConfigException\$Missing:[^\n$]{0,200}No configuration setting found for key/,
  ],
  confidence: 0.72,
  title: 'A configuration key has no value: the variable its substitution reads is likely not set',
};

// A bare product name that does not resolve (ENOTFOUND mongo, lookup redis): often an image's built-in
// default host, dialled because the variable naming the real one was not set. Alone it is weak beside
// dns_resolution_failure; when the app said it runs on its defaults, the unset variable is the cause.
const DEFAULT_HOST_IN_LOOKUP =
  /(?:\bENOTFOUND|\bEAI_AGAIN|UnknownHostException:|getaddrinfo for|\blookup|server host '|host name ")\s?['"]?(mysql|mariadb|postgres(?:ql)?|db|database|redis|mongo(?:db)?|rabbitmq|kafka|elasticsearch|memcached|broker)(?![\w.-])/;
const DEFAULT_HOST_UNRESOLVED: Signature = {
  all: [DEFAULT_HOST_IN_LOOKUP],
  confidence: 0.55,
  title: "An image's default host name does not resolve: the variable naming the real host is likely not set",
};

// A storage or cloud driver built from parameters that lack one: distribution's registry "panic: no region
// parameter provided" (REGISTRY_STORAGE_S3_REGION unset), "No bucket parameter provided", "No accountname
// parameter provided" (its Azure driver). Such drivers take their parameters from variables in a pod; a
// request's or a command line's parameter is another cause.
const DRIVER_PARAMETER_ABSENT: Signature = {
  all: [/\b[Nn]o [\w-]{2,30} parameter (?:was )?(?:provided|specified|given|set|supplied)\b/],
  confidence: 0.7,
  title: 'A driver was built without a required parameter: the variable that sets it is likely not set',
  not: /\b(?:request|query|body|form|payload|flag|argument|command[- ]line|usage|route|path|header)\b|\s--?[a-z]/i,
};

/** The weight of this module's readings that depend on other lines; undefined for the rest. */
export const weighClientDefaults = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
  if (hit.signature !== DEFAULT_HOST_UNRESOLVED) return undefined;
  // That container stopped first (compose's "mongo exited with code 1"): its own failure is the cause.
  if (serviceDiedEarlier(ctx.log.lines, DEFAULT_HOST_IN_LOOKUP.exec(hit.line.text)?.[1] ?? '')) return 0;
  return ctx.log.lines.some((l) => DEFAULTS_IN_USE.test(l.text)) ? 0.8 : hit.confidence;
};

export const CLOUD_CLIENT_SIGNATURES: Signature[] = [
  VALIDATOR_LISTS_REQUIRED,
  METADATA_FALLBACK_FAILED,
  CREDENTIAL_CHAIN_EMPTY,
  RESOURCE_PATH_UNSET,
  EMPTY_REQUEST_PARAMETER,
  CONFIG_KEY_ABSENT,
  CLIENT_OPTION_REQUIRED,
  DRIVER_PARAMETER_ABSENT,
  INVALID_ENVIRONMENT,
  DEFAULT_HOST_UNRESOLVED,
];
