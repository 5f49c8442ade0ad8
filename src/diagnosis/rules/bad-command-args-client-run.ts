/**
 * bad_command_args read from a server's container that ran its own client: the args replaced the image's
 * default subcommand ("serve", "server", "agent"), so the container ran a client command ("ollama run
 * llama3", "redis-cli ping", "psql") that looks for the server the container was meant to be, finds
 * nothing local and exits. The client names the server by the container's own name and asks whether it
 * is running, or dials a local address: "could not connect to ollama app, is it running?", "Could not
 * connect to Redis at 127.0.0.1:6379", "Cannot connect to the Docker daemon ... Is the docker daemon
 * running?" in a container named docker. A dependency of another name refused is dependency_unreachable's.
 * A release's remote-call subcommand reads the same without naming a container: Elixir "bin/app rpc
 * 'Migrator.run()'" in an init container or Job says "--rpc-eval : RPC failed with reason :nodedown" (rpc
 * dials the running release node; `eval` runs the code in a fresh VM), relx/rebar3 releases "Node
 * 'app@host' not responding to pings." (Read here, not as a signature: the line starts like an option.)
 */
import type { RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { finding, logEvidence, statusEvidence } from './log-helpers.ts';

const CONNECT_FAILURE =
  /\b(?:[Cc]ould not|[Cc]ouldn't|[Cc]an't|[Cc]annot|[Uu]nable to|[Ff]ailed to) connect to\b|\b[Cc]onnection (?:refused|failed)\b|\bconnection to server\b/;
// The client says the server should be here: it asks whether it runs, or dials this pod's own address.
const LOCAL_SERVER =
  /\b(?:[Ii]s it running|[Ii]s the [\w -]{1,40} running|not running)\b|\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\[::1\]|\bunix:\/\/|\bon socket\b/;
const REMOTE_CALL_WITHOUT_RUNNING_NODE =
  /\bRPC (?:call )?failed with reason :?nodedown\b|\bNode '?[\w.-]{1,60}@[\w.-]{1,100}'? (?:is )?not responding to pings\b/;

const remoteCallWithoutNode = (ctx: RuleContext, steps: string[]): Finding | null => {
  const line = ctx.log.lines.find((l) => REMOTE_CALL_WITHOUT_RUNNING_NODE.test(l.text));
  if (!line) return null;
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title: "The command calls into a running release node (rpc) where none runs: a one-shot task needs 'eval'",
    // A release node that crashed or lost its cookie answers nodedown too, so this stays below the confident band.
    confidence: 0.76,
    evidence: [...logEvidence([line]), ...statusEvidence(ctx)],
    steps,
  });
};

// Container names that are roles, not products: "could not connect to server" there names another pod.
const GENERIC_NAMES = new Set(['app', 'api', 'web', 'server', 'main', 'backend', 'frontend', 'worker', 'service']);

const containerNames = (ctx: RuleContext): string[] => {
  const names = [ctx.container?.name, ctx.target.container, ...ctx.events.map((e) => e.container)];
  return [...new Set(names.filter((n): n is string => n !== undefined && n.length >= 3 && !GENERIC_NAMES.has(n)))];
};

// The name must be what the client failed to reach (right after "connect to"): a logger or module named
// like the container earlier in the line ("mlflow.store: connection to server ... failed") is the app itself.
const namesServer = (text: string, name: string): boolean => {
  const connect = CONNECT_FAILURE.exec(text);
  if (!connect) return false;
  const from = connect.index + connect[0].length;
  const lower = text.slice(from, from + 40).toLowerCase();
  const at = lower.indexOf(name.toLowerCase());
  if (at < 0) return false;
  return !/[a-z0-9_-]/.test(lower[at - 1] ?? '') && !/[a-z0-9_]/.test(lower[at + name.length] ?? '');
};

export const clientRunInServerContainer = (ctx: RuleContext, steps: string[]): Finding | null => {
  const names = containerNames(ctx);
  if (names.length === 0) return remoteCallWithoutNode(ctx, steps);
  const line = ctx.log.lines.find((l) => LOCAL_SERVER.test(l.text) && names.some((n) => namesServer(l.text, n)));
  if (!line) return remoteCallWithoutNode(ctx, steps);
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title:
      "The container ran a client looking for its own server: the args replaced the image's server subcommand (serve/server)",
    // A sidecar or init step of the same product that dials a server on localhost reads the same, so this
    // stays below the confident band; it outranks the plain "dependency refused" reading.
    confidence: 0.72,
    evidence: [...logEvidence([line]), ...statusEvidence(ctx)],
    steps,
  });
};
