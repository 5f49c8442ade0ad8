/**
 * missing_env_var read from a value that an unset variable expanded to nothing, where the program then
 * complains about that empty value (not a rule itself: the missing-env-var rule asks it). A start script
 * writes `gunicorn --bind 0.0.0.0:$PORT`, `java -Xms${MEMORY}`, `--log-level "$LOG_LEVEL"`; with the
 * variable unset the parser quotes an empty value ('' is not a valid port number), or names the option
 * with nothing after it (Invalid initial heap size: -Xms). Nobody writes an empty value by hand; a value
 * that is present but wrong ('8000x' is not a valid port, -Xmx4gb) is a bad argument or config.
 *
 * The same module reads a CLI whose required connection option is absent in clap's words, listed on the
 * lines after "the following required arguments were not provided" (sqlx and sea-orm-cli's
 * `--database-url <DATABASE_URL>`, a `--redis-url`, an `--api-token`): such tools take that value from an
 * environment variable of the same name in a container, and nobody types a database URL into a command.
 * A required option of another kind (`--source`, an input file) stays a bad command.
 */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import type { Finding, LogLine } from '../types.ts';
import { finding, logEvidence, matchSignatures, type Signature, statusEvidence } from './log-helpers.ts';

// gunicorn "Error: '' is not a valid port number.", click "Invalid value for '--port': '' is not a valid
// integer." / "'' is not one of 'debug', 'info'", Node's "ERR_SOCKET_BAD_PORT ... Received type string
// ('')", Go's "invalid value \"\" for flag -port": the parser quotes the value it got, and it is empty.
const EMPTY_VALUE_QUOTED: Signature = {
  all: [
    /(?:^|[\s:(])(?:''|"") is not (?:an? )?(?:valid|legal) (?:port(?: number)?|integer|int|number|float|address|host(?:name)?|URL|URI|IP(?: address)?|duration|bool(?:ean)?|value|choice|log level|level)\b|(?:^|[\s:(])(?:''|"") is not one of ['"‘]|\bReceived type string \(''\)|\binvalid value "" for flag -{1,2}[\w.-]{1,40}/,
  ],
  confidence: 0.8,
  title: 'A command-line value arrived empty: the variable it is expanded from is not set',
};

// HotSpot's size options with nothing after them: "Invalid initial heap size: -Xms", "Invalid maximum heap
// size: -Xmx", "Invalid thread stack size: -Xss", "Invalid maximum direct memory size:
// -XX:MaxDirectMemorySize=", and "Improperly specified VM option 'MaxRAMPercentage='". A script's
// -Xmx${MEMORY} with MEMORY unset; a size with a bad unit (-Xmx4gb) names its value and is a bad argument.
const EMPTY_JVM_SIZE: Signature = {
  all: [
    /\bInvalid [a-z ]{3,40} size: -X(?:m[sxn]|ss|X:[A-Za-z]{3,40}=)\s*$|\bImproperly specified VM option '[A-Za-z]{3,40}='$/,
  ],
  confidence: 0.86,
  title: 'A JVM size option arrived with no value: the variable the start script expands into it is not set',
};

const SIGNATURES: readonly Signature[] = [EMPTY_VALUE_QUOTED, EMPTY_JVM_SIZE];

// clap: "error: the following required arguments were not provided:" (clap 2/3: "The following ..."),
// then one indented line per absent argument.
const CLAP_REQUIRED = /\berror: [Tt]he following required arguments were not provided:?\s*$/;
// An absent option that carries a connection string or a secret.
const CONNECTION_OPTION =
  /^\s{1,12}(?:-[A-Za-z], )?--(?:(?:database|db|redis|postgres(?:ql)?|pg|mysql|mongo(?:db)?|amqp|broker|rabbitmq|nats|kafka|cache|queue|clickhouse|elasticsearch)-(?:url|uri|dsn|address|addr)|dsn|connection-string|conn-str|(?:api|auth|access)-(?:key|token)|api-token|token|password|secret-key)(?:[ =]<[\w-]{1,40}>)?\s*$/;
const LISTED = 6;

const requiredConnectionOption = (ctx: RuleContext): { header: LogLine; option: LogLine } | null => {
  const lines = ctx.log.lines;
  const at = lines.findIndex((l) => CLAP_REQUIRED.test(l.text));
  if (at < 0) return null;
  for (let i = at + 1; i < Math.min(lines.length, at + 1 + LISTED); i++) {
    const text = lines[i]!.text;
    if (CONNECTION_OPTION.test(text)) return { header: lines[at]!, option: lines[i]! };
    if (text.trim() !== '' && !/^\s/.test(text)) break;
  }
  return null;
};

const STEPS = (ctx: RuleContext): string[] => [
  `See which variables the container gets: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].env[*].name} {.spec.containers[*].envFrom}')}`,
  "Find the variable the command expands (or the CLI reads) for that value, and set it in this container (an init container or Job does not inherit the app container's env)",
];

/** A value an unset variable left empty, as the program that rejected it says; null when none is seen. */
export const expandedEmptyValue = (ctx: RuleContext): Finding | null => {
  const hit = matchSignatures(ctx, SIGNATURES);
  if (hit) {
    return finding(ctx, {
      ruleId: 'missing-env-var',
      category: 'missing_env_var',
      title: hit.signature.title,
      confidence: hit.confidence,
      evidence: [...logEvidence([hit.line, ...hit.lines]), ...statusEvidence(ctx)],
      steps: STEPS(ctx),
    });
  }
  const absent = requiredConnectionOption(ctx);
  if (!absent) return null;
  return finding(ctx, {
    ruleId: 'missing-env-var',
    category: 'missing_env_var',
    title: 'A required connection or secret option was not given: the variable the CLI reads it from is not set',
    // The command could also be written without it; the kind of value is what tips it to the variable.
    confidence: 0.7,
    evidence: [...logEvidence([absent.header, absent.option]), ...statusEvidence(ctx)],
    steps: STEPS(ctx),
  });
};
