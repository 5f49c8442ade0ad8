/** dns_resolution_failure: a dependency's hostname cannot be resolved (wrong or absent Service name). */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import { type Signature, signatureRule } from './log-helpers.ts';
import { DNS_FAILURE } from './network-clues.ts';

const SIGNATURES: Signature[] = [
  { all: [/host not found in upstream/], confidence: 0.9, title: 'nginx cannot resolve an upstream host name' },
  {
    all: [
      /\bENOTFOUND\b|UnknownHostException|: no such host|could not translate host name|Unknown (?:MySQL|MariaDB) server host|Name or service not known|Name does not resolve|nodename nor servname/,
    ],
    confidence: 0.88,
    title: 'A dependency host name does not resolve',
  },
  {
    all: [
      /[Cc]ould not resolve host|could not resolve address '|[Uu]nable to resolve (?:address|host(?:name)?)\b|\bnxdomain\b|non-existing domain|No resolvable bootstrap urls given|NameResolutionError|getaddrinfo failed|No address associated with hostname|\bEAI_NONAME\b/,
    ],
    confidence: 0.85,
    title: 'A dependency host name does not resolve',
  },
  {
    all: [/Temporary failure in name resolution|\bEAI_AGAIN\b|server misbehaving/],
    confidence: 0.75,
    title: 'DNS lookups fail (temporary failure in name resolution)',
  },
  { all: [DNS_FAILURE], confidence: 0.7, title: 'A dependency host name does not resolve' },
];

// Where each runtime names the host it could not resolve; bounded quantifiers keep every search linear.
const HOST = [
  /\b(?:ENOTFOUND|EAI_AGAIN|EAI_NONAME) ([\w.-]{1,253})/,
  /UnknownHostException: ([\w.-]{1,253})/,
  /\blookup ([\w.-]{1,253})(?: on [\d.:[\]a-f]{1,60})?: (?:no such host|server misbehaving|Temporary failure)/,
  /host name "([\w.-]{1,253})"/,
  /in upstream "([\w.-]{1,253})/,
  /server host '([\w.-]{1,253})'/,
  /[Cc]ould not resolve host:? ['"]?([\w.-]{1,253})/,
  /Failed to resolve ['"]([\w.-]{1,253})['"]/,
  /getaddrinfo for ([\w.-]{1,253}) failed/,
  /getaddrinfo\(['"]?([\w.-]{1,253})['"]?\) failed/,
  /^([\w.-]{1,253}): (?:Name or service not known|Name does not resolve|Temporary failure in name resolution)/,
];
// A host name, not an IP address or a bare number (the resolver failed on a name).
const HOST_NAME = /^[A-Za-z0-9][\w-]{0,62}(?:\.[\w-]{1,63}){0,10}\.?$/;

/** The host the failing line names, when it names one. */
export const hostIn = (text: string): string | undefined => {
  const host = HOST.map((pattern) => pattern.exec(text)?.[1]).find((h) => h !== undefined);
  return host !== undefined && HOST_NAME.test(host) && /[A-Za-z]/.test(host) ? host : undefined;
};

/** Host names images fall back to when their host variable is unset. */
const DEFAULT_HOST =
  /^(?:mysql|mariadb|postgres|postgresql|db|database|redis|mongo|mongodb|rabbitmq|kafka|elasticsearch|memcached|broker)$/;

// Compose and supervisors say when a service's container stopped: "mongo exited with code 1".
const EXITED = /^([\w.-]{1,80}) exited with code [1-9]\d{0,2}\s*$/;

/**
 * True when the log shows the container behind the unresolved name dying first: the name stopped
 * resolving because that container stopped, so its own failure (higher up) is the cause.
 */
const diedEarlier = (ctx: RuleContext, host: string): boolean => {
  if (host === '') return false;
  const service = host.split('.')[0]!.toLowerCase();
  return ctx.log.lines.some((l) => {
    const name = EXITED.exec(l.text.trim())?.[1]?.toLowerCase();
    return name !== undefined && (name === service || name.startsWith(`${service}_`) || name.startsWith(`${service}-`));
  });
};

export const dnsResolutionFailure = signatureRule({
  id: 'dns-resolution-failure',
  category: 'dns_resolution_failure',
  signatures: SIGNATURES,
  options: { recoverable: true },
  adjust: (ctx, hit) => {
    const host = hostIn(hit.line.text) ?? '';
    if (diedEarlier(ctx, host)) return Math.min(hit.confidence, 0.4);
    // A bare product name (mysql, redis, db) is often an image's built-in default: the variable that
    // should name the real host may be unset, so the name alone is not a confident answer.
    return DEFAULT_HOST.test(host) ? Math.min(hit.confidence, 0.78) : hit.confidence;
  },
  steps: (ctx, hit) => [
    `Check that the Service exists in the namespace: kubectl get svc -n ${ctx.target.namespace ?? '<namespace>'}`,
    `Resolve the name from inside the pod: ${kubectl.exec(ctx.target, `nslookup ${hostIn(hit.line.text) ?? '<host>'}`)}`,
    'Use the Service name (name.namespace.svc.cluster.local); host.docker.internal and compose service names do not exist in Kubernetes',
  ],
});
