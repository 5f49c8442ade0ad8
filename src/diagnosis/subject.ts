/**
 * The subject a finding's evidence names (the variable, the module, the file, host:port, image:tag, the
 * memory limit) and a short headline built around it: "STRIPE_API_KEY is not set" rather than "A
 * required environment variable is not set". One line in Slack or a terminal can then say what to fix.
 * Pure; every pattern is bounded so the search stays linear on hostile text.
 */
import type { RuleContext } from './rule.ts';
import { hostIn } from './rules/dns-resolution-failure.ts';
import { missingCommandName } from './rules/command-not-found.ts';
import type { CategoryId } from './taxonomy.ts';
import type { Finding } from './types.ts';

export interface Subject {
  /** The thing the evidence names, as it appears there. */
  subject: string;
  /** Short, without a final period: what the one-line message says after the pod name. */
  headline: string;
}

type Extract = (texts: readonly string[], ctx: RuleContext) => Subject | null;

/** The first capture of the first pattern that matches any text, in evidence order. */
const first = (texts: readonly string[], patterns: readonly RegExp[]): { value: string; index: number } | null => {
  for (const text of texts) {
    for (let index = 0; index < patterns.length; index++) {
      const value = patterns[index]!.exec(text)?.[1];
      if (value) return { value, index };
    }
  }
  return null;
};

