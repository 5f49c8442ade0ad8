/**
 * `exitcode classify`: the classifier on a log (file or stdin), an exit code, a reason and events;
 * or, with --cases, on a JSON file of cases shaped like ../shared/crashlogs/public.json.
 * Reads files and stdin, parses, classifies, renders: the rules live in src/diagnosis.
 */
import { open, readFile } from 'node:fs/promises';
import { classifyText } from '../diagnosis/engine.ts';
import { parseEventsText, parseStatusText } from '../diagnosis/events-text.ts';
import { LOG_BOUNDS } from '../diagnosis/log-scan.ts';
import type { EventFact } from '../diagnosis/types.ts';
import { ExitcodeError, isExitcodeError, userSentence } from '../errors.ts';
import { parseFlags } from './args.ts';
import { jsonErrorLocation } from './json-error.ts';
import type { CliIo, Command } from './io.ts';
import { classificationJson, renderClassification } from './render-classification.ts';
import { displaySafeJson } from '../text/outgoing.ts';

const HELP = `Usage: exitcode classify [--log FILE] [--exit-code N] [--reason R] [--events FILE] [--json]
       exitcode classify --cases FILE [--json]

Names the probable cause of a container crash from what it left behind.

Options:
  --log FILE       the container's log (default: standard input)
  --exit-code N    the container's exit code, 0..255 (kubectl describe: "Exit Code")
  --reason R       the termination or waiting reason (OOMKilled, Error, CreateContainerConfigError, ...)
  --events FILE    the pod's events: pasted kubectl describe/get events text, or a JSON array
  --cases FILE     classify every case in a JSON array ({id, exit_code, reason, log, events})
  --json           print JSON (one object; with --cases one object per line)
  -h, --help       show this help
`;

const OPTIONS = {
  log: { type: 'string' },
  'exit-code': { type: 'string' },
  reason: { type: 'string' },
  events: { type: 'string' },
  cases: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// ------------------------------------------------------------------ reading inputs

const readInputFile = async (path: string): Promise<Buffer> => {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : 'it could not be read';
    throw new ExitcodeError('file_unreadable', `Cannot read ${path}: ${why}.`, { code });
  }
};

/**
 * Reads only the tail of a log file: a 50 GiB log costs what the bound costs. One byte more than the
 * bound is read so the scanner knows the head was cut; the real size is returned for the report.
 */
const readLogTail = async (path: string): Promise<{ bytes: Buffer; size: number }> => {
  const limit = LOG_BOUNDS.maxBytes + 1;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isFile() && stat.size > limit) {
      const bytes = Buffer.alloc(limit);
      const { bytesRead } = await handle.read({ buffer: bytes, position: stat.size - limit });
      return { bytes: bytes.subarray(0, bytesRead), size: stat.size };
    }
  } catch {
    // Fall through: readInputFile says what is wrong in one sentence.
  } finally {
    await handle?.close();
  }
  const bytes = await readInputFile(path);
  return { bytes, size: bytes.length };
};

/** JSON.parse with the failure turned into file:line:column, so a person can find it. */
export const parseJson = (text: string, path: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    const at = jsonErrorLocation(text);
    if (!at) throw new ExitcodeError('bad_input', `${path}: malformed JSON.`);
    throw new ExitcodeError('bad_input', `${path}:${at.line}:${at.column}: malformed JSON (unexpected ${at.found}).`);
  }
};

const parseExitCode = (raw: string | undefined): number | null => {
  if (raw === undefined) return null;
  if (!/^\d{1,3}$/.test(raw.trim()) || Number(raw) > 255) {
    throw new ExitcodeError('bad_input', `--exit-code must be a number from 0 to 255, got "${raw.slice(0, 40)}".`);
  }
  return Number(raw);
};

const parseReason = (raw: string | undefined): string | null => {
  if (raw === undefined || raw.trim() === '') return null;
  if (!/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(raw.trim())) {
    throw new ExitcodeError(
      'bad_input',
      `--reason must be one word such as OOMKilled or Error, got "${raw.slice(0, 40)}".`,
    );
  }
  return raw.trim();
};

