/**
 * bad_command_args read from the errors that scripting languages' option parsers raise, tagged with their
 * exception class or printed in their own unquoted form. A start command kept from an old VM script or
 * an older major version (puma -d, removed in Puma 5) passes a flag the parser no longer knows.
 */
import type { Signature } from './log-helpers.ts';

// Ruby's OptionParser, and Crystal's, name the class of the failure beside the message: "invalid option:
// -d (OptionParser::InvalidOption)", "missing argument: --port (OptionParser::MissingArgument)",
// "ambiguous option: --p (OptionParser::AmbiguousOption)", "needless argument: --fork=1
// (OptionParser::NeedlessArgument)", "invalid argument: -w x (OptionParser::InvalidArgument)"; Slop
// raises Slop::UnknownOption / Slop::MissingArgument; Thor prints "Unknown switches '-d'". Each is raised
// while the program parses its argv.
const OPTION_PARSER_EXCEPTION: Signature = {
  all: [
    /\b(?:OptionParser::(?:InvalidOption|MissingArgument|AmbiguousOption|NeedlessArgument|InvalidArgument|AmbiguousArgument)|Slop::(?:UnknownOption|MissingArgument|MissingRequiredOption))\b|^Unknown switches ['"`‘]-/,
  ],
  confidence: 0.86,
  title: 'The command passes an option the program does not accept (removed or renamed in this version?)',
};

// The same parsers' words without the class, as a wrapper prints them: "invalid option: -d", "ambiguous
// option: --p", "missing argument: --config". A shell builtin's "set: -\r: invalid option" has the
// option before the words (and a carriage return): it is a CRLF script, not argv.
const OPTION_PARSER_WORDS: Signature = {
  all: [
    /(?:^|[\s:])(?:[Ii]nvalid|[Aa]mbiguous) option: -{1,2}[A-Za-z?]|(?:^|[\s:])[Mm]issing argument: -{1,2}[A-Za-z]/,
  ],
  confidence: 0.8,
  title: 'The command passes an option the program does not accept',
  not: /\\r|\bset: /,
};

// Dart's package:args raises a FormatException naming the flag it does not know ('Could not find an
// option named "--listen".', 'Could not find an option with short name "-l".') or the value it lacks
// ('Missing argument for "port".', '"tcp" is not an allowed value for option "mode".'); Swift
// ArgumentParser prints "Error: Unknown option '--listen'", .NET System.CommandLine "Unrecognized command
// or argument '--listen'". All come from parsing argv. A config reader looking up an option by name in a
// file or section is not argv.
const OPTION_PARSER_NAMED_FLAG: Signature = {
  all: [
    /\bCould not find an option (?:named|with short name) ["'`]-{0,2}[\w?]|\bMissing argument for ["'`]-{0,2}\w[\w-]{0,60}["'`]\.|\bis not an allowed value for option ["'`]|^Error: Unknown option ['"`]-{1,2}\w|\bUnrecognized command or argument ['"`‘]-{1,2}\w/,
  ],
  confidence: 0.86,
  title: 'The command passes an option the program does not accept (removed or renamed in this version?)',
  not: /\b(?:section|config(?:uration)? file|settings file)\b|\.(?:ya?ml|toml|ini|json)\b/i,
};

export const OPTION_EXCEPTION_SIGNATURES: readonly Signature[] = [
  OPTION_PARSER_EXCEPTION,
  OPTION_PARSER_WORDS,
  OPTION_PARSER_NAMED_FLAG,
];
