/**
 * bad_command_args read from node's own option parser: `node: bad option: --x` for a flag on the command
 * line, `node: --x is not allowed in NODE_OPTIONS` for one in the NODE_OPTIONS variable. Both name a flag
 * this node does not accept. When that flag is one a newer Node added (a feature flag, or the OpenSSL 3
 * switches that came with Node 17), the image's Node is older than the one the flags were written for:
 * runtime_version_mismatch reads that first, so the bad-args reading steps back to a weak second one.
 */
import type { Signature } from './log-helpers.ts';
import { NEWER_NODE_BUILTIN_OR_FLAG } from './version-clues.ts';

const NODE_REJECTS_OPTION = /\bnode: bad option: |\bnode: --[^\s]+ is not allowed/;

// Flags only a newer Node knows, in either wording. Node 16 and older reject every unknown NODE_OPTIONS
// flag as "not allowed", so only the flag's name tells a version gap from a typo. The shared clue covers
// the command-line feature flags; this adds the NODE_OPTIONS wording and the OpenSSL 3 switches
// (--openssl-legacy-provider, Node 17; --openssl-shared-config, Node 18.5), which builds add for webpack 4.
const NEWER_NODE_FLAG_IN_OPTIONS =
  /\bnode: (?:bad option: )?--(?:openssl-legacy-provider|openssl-shared-config|no-experimental-fetch|no-experimental-global-webcrypto|experimental-(?:strip-types|transform-types|sqlite|require-module|detect-module|permission|default-type|websocket|eventsource|webstorage)|env-file(?:-if-exists)?|watch(?:-path|-preserve-output)?|import|permission|disable-warning)(?![\w-])/;

export const namesNewerNodeFlag = (text: string): boolean => NEWER_NODE_FLAG_IN_OPTIONS.test(text);

export const NODE_UNKNOWN_OPTION: Signature = {
  all: [NODE_REJECTS_OPTION],
  confidence: 0.9,
  title: 'node does not know an option it was given',
  not: NEWER_NODE_BUILTIN_OR_FLAG,
};

// A feature flag that a newer Node has (--experimental-sqlite, --env-file, --watch, --import...): the
// image's Node is older than the one the command was written for (runtime_version_mismatch reads the same
// clue first); the command itself may still be wrong, so a weak second reading.
export const NODE_NEWER_FEATURE_FLAG: Signature = {
  all: [NEWER_NODE_BUILTIN_OR_FLAG, NODE_REJECTS_OPTION],
  confidence: 0.55,
  title: "node does not know a feature flag: the command may be written for a newer Node than the image's",
};
