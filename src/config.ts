/**
 * All settings, read once at start-up from an injected environment (tests pass their own) through one
 * zod schema. A bad start lists EVERY missing or invalid setting at once, one per line, naming the
 * variable and what it expects; values are never echoed, because most of them are secrets.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { parseDuration } from './config/duration.ts';
import { NAMESPACE_NAME, parseConfigFile } from './config/file.ts';
import { ExitcodeError } from './errors.ts';
import { type Policy, parsePolicy } from './remediation/policy.ts';
import { type LabelSelector, parseLabelSelector } from './scanner/ignore.ts';

export const EXPLAIN_MODES = ['off', 'on-request', 'auto'] as const;
export type ExplainMode = (typeof EXPLAIN_MODES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string;
    /** Set => Socket Mode (no ingress needed); unset => HTTP receiver on `port`. */
    appToken?: string;
    /** Web API base URL ending in '/', for a local stand-in. */
    apiUrl?: string;
    /** HTTP port: Slack requests in HTTP mode, and /healthz /readyz /metrics in both modes. */
    port: number;
  };
  kube: {
    /** KUBECONFIG: one file or a ":"-separated list. */
    kubeconfigPath?: string;
    context?: string;
    clusterName?: string;
    /** In a pod (KUBERNETES_SERVICE_HOST set): where the API server is; used when no kubeconfig is given. */
    inCluster?: { host: string; port: string };
  };
  access: { defaultNamespaces: string[]; channels: Record<string, string[]> };
  remediation: {
    /** Absent => no actions and no buttons. */
    policyFile?: string;
    /** The policy read from policyFile, validated with the rest of the settings. */
    policy?: Policy;
    actionTtlMs: number;
    /** HMAC key for button payloads. */
    actionSecret: string;
  };
  explain: {
    /** False unless OPENAI_API_KEY is set and the mode is not 'off'. */
    enabled: boolean;
    mode: ExplainMode;
    apiKey?: string;
    baseUrl?: string;
    model: string;
    threshold: number;
    anonymize: boolean;
    cacheTtlMs: number;
    maxTokens: number;
    timeoutMs: number;
  };
  scanner: {
    schedule?: string;
    channel?: string;
    /** Where the scan Lease (lock + memory of what was posted) lives: the bot's own namespace. */
    leaseNamespace: string;
    /** Restarts before a crash-looping container is announced. */
    minRestarts: number;
    /** How long every pod of an incident must run healthy before it is resolved. */
    resolveAfterMs: number;
    /** A crash this soon after resolution re-opens the incident instead of a new announcement. */
    reopenWithinMs: number;
    /** Namespaces the scanner never announces. */
    ignoreNamespaces: string[];
    /** Label selectors (equality-based) of pods the scanner never announces. */
    ignoreSelectors: LabelSelector[];
    /** Cron expression of the daily digest of open incidents; off when unset. */
    digest?: string;
  };
  /** Alertmanager webhook receiver (POST /alertmanager); off without a token. */
  alertmanager: { token?: string };
  log: { level: LogLevel };
  /** Bounded work: diagnoses at once and waiting, analysis threads and budgets, Slack call time limit. */
  work: {
    maxConcurrentDiagnoses: number;
    maxQueuedDiagnoses: number;
    queueTimeoutMs: number;
    analysisThreads: number;
    analysisBudgetMs: number;
    slackTimeoutMs: number;
  };
}

export type ReadFile = (path: string) => string;

const opt = z.string().optional();
const required = (what: string) => z.string({ error: `required (${what})` });

const duration = (what: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback;
      const ms = parseDuration(text);
      if (ms === undefined || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: `expected ${what}, such as "15m", "900s" or 900 (seconds)` });
        return z.NEVER;
      }
      return ms;
    });

