/**
 * bad_command_args: the app target a server loads ("module:attribute") was given without its attribute,
 * and the server's own loader failed to take it apart before it imported anything.
 */
import type { RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { finding, logEvidence, type Signature, statusEvidence } from './log-helpers.ts';

// Loaders that say what form they want: uvicorn 'Import string "main" must be in format
// "<module>:<attribute>"', granian and arq "must be in the form module:attribute".
export const APP_TARGET_FORM: Signature = {
  all: [
    /\bmust be in (?:the )?(?:format|form) ['"]?<?(?:module|package)(?:[._-]?(?:name|path))?>?:<?(?:attribute|attr|app|application|object|variable|name|callable)>?\b/,
  ],
  confidence: 0.82,
  title: 'The app target in the command lacks its ":attribute" part',
};

const UNPACK_TWO = /^ValueError: not enough values to unpack \(expected 2, got 1\)/;
const FRAME = /^\s{0,8}File "([^"\n]{1,300})", line \d{1,6}, in ([\w<>]{1,80})/;
const INSTALLED = /\/(?:site|dist)-packages\//;
// The loader's own function (daphne import_by_path, Django/Werkzeug-style import_string, RQ/Celery-like
// import_attribute, "load_app"), or its code splitting a module path from an object path at the colon.
const LOADER_FUNCTION =
  /^(?:import_by_path|import_from_string|import_string|import_attribute|import_app|load_app|load_application|load_target|locate_app|resolve_app|find_app|get_application|import_object)$/;
const MODULE_PATH_SPLIT = /\b(?:module|mod)\w{0,20}, \w{1,40} = \w{0,40}\.r?split\(['"]:['"]/;

/**
 * Python's "not enough values to unpack (expected 2, got 1)" raised in an installed server's loader
 * (daphne's import_by_path splitting "chatsite.asgi" at a colon it does not have): the target in the
 * command names a module without ":application". Raised in the app's own code, it is the app's reading.
 */
export const appTargetWithoutAttribute = (ctx: RuleContext, steps: string[]): Finding | null => {
  const lines = ctx.log.lines;
  const at = lines.findIndex((l) => UNPACK_TWO.test(l.text));
  if (at < 0) return null;
  const window = lines.slice(Math.max(0, at - 6), at);
  const frameAt = window.findLastIndex((l) => FRAME.test(l.text));
  if (frameAt < 0) return null;
  const [, file = '', fn = ''] = FRAME.exec(window[frameAt]?.text ?? '') ?? [];
  if (!INSTALLED.test(file)) return null;
  const code = window.slice(frameAt + 1);
  if (!LOADER_FUNCTION.test(fn) && !code.some((l) => MODULE_PATH_SPLIT.test(l.text))) return null;
  const frame = window[frameAt];
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title: 'The server could not split the app target at ":": the command names a module without its attribute',
    confidence: 0.8,
    evidence: [...logEvidence(frame ? [frame, lines[at] ?? frame] : []), ...statusEvidence(ctx)],
    steps,
  });
};
