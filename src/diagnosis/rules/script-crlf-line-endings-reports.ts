/**
 * script_crlf_line_endings readings from what the log shows besides the shell's own error: a tool that
 * was run on the script and reports its line endings, and a carriage return that rewrote the start of a
 * line the script's program printed (pasted from a terminal that honours the CR).
 */
import type { Signature } from './log-helpers.ts';

export const CRLF_REPORT_SIGNATURES: Signature[] = [
  {
    // A check pasted under the crash names the line endings outright: file(1) "start.sh: POSIX shell
    // script, ASCII text executable, with CRLF line terminators" (also "Bourne-Again shell script",
    // "a /usr/bin/env bash script"), ShellCheck's SC1017 "Literal carriage return", git's "CRLF will be
    // replaced by LF" for a .sh file. Only about a script: a CRLF config or data file is another question.
    all: [
      /\b(?:shell|sh|bash|ash|zsh|python3?|perl|ruby|node) script(?:, (?:ASCII|UTF-8 Unicode(?: \(with BOM\))?|Unicode) text(?: executable)?)?(?:, with very long lines(?: \(\d{1,6}\))?)?, with CRLF(?:, [A-Z]{2,4})? line terminators\b|\bSC1017\b|\bLiteral carriage return\. Run script through tr\b|\bin the working copy of ['‘][\w./-]{1,200}\.(?:sh|bash)['’], CRLF will be replaced by LF\b/,
    ],
    confidence: 0.86,
    title: 'A check of the start script reports Windows (CRLF) line endings',
  },
  {
    // The CR sent the rest of the message to column 0, over the start of the same line: "chown: cannot
    // access 'passwd\r': No such file or directory" prints as ": No such file or directorywd", the
    // leftover letters of the covered words glued to the errno text. No program writes a line that starts
    // with ": No such file or directory" and runs on into a word.
    all: [
      /^['’"]?: (?:No such file or directory|[Nn]ot found|Permission denied|[Ii]s a directory)[a-z]{1,40}(?::|\s|$)/,
    ],
    confidence: 0.88,
    title: 'A shell script has Windows line endings (a carriage return rewrote the start of the line)',
  },
  {
    // A message that quoted a CR-ended argument and ended in "." or a quote: the period lands at column
    // 0 over the first digit of the line's timestamp (".711630212: Error: Unable to open config file",
    // ".024-09-02 01:00:03 ERROR ..."). No logger starts a line with a period before a beheaded epoch or
    // a three-digit year.
    all: [/^[.'"’]\d{9}(?:\.\d{1,9})?: |^[.'"’]\d{3}-[01]\d-[0-3]\d[ T][0-2]\d:/],
    confidence: 0.8,
    title: 'A shell script has Windows line endings (a carriage return rewrote the start of the line)',
  },
];
