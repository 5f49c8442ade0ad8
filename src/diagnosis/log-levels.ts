/**
 * The level a log line was written at: the structured field's word or number, or, on plain text, the
 * upper-case word near the start (postgres "FATAL:", log4j "ERROR [main]", nginx "[emerg]", klog "E0311").
 * A warning is often a retry and counts less; an error or fatal line is where a crash is told.
 */
import type { LogLine } from './types.ts';

const LEVEL_WORDS: Record<string, string> = {
  trace: 'trace',
  debug: 'debug',
  // Kong/OpenResty "[verbose]", winston "verbose": chattier than info.
  verbose: 'debug',
  info: 'info',
  information: 'info',
  notice: 'info',
  note: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  severe: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  panic: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  alert: 'fatal',
};

export const normalizeLevel = (value: unknown): string | undefined => {
  if (typeof value === 'number') {
    // pino/bunyan numeric levels
    if (value >= 60) return 'fatal';
    if (value >= 50) return 'error';
    if (value >= 40) return 'warn';
    if (value >= 30) return 'info';
    if (value >= 20) return 'debug';
    return 'trace';
  }
  if (typeof value !== 'string') return undefined;
  return LEVEL_WORDS[value.trim().toLowerCase()];
};

// Upper-case level words near the start (postgres "FATAL:", log4j "ERROR [main]", nginx "[emerg]",
// mysql "[ERROR]", logfmt "level=error", celery "ERROR/MainProcess").
const PLAIN_LEVEL =
  /(?:^|[\s[|(:])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|FATAL|CRITICAL|CRIT|PANIC|EMERG|ALERT)(?=[\]\s:|)/,]|$)/;
const BRACKET_LEVEL = /\[(trace|debug|verbose|info|notice|note|warn|warning|error|crit|alert|emerg|fatal|critical)\]/i;
// A key of its own: "--log-level=debug" in a rejected command line or "app.level=info" in a dump is a
// value the line talks about, not the line's level.
const KV_LEVEL = /(?<![\w.-])(?:level|lvl|severity)=["']?([A-Za-z]{3,9})/i;

// glog/klog's one-letter severity (Kubernetes components, TensorFlow, gRPC C++): "E0311 09:12:44.102311
// 1 reflector.go:138] ..." or TensorFlow's "2024-03-11 09:12:44.102311: W tensorflow/.../dso_loader.cc:64] ...".
const GLOG_LEVEL =
  /^(?:([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{1,9} {1,12}\d{1,10} |\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,9}: ([IWEF]) )[\w./-]{1,300}:\d{1,6}\] /;
const GLOG_LETTERS: Record<string, string> = { I: 'info', W: 'warn', E: 'error', F: 'fatal' };

export const plainLevel = (text: string): string | undefined => {
  const glog = GLOG_LEVEL.exec(text);
  if (glog) return GLOG_LETTERS[glog[1] ?? glog[2] ?? ''];
  const head = text.slice(0, 100);
  const kv = KV_LEVEL.exec(head);
  if (kv) return normalizeLevel(kv[1]);
  const bracket = BRACKET_LEVEL.exec(head);
  if (bracket) return normalizeLevel(bracket[1]);
  const word = PLAIN_LEVEL.exec(head);
  if (word) return normalizeLevel(word[1]);
  return undefined;
};

const ERROR_LOOKING =
  /\b(?:[Ee]rror|ERROR|[Ee]xception|EXCEPTION|[Ff]atal|FATAL|[Pp]anic|PANIC|[Ff]ailed|FAILED|Traceback|[Cc]ritical|CRITICAL|[Dd]enied|[Rr]efused|[Aa]bort)/;

/** A line that reads as an error: logged at error or fatal level, or carrying an error word. */
export const errorLooking = (line: LogLine): boolean =>
  line.level === 'error' || line.level === 'fatal' || ERROR_LOOKING.test(line.text);
