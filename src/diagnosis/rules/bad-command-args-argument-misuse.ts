/**
 * bad_command_args read where the program names no bad flag but shows that an argument went to the
 * wrong place: an argparse-style "<prog>: error:" about how the arguments are laid out, a mode or
 * subcommand that this release removed, and a path handed to an option that takes the config's CONTENT
 * (the parser then echoes the path as the document it could not read).
 */
import type { Signature } from './log-helpers.ts';

// argparse and optparse (and tools built on them: Scrapy, Ansible, many Python CLIs) end with
// "<prog>: error: <why>" when argv does not fit, in wordings other parsers' rules do not cover: "crawl:
// error: running 'scrapy crawl' with more than one spider is not supported" (a stray value read as a
// second positional), "error: too few arguments", optparse "error: no such option: -x", "error: option
// --port: invalid integer value: 'x'", "error: -f option requires 1 argument". A compiler's "cc1: error:"
// is a build step, and make's or npm's "error:" is not about the container's argv.
const PARSER_ERROR_LINE: Signature = {
  all: [
    /^[a-z][\w.-]{0,60}: error: (?:too few arguments\b|no such option: -|option -{1,2}[\w-]{1,40}: invalid [\w ]{1,30} value\b|-{1,2}[\w-]{1,40} option requires (?:an|\d{1,2}) arguments?\b|[^\n]{0,160}\bwith more than one [\w-]{1,40} is not supported\b)/,
  ],
  confidence: 0.86,
  title: 'The program rejects how its arguments are laid out (an extra positional, a missing option value)',
  not: /^(?:cc1(?:plus)?|gcc|g\+\+|clang(?:\+\+)?|nvcc|rustc|ld|make|npm|yarn|pnpm|curl): error: /,
};

// A mode or subcommand the running release no longer has, named by the program: MinIO "Gateway is
// deprecated, To continue to use Gateway please use releases no later than 'RELEASE...'", "the 'init'
// subcommand has been removed", "command 'serve' was removed in 3.0", "subcommand legacy-run is no longer
// supported". The args were written for an older release; the image moved on.
const REMOVED_SUBCOMMAND: Signature = {
  all: [
    /\b[Tt]o continue to use [\w-]{1,40},? please use (?:releases|versions?|an? (?:older )?release) (?:no later than|older than|before|prior to)\b|\b(?:[Ss]ub)?[Cc]ommand [`'"]?[a-z][\w-]{1,40}[`'"]? (?:was|has been|is) (?:removed|dropped|no longer (?:supported|available))\b|\b[Tt]he [`'"]?[a-z][\w-]{1,40}[`'"]? (?:sub)?command (?:was|has been|is) (?:removed|dropped|no longer (?:supported|available))\b/,
  ],
  confidence: 0.8,
  title: 'The command runs a subcommand or mode that this release of the program removed',
  not: /\bERR\b|\bSQL\b|\bquery\b/,
};

// A config parser that was given a file PATH where it takes the document itself echoes the path as the
// content it failed to read: Envoy "--config-yaml /etc/envoy/envoy.yaml" gives "Unable to parse JSON as
// proto (... non-object value): "/etc/envoy/envoy.yaml"", Go YAML loaders fed the path as inline config
// "cannot unmarshal !!str `/etc/otel...` into map[string]interface {}". A path-valued option
// (-c/--config-path, --config=file:) was meant; a broken file shows its own content instead.
const PATH_GIVEN_AS_INLINE_CONFIG: Signature = {
  all: [
    /^[^"\n]{0,300}\b(?:[Uu]nable|[Ff]ailed) to parse (?:JSON|YAML|config(?:uration)?)\b[^"\n]{0,200}: "\/[\w./-]{1,200}\.(?:ya?ml|json|conf|toml)"$|\bcannot unmarshal !!str `\/[^`\n]{1,80}` into (?:map\[|struct\b|\*?[\w.]{0,80}(?:Config|Bootstrap|Settings|Options)\b)/,
  ],
  confidence: 0.84,
  title: 'A config file path was passed to an option that takes the config itself (inline YAML/JSON)',
};

export const ARGUMENT_MISUSE_SIGNATURES: readonly Signature[] = [
  PARSER_ERROR_LINE,
  REMOVED_SUBCOMMAND,
  PATH_GIVEN_AS_INLINE_CONFIG,
];
