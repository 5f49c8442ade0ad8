/**
 * The one flag parser for exitcode's commands: node:util parseArgs in strict mode, with its errors
 * turned into one-line ExitcodeErrors that name the flag and point at the command's --help.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { ExitcodeError } from '../errors.ts';

export interface ParseFlagsInput<T extends ParseArgsOptionsConfig> {
  /** The command's name, for the hint in error messages ("exitcode classify --help"). */
  command: string;
  argv: string[];
  options: T;
  /** Whether bare arguments (a pod name, ...) are accepted. */
  positionals?: boolean;
  /** How exitcode was run (CliIo.program), so the hint works as printed. */
  program?: string;
}

/** First quoted token in a Node parseArgs error message: the offending flag or argument. */
const quoted = (message: string): string => /'([^']{1,200})'/.exec(message)?.[1] ?? '';

export const parseFlags = <T extends ParseArgsOptionsConfig>({
  command,
  argv,
  options,
  positionals = false,
  program = 'exitcode',
}: ParseFlagsInput<T>) => {
  const help = `Run "${program} ${command} --help".`;
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : '';
    const token = quoted(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new ExitcodeError('bad_input', `Unknown option ${token}. ${help}`, { argv });
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // Node words it as "Option '--log <value>' argument missing" or "... does not take an argument".
      const flag = token.split(' ')[0] ?? token;
      const takesValue = token.includes('<value>');
      const what = takesValue ? `Option ${flag} needs a value.` : `Option ${flag} does not take a value.`;
      throw new ExitcodeError('bad_input', `${what} ${help}`, { argv });
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new ExitcodeError('bad_input', `Unexpected argument "${token}". ${help}`, { argv });
    }
    throw new ExitcodeError('bad_input', `Could not read the command line. ${help}`, { argv, code });
  }
};
