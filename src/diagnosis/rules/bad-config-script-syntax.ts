/**
 * bad_config's readings of a configuration written in a scripting language that does not compile. Lua is the
 * configuration language of dnsdist, the PowerDNS Recursor (recursor.lua, lua-config-file), Knot Resolver
 * (kresd.conf) and Prosody (prosody.cfg.lua): a Helm or ConfigMap edit that drops a brace, a comma or a quote
 * stops the server at load. config-parse-clues.ts lists these among the parse signatures.
 */
import type { Signature } from './log-helpers.ts';

// Lua's own syntax messages ("'}' expected (to close '{' at line 11) near 'newServer'", "'=' expected near
// 'x'", "unexpected symbol near", "unfinished string near") after the chunk's name and line. The chunk is a
// config when its name says so (a .conf or .cfg file, a *config*.lua) or when it was loaded from a string
// ([string "chunk"]: the server read its config file into memory); app code in a plain handler.lua is not.
const LUA_SYNTAX =
  /(?:\[string "[^"\n]{0,120}"\]|\.(?:conf|cfg|cfg\.lua)|config[\w-]{0,40}\.lua):\d{1,6}: (?:'[^'\n]{1,12}' expected(?: \(to close '[^'\n]{1,12}' at line \d{1,6}\))? near\b|unexpected symbol near\b|unfinished (?:long )?(?:string|comment) near\b|malformed number near\b)/;

export const SCRIPT_CONFIG_SIGNATURES: Signature[] = [
  {
    all: [LUA_SYNTAX],
    confidence: 0.78,
    title: 'The configuration, written in Lua, does not parse (an unclosed brace, a missing comma or quote)',
    not: /[Nn]o such file|[Pp]ermission denied|cannot open /,
  },
];