const integer = (what: string, fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback;
      const value = Number(text);
      if (!/^\d+$/.test(text) || value < min || value > max) {
        ctx.addIssue({ code: 'custom', message: `expected ${what}: a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return value;
    });

const httpUrl = (what: string) =>
  z
    .string()
    .optional()
    .refine((text) => text === undefined || (URL.canParse(text) && /^https?:$/.test(new URL(text).protocol)), {
      error: `expected an http(s) URL (${what})`,
    });

/** An optional cron expression; the error names `example`, a sample expression and what it means. */
const cronSchedule = (example: string) =>
  opt.refine((text) => text === undefined || cron.validate(text), {
    error: `expected a cron expression, such as ${example}`,
  });

const BOOLEANS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  on: true,
  false: false,
  '0': false,
  no: false,
  off: false,
};

/**
 * What `exitcode serve --help` and the README say about a setting. Every entry of the schema below
 * carries one (a test checks it): the help is generated from here, never copied.
 */
export interface SettingInfo {
  /** What it means and what it expects, one line. */
  description: string;
  /** The default as a person would type it; absent when unset means "off" or "none". */
  default?: string;
  /** Never printed, never logged. */
  secret?: boolean;
}

const about = <T extends z.ZodType>(schema: T, info: SettingInfo): T => schema.meta({ ...info });

// Adding a setting: one entry here, wrapped in about(...); read it in loadConfig into the typed Config.
const envSchema = z.object({
  SLACK_BOT_TOKEN: about(
    required("the Bot User OAuth Token from your Slack app's OAuth & Permissions page").startsWith('xoxb-', {
      error: 'expected a bot token starting with "xoxb-" (OAuth & Permissions page)',
    }),
    { description: 'Bot User OAuth Token (xoxb-...), OAuth & Permissions page. Required.', secret: true },
  ),
  SLACK_SIGNING_SECRET: about(required("the Signing Secret from your Slack app's Basic Information page"), {
    description: 'Signing Secret, Basic Information page: verifies every request from Slack. Required.',
    secret: true,
  }),
  SLACK_APP_TOKEN: about(
    opt.refine((text) => text === undefined || text.startsWith('xapp-'), {
      error:
        'expected an app-level token starting with "xapp-" (Basic Information > App-Level Tokens, scope connections:write)',
    }),
    {
      description: 'App-level token (xapp-...): set => Socket Mode, no ingress needed; unset => HTTP on PORT.',
      secret: true,
    },
  ),
  SLACK_API_URL: about(httpUrl('the Slack Web API base, e.g. https://slack.com/api/'), {
    description: 'Slack Web API base URL, for a local stand-in.',
    default: 'https://slack.com/api/',
  }),
  PORT: about(integer('the HTTP port (0: any free port)', 3000, 0, 65535), {
    description: 'HTTP port: Slack requests (HTTP mode) and /healthz, /readyz, /metrics.',
    default: '3000',
  }),
  KUBECONFIG: about(opt, {
    description:
      'Kubeconfig file(s), ":"-separated like kubectl. Unset: in-cluster ServiceAccount in a pod, else ~/.kube/config.',
  }),
  KUBERNETES_SERVICE_HOST: about(opt, {
    description: 'Set by Kubernetes in every pod: with no KUBECONFIG, the bot uses its ServiceAccount.',
  }),
  KUBERNETES_SERVICE_PORT: about(opt, {
    description: 'Set by Kubernetes in every pod, with KUBERNETES_SERVICE_HOST.',
    default: '443',
  }),
  EXITCODE_KUBE_CONTEXT: about(opt, {
    description: 'Kubeconfig context to use.',
    default: "the kubeconfig's current context",
  }),
  EXITCODE_CLUSTER_NAME: about(opt, {
    description: 'Cluster name shown in messages.',
    default: 'the context name, or "in-cluster"',
  }),
  EXITCODE_NAMESPACES: about(opt, {
    description:
      'Comma-separated namespaces every channel may read, or "*" for all. Overrides the config file\'s "namespaces". Required unless EXITCODE_CONFIG is set.',
  }),
  EXITCODE_CONFIG: about(opt, {
    description: 'YAML/JSON file: per-channel namespaces ("channels") and default "namespaces".',
  }),
  EXITCODE_POLICY_FILE: about(opt, { description: 'Remediation policy (YAML). Unset: no actions, no buttons.' }),
  EXITCODE_ACTION_TTL: about(duration('how long buttons stay valid', 15 * 60_000), {
    description: 'How long an action button stays valid.',
    default: '15m',
  }),
  EXITCODE_ACTION_SECRET: about(
    opt.refine((text) => text === undefined || text.length >= 32, {
      error: 'expected at least 32 characters (a random key, e.g. `openssl rand -hex 32`), or leave it unset',
    }),
    {
      description: 'HMAC key (32+ characters) for button payloads; share it across replicas.',
      default: 'derived from SLACK_SIGNING_SECRET',
      secret: true,
    },
  ),
  OPENAI_API_KEY: about(opt, { description: 'Model API key: enables explanations by a model.', secret: true }),
  OPENAI_BASE_URL: about(httpUrl('an OpenAI-compatible API base, e.g. http://ollama:11434/v1'), {
    description: 'OpenAI-compatible API base (e.g. a local Ollama).',
    default: 'https://api.openai.com/v1',
  }),
  EXITCODE_MODEL: about(z.string().default('gpt-4o-mini'), { description: 'Model name.', default: 'gpt-4o-mini' }),
  EXITCODE_EXPLAIN_MODE: about(z.enum(EXPLAIN_MODES, { error: 'expected one of off, on-request, auto' }).optional(), {
    description: 'off, on-request (Explain button) or auto (low-confidence diagnoses).',
    default: 'on-request when OPENAI_API_KEY is set, else off',
  }),
  EXITCODE_EXPLAIN_THRESHOLD: about(
    z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return 0.6;
        const value = Number(text);
        if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
          ctx.addIssue({ code: 'custom', message: 'expected a confidence from 0 to 1, such as 0.6' });
          return z.NEVER;
        }
        return value;
      }),
    { description: 'In auto mode, explain diagnoses below this confidence (0..1).', default: '0.6' },
  ),
  EXITCODE_EXPLAIN_ANONYMIZE: about(
    z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return false;
        const value = BOOLEANS[text.toLowerCase()];
        if (value === undefined) {
          ctx.addIssue({ code: 'custom', message: 'expected true or false' });
          return z.NEVER;
        }
        return value;
      }),
    { description: 'Replace names, hosts and addresses before a log goes to the model.', default: 'false' },
  ),
  EXITCODE_EXPLAIN_CACHE_TTL: about(duration('how long an explanation is reused for an identical crash', 60 * 60_000), {
    description: 'How long an explanation is reused for an identical crash.',
    default: '1h',
  }),
  EXITCODE_EXPLAIN_MAX_TOKENS: about(integer('the token budget per explanation', 800, 64, 32_000), {
    description: 'Token budget per explanation (64..32000).',
    default: '800',
  }),
  EXITCODE_EXPLAIN_TIMEOUT: about(duration('the time limit for one explanation', 30_000), {
    description: 'Time limit for one explanation.',
    default: '30s',
  }),
  EXITCODE_SCAN_SCHEDULE: about(cronSchedule('"*/5 * * * *" (every five minutes)'), {
    description: 'Cron expression for the proactive scan (e.g. "*/5 * * * *"). Unset: no scanner.',
  }),
  EXITCODE_SCAN_CHANNEL: about(
    opt.refine((text) => text === undefined || /^[CG][A-Z0-9]{2,}$/.test(text), {
      error: 'expected a Slack channel ID such as C0123ABCD (channel details > About)',
    }),
    { description: 'Channel ID where the scanner posts. Required with EXITCODE_SCAN_SCHEDULE.' },
  ),
  EXITCODE_SCAN_LEASE_NAMESPACE: about(
    opt.refine((text) => text === undefined || NAMESPACE_NAME.test(text), {
      error: 'expected a namespace name (lower-case letters, digits, "-"), normally the bot\'s own namespace',
    }),
    { description: "Namespace of the scanner's Lease.", default: 'the pod\'s own namespace, else "exitcode"' },
  ),
  EXITCODE_SCAN_MIN_RESTARTS: about(integer('restarts before a crash loop is announced', 3, 0, 1000), {
    description:
      'Restarts before the scanner announces a crash-looping container (image and config errors count at once).',
    default: '3',
  }),
  EXITCODE_SCAN_RESOLVE_AFTER: about(duration('how long pods must run healthy to resolve an incident', 10 * 60_000), {
    description: 'How long every pod of an incident must run healthy before its message turns resolved.',
    default: '10m',
  }),
  EXITCODE_SCAN_REOPEN_WITHIN: about(duration('how soon after resolution a crash re-opens the incident', 60 * 60_000), {
    description: 'A crash this soon after resolution re-opens the same incident (no new announcement).',
    default: '1h',
  }),
  EXITCODE_SCAN_IGNORE_NAMESPACES: about(
    opt.refine((text) => text === undefined || text.split(',').every((n) => NAMESPACE_NAME.test(n.trim())), {
      error: 'expected comma-separated namespace names',
    }),
    { description: 'Comma-separated namespaces the scanner never announces.' },
  ),
  EXITCODE_SCAN_IGNORE_SELECTORS: about(
    opt.refine(
      (text) => text === undefined || text.split(';').every((part) => parseLabelSelector(part) !== undefined),
      {
        error: 'expected ";"-separated label selectors such as "team=batch,tier!=web;canary"',
      },
    ),
    { description: 'Pods matching any of these ";"-separated label selectors are never announced.' },
  ),
  EXITCODE_SCAN_DIGEST: about(cronSchedule('"0 9 * * 1-5" (weekdays at nine)'), {
    description: 'Cron expression of a digest of open incidents posted to EXITCODE_SCAN_CHANNEL. Unset: none.',
  }),
  EXITCODE_ALERTMANAGER_TOKEN: about(
    opt.refine((text) => text === undefined || text.length >= 16, {
      error: 'expected at least 16 characters (e.g. `openssl rand -hex 32`), or leave it unset',
    }),
    {
      description: 'Bearer token Alertmanager sends to POST /alertmanager. Unset: no receiver.',
      secret: true,
    },
  ),
  EXITCODE_MAX_CONCURRENT_DIAGNOSES: about(integer('diagnoses running at once', 8, 1, 256), {
    description: 'Diagnoses running at once; the rest wait in a bounded queue.',
    default: '8',
  }),
  EXITCODE_MAX_QUEUED_DIAGNOSES: about(integer('diagnoses waiting for a slot', 32, 0, 10_000), {
    description: 'Diagnoses waiting for a slot; beyond it the person is told the bot is busy.',
    default: '32',
  }),
  EXITCODE_QUEUE_TIMEOUT: about(duration('how long a diagnosis may wait for a slot', 20_000), {
    description: 'How long a diagnosis may wait for a slot before the person is told the bot is busy.',
    default: '20s',
  }),
  EXITCODE_ANALYSIS_THREADS: about(integer('worker threads for log analysis (0: none)', 2, 0, 32), {
    description: 'Worker threads that classify and redact logs off the event loop (0: in the main thread).',
    default: '2',
  }),
  EXITCODE_ANALYSIS_BUDGET: about(duration('the time budget of one log analysis', 10_000), {
    description: 'Time budget of one analysis job; past it the answer is "log too large or too slow to analyse".',
    default: '10s',
  }),
  EXITCODE_SLACK_TIMEOUT: about(duration('the time limit of one Slack Web API call', 10_000), {
    description: 'Time limit of one Slack Web API call attempt (at most three attempts).',
    default: '10s',
  }),
  LOG_LEVEL: about(z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'), {
    description: `Log level: ${LOG_LEVELS.join(', ')}.`,
    default: 'info',
  }),
});

export interface SettingDescription extends SettingInfo {
  name: string;
}

/** Every setting the schema reads, with its description, default and secrecy: the source of `serve --help`. */
export const describeSettings = (): SettingDescription[] =>
  Object.entries(envSchema.shape).map(([name, schema]) => {
    const info = (schema as z.ZodType).meta() as SettingInfo | undefined;
    return {
      name,
      description: info?.description ?? '(undocumented: add about(...) in src/config.ts)',
      ...(info?.default !== undefined ? { default: info.default } : {}),
      ...(info?.secret ? { secret: true } : {}),
    };
  });

/** Settings that only make sense together; checked even when other settings are invalid, so the list is complete. */
const crossChecks = (env: Record<string, string | undefined>): string[] => {
  const problems: string[] = [];
  const mode = env.EXITCODE_EXPLAIN_MODE;
  if ((mode === 'on-request' || mode === 'auto') && env.OPENAI_API_KEY === undefined) {
    problems.push(`OPENAI_API_KEY: required when EXITCODE_EXPLAIN_MODE is ${mode} (or set the mode to off)`);
  }
  if (env.EXITCODE_SCAN_SCHEDULE !== undefined && env.EXITCODE_SCAN_CHANNEL === undefined) {
    problems.push(
      'EXITCODE_SCAN_CHANNEL: required when EXITCODE_SCAN_SCHEDULE is set (the channel ID where the scanner posts)',
    );
  }
  // Alerts open the scanner's incidents; without a scanner every alert would be answered 503 and retried forever.
  if (
    env.EXITCODE_ALERTMANAGER_TOKEN !== undefined &&
    (env.EXITCODE_SCAN_SCHEDULE === undefined || env.EXITCODE_SCAN_CHANNEL === undefined)
  ) {
    problems.push(
      'EXITCODE_ALERTMANAGER_TOKEN: needs the scanner (EXITCODE_SCAN_SCHEDULE and EXITCODE_SCAN_CHANNEL), whose incidents alerts open; set both or unset the token',
    );
  }
  return problems;
};

/** Mounted in every pod with a service account: the namespace the bot runs in. */
export const SERVICE_ACCOUNT_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';
export const DEFAULT_LEASE_NAMESPACE = 'exitcode';

/**
 * The bot's own namespace for the scan Lease: the setting, else the pod's (only read when the scanner
 * is on), else "exitcode" (outside a cluster, e.g. `exitcode serve` on a laptop).
 */
const leaseNamespace = (configured: string | undefined, scannerOn: boolean, readFile: ReadFile): string => {
  if (configured !== undefined) return configured;
  if (!scannerOn) return DEFAULT_LEASE_NAMESPACE;
  try {
    const own = readFile(SERVICE_ACCOUNT_NAMESPACE_FILE).trim();
    return NAMESPACE_NAME.test(own) ? own : DEFAULT_LEASE_NAMESPACE;
  } catch {
    return DEFAULT_LEASE_NAMESPACE;
  }
};

/** Comma list of namespaces; '*' means all. Undefined when the text is not valid. */
const parseNamespaces = (text: string): string[] | undefined => {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) return undefined;
  return names.every((name) => name === '*' || NAMESPACE_NAME.test(name)) ? names : undefined;
};

/** Empty values count as unset: a Kubernetes Secret key that is present but blank is a common slip. */
const normalize = (env: Record<string, string | undefined>): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      value === undefined || value.trim() === '' ? undefined : value.trim(),
    ]),
  );

const NAMESPACES_HINT =
  'required (comma-separated namespaces the bot may read in every channel, e.g. "shop,payments", or "*" for all; or a "namespaces" list in EXITCODE_CONFIG)';

/** Reads an optional settings file named by a variable; its problems join the list, each with the path. */
const readSettingFile = <T>({
  variable,
  path,
  parse,
  readFile,
  problems,
}: {
  variable: string;
  path: string | undefined;
  parse: (text: string) => { value?: T; problems: string[] };
  readFile: ReadFile;
  problems: string[];
}): T | undefined => {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    problems.push(`${variable}: cannot read ${path} (${code}); check the path and that it is mounted`);
    return undefined;
  }
  const result = parse(text);
  for (const problem of result.problems) problems.push(`${variable} (${path}) ${problem}`);
  return result.value;
};

/** Reads and validates every setting; throws ExitcodeError('config_invalid') listing every problem. */
export const loadConfig = (
  rawEnv: Record<string, string | undefined>,
  readFile: ReadFile = (path) => readFileSync(path, 'utf8'),
): Config => {
  const env = normalize(rawEnv);
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
  }
  problems.push(...crossChecks(env));

  const file = readSettingFile({
    variable: 'EXITCODE_CONFIG',
    path: env.EXITCODE_CONFIG,
    parse: parseConfigFile,
    readFile,
    problems,
  });
  // The policy file is read here, not after the cluster connection, so its problems are listed with
  // every other setting's instead of surfacing one restart later.
  const policy = readSettingFile({
    variable: 'EXITCODE_POLICY_FILE',
    path: env.EXITCODE_POLICY_FILE,
    parse: (text) => {
      const { policy: value, problems: found } = parsePolicy(text);
      return value ? { value, problems: found } : { problems: found };
    },
    readFile,
    problems,
  });

  // Logs can carry secrets, so there is no permissive default: an operator states which namespaces
  // the bot may read (or "*"), rather than discovering later that every channel could read kube-system.
  // The environment overrides the file, as usual: a Deployment can widen or narrow one replica set's
  // namespaces without editing the shared ConfigMap.
  let defaultNamespaces: string[] | undefined = file?.namespaces;
  if (env.EXITCODE_NAMESPACES !== undefined) {
    const names = parseNamespaces(env.EXITCODE_NAMESPACES);
    if (names === undefined) {
      problems.push(
        'EXITCODE_NAMESPACES: expected comma-separated namespace names (lower-case letters, digits, "-") or "*"',
      );
    } else {
      defaultNamespaces = names;
    }
  } else if (defaultNamespaces === undefined && file === undefined) {
    problems.push(`EXITCODE_NAMESPACES: ${NAMESPACES_HINT}`);
  }

  if (problems.length > 0 || !parsed.success) {
    throw new ExitcodeError(
      'config_invalid',
      `exitcode cannot start: ${problems.length} setting${problems.length === 1 ? '' : 's'} to fix:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      { problems },
    );
  }
  const e = parsed.data;
  const apiKey = e.OPENAI_API_KEY;
  const mode: ExplainMode = apiKey === undefined ? 'off' : (e.EXITCODE_EXPLAIN_MODE ?? 'on-request');
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL === undefined ? undefined : e.SLACK_API_URL.replace(/\/?$/, '/'),
      port: e.PORT,
    },
    kube: {
      kubeconfigPath: e.KUBECONFIG,
      context: e.EXITCODE_KUBE_CONTEXT,
      clusterName: e.EXITCODE_CLUSTER_NAME,
      ...(e.KUBERNETES_SERVICE_HOST
        ? { inCluster: { host: e.KUBERNETES_SERVICE_HOST, port: e.KUBERNETES_SERVICE_PORT ?? '443' } }
        : {}),
    },
    access: { defaultNamespaces: defaultNamespaces ?? [], channels: file?.channels ?? {} },
    remediation: {
      policyFile: e.EXITCODE_POLICY_FILE,
      ...(policy ? { policy } : {}),
      actionTtlMs: e.EXITCODE_ACTION_TTL,
      // Derived, not reused: the signing secret verifies Slack; a separate key (bound to its purpose)
      // signs our button payloads, so leaking one does not forge the other.
      actionSecret:
        e.EXITCODE_ACTION_SECRET ??
        createHmac('sha256', e.SLACK_SIGNING_SECRET).update('exitcode/action-payload/v1').digest('hex'),
    },
    explain: {
      enabled: mode !== 'off',
      mode,
      apiKey,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.EXITCODE_MODEL,
      threshold: e.EXITCODE_EXPLAIN_THRESHOLD,
      anonymize: e.EXITCODE_EXPLAIN_ANONYMIZE,
      cacheTtlMs: e.EXITCODE_EXPLAIN_CACHE_TTL,
      maxTokens: e.EXITCODE_EXPLAIN_MAX_TOKENS,
      timeoutMs: e.EXITCODE_EXPLAIN_TIMEOUT,
    },
    scanner: {
      schedule: e.EXITCODE_SCAN_SCHEDULE,
      channel: e.EXITCODE_SCAN_CHANNEL,
      leaseNamespace: leaseNamespace(e.EXITCODE_SCAN_LEASE_NAMESPACE, e.EXITCODE_SCAN_SCHEDULE !== undefined, readFile),
      minRestarts: e.EXITCODE_SCAN_MIN_RESTARTS,
      resolveAfterMs: e.EXITCODE_SCAN_RESOLVE_AFTER,
      reopenWithinMs: e.EXITCODE_SCAN_REOPEN_WITHIN,
      ignoreNamespaces: (e.EXITCODE_SCAN_IGNORE_NAMESPACES ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
      ignoreSelectors: (e.EXITCODE_SCAN_IGNORE_SELECTORS ?? '')
        .split(';')
        .map((part) => parseLabelSelector(part))
        .filter((selector): selector is LabelSelector => selector !== undefined),
      ...(e.EXITCODE_SCAN_DIGEST ? { digest: e.EXITCODE_SCAN_DIGEST } : {}),
    },
    alertmanager: { ...(e.EXITCODE_ALERTMANAGER_TOKEN ? { token: e.EXITCODE_ALERTMANAGER_TOKEN } : {}) },
    log: { level: e.LOG_LEVEL },
    work: {
      maxConcurrentDiagnoses: e.EXITCODE_MAX_CONCURRENT_DIAGNOSES,
      maxQueuedDiagnoses: e.EXITCODE_MAX_QUEUED_DIAGNOSES,
      queueTimeoutMs: e.EXITCODE_QUEUE_TIMEOUT,
      analysisThreads: e.EXITCODE_ANALYSIS_THREADS,
      analysisBudgetMs: e.EXITCODE_ANALYSIS_BUDGET,
      slackTimeoutMs: e.EXITCODE_SLACK_TIMEOUT,
    },
  };
};