/** Events from a JSON array (strings and/or objects) or pasted text; the JSON shape is checked by zod, loaded only then. */
const eventsFrom = async (text: string, path: string): Promise<EventFact[]> => {
  if (!text.trimStart().startsWith('[')) return parseEventsText(text);
  return (await import('./classify-input.ts')).eventsFromJson(parseJson(text, path), path);
};

// ------------------------------------------------------------------ one log

const classifyOne = async (values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> => {
  let exitCode = parseExitCode(values['exit-code'] as string | undefined);
  let reason = parseReason(values['reason'] as string | undefined);
  const logPath = values['log'] as string | undefined;
  if (logPath === undefined && io.stdinIsTTY) {
    io.stderr('Reading the log from standard input: paste it, then press Ctrl-D (or pass --log FILE).\n');
  }
  const { bytes: log, size } =
    logPath === undefined
      ? await io.readStdin().then((bytes) => ({ bytes, size: bytes.length }))
      : await readLogTail(logPath);
  let events: EventFact[] = [];
  const eventsPath = values['events'] as string | undefined;
  if (eventsPath !== undefined) {
    const text = (await readInputFile(eventsPath)).toString('utf8');
    events = await eventsFrom(text, eventsPath);
    // A pasted describe often carries the status block: use it when the flags did not say.
    const status = parseStatusText(text);
    exitCode ??= status.exitCode;
    reason ??= status.reason;
  }
  const scanned = classifyText({ log, exitCode, reason, events });
  const classification = { ...scanned, log: { ...scanned.log, totalBytes: size } };
  if (values['json']) io.stdout(`${displaySafeJson(JSON.stringify(classificationJson(classification)))}\n`);
  else io.stdout(renderClassification({ classification, color: io.isTTY }));
  return 0;
};

// ------------------------------------------------------------------ many cases

const classifyCases = async (path: string, json: boolean, io: CliIo): Promise<number> => {
  const { classifyCase, readCases } = await import('./classify-input.ts');
  const cases = readCases((await readInputFile(path)).toString('utf8'), path);
  let labelled = 0;
  let right = 0;
  const width = Math.min(48, Math.max(0, ...cases.map((c) => c.id.length)));
  for (const item of cases) {
    const result = classificationJson(classifyCase(item));
    const expected = item.root_cause_category;
    if (expected !== undefined) {
      labelled++;
      if (expected === result.category) right++;
    }
    if (json) {
      io.stdout(`${displaySafeJson(JSON.stringify({ id: item.id, ...result }))}\n`);
      continue;
    }
    const verdict =
      expected === undefined ? '' : expected === result.category ? '  ok' : `  MISS (expected ${expected})`;
    io.stdout(`${item.id.padEnd(width)}  ${result.category.padEnd(26)} ${result.confidence.toFixed(2)}${verdict}\n`);
  }
  if (!json && labelled > 0) io.stdout(`accuracy ${right}/${labelled} = ${(right / labelled).toFixed(3)}\n`);
  return 0;
};

// ------------------------------------------------------------------ the command

export const classifyCommand: Command = async (argv, io) => {
  try {
    const { values } = parseFlags({
      command: 'classify',
      argv,
      options: OPTIONS,
      ...(io.program ? { program: io.program } : {}),
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (values.cases !== undefined) {
      const mixed = (['log', 'exit-code', 'reason', 'events'] as const).filter((k) => values[k] !== undefined);
      if (mixed.length > 0) {
        throw new ExitcodeError(
          'bad_input',
          `--cases cannot be combined with --${mixed[0]}: each case carries its own.`,
        );
      }
      return await classifyCases(values.cases, Boolean(values.json), io);
    }
    return await classifyOne(values, io);
  } catch (error) {
    io.stderr(`exitcode classify: ${userSentence(error)}\n`);
    if (isExitcodeError(error)) return error.code === 'bad_input' ? 2 : 1;
    return 1;
  }
};
