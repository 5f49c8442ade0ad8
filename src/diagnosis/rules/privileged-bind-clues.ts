/**
 * A bind of a privileged port (below 1024) that the log shows denied: non-root-port's reading, which
 * port-in-use also reads to step back (its "could not bind" words are then a consequence). Shared here
 * because a rule file may not import another rule file.
 */
import type { RuleContext } from '../rule.ts';
import type { LogLine } from '../types.ts';

// Jupyter Server, Notebook and Voila (Tornado) word EACCES on a port as "Permission to listen on port 80 denied".
const DENIED = /permission denied|\bEACCES\b|\bPermission to (?:listen|bind) on port \d{1,5} denied\b/i;
const BIND = /\b(bind|listen|make_sock|BindException)\b/i;
// A bind failure whose errno is on a line below, as the exception's cause (Java "Failed to bind to /0.0.0.0:80"
// then "Caused by: java.net.SocketException: Permission denied", .NET Kestrel "Failed to bind to address
// http://[::]:80" then "---> System.Net.Sockets.SocketException (13): Permission denied").
const BIND_FAILED =
  /\b(?:[Ff]ailed|[Uu]nable|[Cc]ould not|[Cc]annot|[Cc]an't) (?:to )?bind\b|\b[Ee]rror (?:while )?binding\b/;
const CAUSE_DENIED =
  /^\s{0,12}(?:Caused by: |---> |\+\s)?[\w.$]{0,120}(?:Exception|Error)(?: \(13\))?: [Pp]ermission denied\b/;
const CAUSE_WINDOW = 12;

/** The port a bind error names: `0.0.0.0:80`, `[::]:443`, `('0.0.0.0', 80)`, `port 80`. */
export const boundPort = (text: string): number | undefined => {
  const patterns = [
    /\(['"][^'"]*['"],\s*(\d{1,5})\)/,
    /(?:port\s+)(\d{1,5})\b/i,
    /(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|\]|\btcp[46]?|\blocalhost|\*)\s?:(\d{1,5})\b/,
  ];
  for (const pattern of patterns) {
    const found = pattern.exec(text)?.[1];
    if (found) return Number(found);
  }
  return undefined;
};

/** A bind of a port below 1024 that the log shows denied (on its line, or by its cause a few lines below). */
export const deniedPrivilegedBind = (ctx: RuleContext): { line: LogLine; port: number } | undefined => {
  const lines = ctx.log.lines;
  const lowDeclared = ctx.container?.ports.find((p) => p.containerPort < 1024)?.containerPort;
  const sameLine = lines.find((line) => BIND.test(line.text) && DENIED.test(line.text));
  const causedBelow = (i: number) => lines.slice(i + 1, i + 1 + CAUSE_WINDOW).some((l) => CAUSE_DENIED.test(l.text));
  const bindError =
    sameLine ??
    lines.find((line, i) => BIND_FAILED.test(line.text) && (boundPort(line.text) ?? 1024) < 1024 && causedBelow(i));
  if (!bindError) return undefined;
  const port = boundPort(bindError.text) ?? lowDeclared;
  return port === undefined || port >= 1024 ? undefined : { line: bindError, port };
};