// An upper-case name with at least one underscore (STRIPE_API_KEY), or one the message calls a variable.
const ENV_PATTERNS = [
  /\b(?:variable|var|key|ENV\[|getenv\(|environ\[)\W{0,3}([A-Z][A-Z0-9]{0,40}(?:_[A-Z0-9]{1,40}){0,8})\b/,
  /\b([A-Z][A-Z0-9]{0,40}(?:_[A-Z0-9]{1,40}){1,8})\b/,
  /-e ([A-Z][A-Z0-9_]{1,60})=/,
];
const NOT_VARIABLES = new Set(['HTTP', 'ERROR', 'FATAL', 'INFO', 'WARN', 'DEBUG', 'NULL', 'TRUE', 'FALSE', 'NONE']);

// Error codes share the shape of a variable name (ERR_INVALID_ARG_TYPE, NO_SECRET, SQLSTATE_...).
const ERROR_CODE = /^(?:ERR|NO|SQLSTATE|WSA|SIG|EAI)_/;

const envVar: Extract = (texts) => {
  for (const text of texts) {
    for (const pattern of ENV_PATTERNS) {
      const name = pattern.exec(text)?.[1];
      if (name && !NOT_VARIABLES.has(name) && !ERROR_CODE.test(name))
        return { subject: name, headline: `${name} is not set` };
    }
  }
  return null;
};

// Each package manager's wording, with the ecosystem it speaks for.
const MODULE_PATTERNS: { pattern: RegExp; kind: string }[] = [
  { pattern: /Cannot find (?:module|package) ['"]([^'"\s./][^'"\s]{0,200})['"]/, kind: 'Node.js module' },
  { pattern: /No module named ['"]([\w.]{1,200})['"]/, kind: 'Python module' },
  { pattern: /DistributionNotFound: The '([^']{1,200})' distribution/, kind: 'Python package' },
  { pattern: /Could not find gem '([^'\s]{1,100})/, kind: 'Ruby gem' },
  { pattern: /cannot load such file -- ([^\s]{1,200})/, kind: 'Ruby library' },
  { pattern: /Can't locate ([^\s]{1,200})\.pm in @INC/, kind: 'Perl module' },
  { pattern: /npm package '([^']{1,200})' does not exist/, kind: 'npm package' },
  { pattern: /Could not find artifact ([^\s]{1,200})/, kind: 'Maven artifact' },
  {
    pattern: /(?:module providing package|cannot find package|provides package) "?([\w./-]{1,200})/,
    kind: 'Go package',
  },
  { pattern: /(?:NoClassDefFoundError|ClassNotFoundException):? ([\w./$]{1,200})/, kind: 'Java class' },
  { pattern: /Could not load file or assembly '([^',]{1,200})/, kind: '.NET assembly' },
];

/** The word after `marker`, when `suffix` follows it: string search, so nothing rescans the line. */
const wordBetween = (text: string, marker: string, suffix: string): string | undefined => {
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  const rest = text.slice(at + marker.length);
  const word = rest.split(/[\s'"]/, 1)[0] ?? '';
  return word.length > 0 && word.length <= 200 && rest.slice(word.length).startsWith(suffix) ? word : undefined;
};

/** "(2.1.4)" after the name: up to the closing parenthesis, when it is short and has no space. */
const versionAfter = (text: string, marker: string): string | undefined => {
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  const rest = text.slice(at + marker.length, at + marker.length + 41);
  const end = rest.indexOf(')');
  const version = end > 0 ? rest.slice(0, end) : '';
  return version && !/\s/.test(version) ? version : undefined;
};

// Lockfile wording where the name sits between fixed words.
const LOCKED: { marker: string; suffixes: string[]; kind: string }[] = [
  { marker: 'Missing: ', suffixes: [' from lock file'], kind: 'npm package' },
  { marker: 'Could not find ', suffixes: [' in any of the sources', ' in locally installed gems'], kind: 'Ruby gem' },
  { marker: "Could not find '", suffixes: ["' ("], kind: 'Ruby gem' },
];

const lockedName = (texts: readonly string[]): Subject | null => {
  for (const text of texts) {
    for (const { marker, suffixes, kind } of LOCKED) {
      const name = suffixes.map((suffix) => wordBetween(text, marker, suffix)).find((n) => n !== undefined);
      if (!name) continue;
      // Bundler names the pinned version too: "Could not find 'bundler' (2.1.4) required by ...".
      const version = marker.endsWith("'") ? versionAfter(text, `${name}' (`) : undefined;
      const subject = version ? `${name} ${version}` : name;
      return { subject, headline: `${kind} \`${subject}\` is not installed` };
    }
  }
  return null;
};

const moduleName: Extract = (texts) => {
  const locked = lockedName(texts);
  if (locked) return locked;
  for (const text of texts) {
    for (const { pattern, kind } of MODULE_PATTERNS) {
      const match = pattern.exec(text);
      if (!match?.[1]) continue;
      const name = match[2] ? `${match[1]} ${match[2]}` : match[1];
      return { subject: name, headline: `${kind} \`${name}\` is not installed` };
    }
  }
  return null;
};

const PATH = /(?:^|[\s'"`(=:])(\/[\w.@+-]{1,100}(?:\/[\w.@+-]{1,100}){0,20})/g;
// A shell names itself first ("/bin/sh: 1: /code/run.sh: Permission denied"): it is not the subject.
const SHELL = /^\/(?:usr\/)?(?:local\/)?bin\/(?:[a-z]{0,4}sh|env)$/;

const pathIn = (texts: readonly string[]): string | undefined => {
  for (const text of texts) {
    const found = [...text.matchAll(PATH)].map((m) => m[1]!).find((p) => !SHELL.test(p));
    if (found) return found;
  }
  return undefined;
};

const path =
  (headline: (path: string) => string): Extract =>
  (texts) => {
    const found = pathIn(texts);
    return found ? { subject: found, headline: headline(found) } : null;
  };

// host:port where a host is a name with a letter, an IPv4 address or a bracketed IPv6 one (not a time).
const ADDRESS =
  /(?:^|[\s'"([@/])((?:[a-z][\w-]{0,62}(?:\.[\w-]{1,63}){0,8}|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]{2,40}\]):\d{2,5})\b/i;
// Source positions (consumer.py:493) and error codes (errno:111) look like host:port too.
const NOT_ADDRESS =
  /\.(?:py|js|mjs|cjs|ts|rb|go|java|kt|scala|ex|exs|erl|cs|php|rs|c|cc|cpp|h)$|^(?:errno|code|line|status|pid)\b/i;

const addressIn = (text: string): string | undefined => {
  const found = ADDRESS.exec(text)?.[1];
  return found !== undefined && !NOT_ADDRESS.test(found.replace(/:\d{2,5}$/, '')) ? found : undefined;
};

const hostPort: Extract = (texts) => {
  const found = texts.map(addressIn).find((a) => a !== undefined);
  return found ? { subject: found, headline: `Cannot connect to ${found}` } : null;
};

const dnsHost: Extract = (texts) => {
  const host = texts.map((t) => hostIn(t)).find((h) => h !== undefined);
  return host ? { subject: host, headline: `Host name ${host} does not resolve` } : null;
};

const IMAGE = /\b(?:image|Image) "?([\w./-]{1,200}(?::[\w.-]{1,128})?(?:@sha256:[a-f0-9]{12,64})?)"?/;
const imageName: Extract = (texts, ctx) => {
  const image = first(texts, [IMAGE])?.value ?? ctx.container?.image;
  return image ? { subject: image, headline: `Image ${image} cannot be pulled` } : null;
};

const memoryLimit: Extract = (_texts, ctx) => {
  const limit = ctx.container?.resources.limits.memory;
  return limit ? { subject: limit, headline: `OOMKilled at its ${limit} memory limit` } : null;
};

const PORT = /\bport[ =:[(]{1,3}(\d{2,5})\b/i;
const port: Extract = (texts) => {
  const found =
    first(texts, [PORT])?.value ??
    texts
      .map(addressIn)
      .find((a) => a !== undefined)
      ?.replace(/^.*:/, '');
  return found ? { subject: found, headline: `Port ${found} is already in use` } : null;
};

// Whole tokens only, tested anchored: a library name is one word of the message.
const LIBRARY = /^(?:lib[\w+.-]{0,100}\.so(?:\.[\w.]{1,20})?|ld-(?:linux|musl)[\w.-]{1,40})$/;
const TOKEN_BREAK = /[\s:'"`(),]+/;
const library: Extract = (texts) => {
  const found = texts.flatMap((t) => t.split(TOKEN_BREAK)).find((token) => token.length <= 160 && LIBRARY.test(token));
  return found ? { subject: found, headline: `Shared library ${found} is missing from the image` } : null;
};

const command: Extract = (texts) => {
  const name = texts.map((t) => missingCommandName(t)).find((n) => n !== undefined);
  return name ? { subject: name, headline: `Command \`${name}\` is not in the image` } : null;
};

const USER = /\bfor user ['"]?([\w.@-]{1,100})/;
const user: Extract = (texts) => {
  const found = first(texts, [USER]);
  return found ? { subject: found.value, headline: `The credentials of user ${found.value} were rejected` } : null;
};

const REFERENCE = /\b(configmap|secret)s? "([\w.-]{1,253})" not found/i;
const reference: Extract = (texts) => {
  for (const text of texts) {
    const match = REFERENCE.exec(text);
    if (match?.[1] && match[2]) {
      const kind = match[1].toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap';
      return { subject: match[2], headline: `${kind} ${match[2]} does not exist` };
    }
  }
  return null;
};

const EXTRACTORS: Partial<Record<CategoryId, Extract>> = {
  missing_env_var: envVar,
  missing_dependency: moduleName,
  missing_file: path((p) => `${p} is missing from the container`),
  read_only_filesystem: path((p) => `${p} is on a read-only filesystem`),
  permission_denied: path((p) => `Permission denied on ${p}`),
  exec_permission_denied: path((p) => `${p} is not executable`),
  script_crlf_line_endings: path((p) => `${p} has Windows (CRLF) line endings`),
  disk_full: path((p) => `No space left on ${p}`),
  dependency_unreachable: hostPort,
  dns_resolution_failure: dnsHost,
  image_pull_failure: imageName,
  oom_killed: memoryLimit,
  port_in_use: port,
  missing_shared_library: library,
  command_not_found: command,
  auth_failure: user,
  missing_config_reference: reference,
};

/** The subject and headline for a finding, or null when its evidence names nothing specific. */
export const subjectOf = (finding: Finding, ctx: RuleContext): Subject | null => {
  const extract = EXTRACTORS[finding.category];
  if (!extract) return null;
  const texts = finding.evidence.map((e) => e.text);
  try {
    return extract(texts, ctx);
  } catch {
    return null;
  }
};
