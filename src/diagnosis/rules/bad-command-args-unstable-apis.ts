/**
 * bad_command_args: a runtime API that exists only when the command turns it on. Deno keeps its unstable
 * APIs (KV, cron, datagram sockets, custom HTTP clients, FFI) off unless `deno run` gets the matching
 * --unstable-* flag (or --unstable in 1.x): the code then finds the function missing, in every release
 * that has it. The same code under a task or command that passes the flag runs, so the command is what
 * differs. An API that a release added or removed (Deno.serve before 1.35, Deno.run in 2.0) is the
 * runtime's version, not this.
 */
import type { Signature } from './log-helpers.ts';

export const UNSTABLE_API_WITHOUT_FLAG: Signature = {
  all: [
    /\bDeno\.(?:openKv|Kv|AtomicOperation|KvU64|cron|listenDatagram|createHttpClient|dlopen|UnsafePointer|UnsafePointerView|UnsafeCallback|UnsafeFnPointer|umask)\)? is not a (?:function|constructor)\b|\bUnstable API ['"`]Deno\.[\w.]{1,60}['"`]\. The [`'"]?--unstable(?:-[a-z-]{2,30})?[`'"]? flag must be provided\b|\bThe [`'"]?--unstable(?:-[a-z-]{2,30})?[`'"]? flag must be provided\b/,
  ],
  confidence: 0.82,
  title: 'The code uses a Deno API that the command does not enable (an --unstable-* flag is missing)',
};
