/**
 * bad_command_args read from silence: a long-running container that exits 0 with no output at all, again
 * and again. Its command finished at once, which is what a wrong command does without printing anything:
 * an interpreter or shell with no script and no stdin (`python`, `sh` as the whole command), `sh -c` given
 * the script split into list items so it runs only the first word, a start script that forks away quietly.
 * Weak evidence: the log says nothing either way, so the reading stays well below the confident band.
 * The same loop when the last word is a config check's verdict: the args ran the server's validate or
 * test mode (envoy --mode validate, nginx -t, apachectl -t, haproxy -c, caddy validate, promtool check),
 * copied from CI, which checks the config and exits 0 instead of serving.
 * And the same loop when the last word is the start command announcing the server it is about to run:
 * nothing failed after it, so the command returned at once (an Elixir release's `daemon` instead of
 * `start`, a launcher that forks, a server started with `&` at the end of a script).
 */
import type { RuleContext } from '../rule.ts';
import type { Finding, LogLine } from '../types.ts';
import { finding, logEvidence, statusEvidence } from './log-helpers.ts';

const CONFIG_CHECK_PASSED =
  /\bconfiguration (?:file )?['"][^'"\n]{1,200}['"] OK\b|^\s{0,8}Syntax OK\b|\bconfiguration file [^\s]{1,200} test is successful\b|^\s{0,8}(?:Configuration file is valid|Valid configuration|Config(?:uration)? is valid)\b|\bSUCCESS: [^\s]{1,200} is valid\b/;

// A start announcement as the very last line: "[entrypoint] starting ledger release", "Starting web
// server...", "==> launching worker", "exec'ing the app". A line that reports the start as done
// ("started", "listening") is not one: those servers ran and were stopped.
const START_ANNOUNCED =
  /\b(?:[Ss]tarting|[Ll]aunching|[Bb]ooting|[Ss]pawning|[Ee]xec(?:'?ing|uting)) (?:up )?(?:the )?(?:[\w./@-]{1,60} )?(?:release|server|app(?:lication)?|service|daemon|worker|node|broker|agent|api|web|backend|process)\b/;

// Start-up warnings that say nothing about the command: Python's FutureWarning/DeprecationWarning (as
// warnings.warn prints them, or their indented source line), Node's "(node:1) [DEP0040]
// DeprecationWarning", a JVM "WARNING: ..." line, a logger's "WARN"/"WARNING" level. Nothing failed.
const WARNING_ONLY =
  /\b(?:Future|Deprecation|PendingDeprecation|User|Runtime)Warning: |^\(node:\d{1,8}\) (?:\[DEP\d{4}\] )?\w{0,30}Warning: |^\s{0,8}(?:WARNING|WARN|\[WARN(?:ING)?\]):? /;

const restartedAfterCleanExit = (ctx: RuleContext): boolean =>
  ctx.exitCode === 0 && !ctx.logUnreadable && ctx.events.some((e) => e.reason === 'BackOff');

const startAnnouncedLast = (ctx: RuleContext, last: LogLine, steps: string[]): Finding | null => {
  if (!START_ANNOUNCED.test(last.text)) return null;
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title:
      'The container announces its server start as its last line and exits 0, in a restart loop: the command returned at once (detached or backgrounded)',
    // Only the absence of anything after the announcement speaks: a guess, below the confident band.
    confidence: 0.6,
    evidence: [...logEvidence([last]), ...statusEvidence(ctx)],
    steps,
  });
};

const configCheckOnly = (ctx: RuleContext, steps: string[]): Finding | null => {
  const last = ctx.log.lines.filter((l) => l.text.trim() !== '').at(-1);
  if (!last) return null;
  if (!CONFIG_CHECK_PASSED.test(last.text)) return startAnnouncedLast(ctx, last, steps);
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title:
      'The container ran a config check (validate/test mode) that passes and exits 0, in a restart loop: the args replaced the serve command',
    // The verdict is the last line and nothing failed: the command did what it was told, once.
    confidence: 0.74,
    evidence: [...logEvidence([last]), ...statusEvidence(ctx)],
    steps,
  });
};

export const silentCleanExitLoop = (ctx: RuleContext, steps: string[]): Finding | null => {
  // A pod that is restarted after exiting 0 (restartPolicy Always): a Job's finished pod is not a crash.
  if (!restartedAfterCleanExit(ctx)) return null;
  const said = ctx.log.lines.filter((l) => l.text.trim() !== '');
  if (said.length > 0 && said.length <= 4 && said.every((l) => WARNING_ONLY.test(l.text))) {
    return finding(ctx, {
      ruleId: 'bad-command-args',
      category: 'bad_command_args',
      title:
        'The container prints only start-up warnings and exits 0, in a restart loop: its command finishes at once (a daemonize flag, a one-shot subcommand)',
      confidence: 0.5,
      evidence: [...logEvidence(said.slice(0, 2)), ...statusEvidence(ctx)],
      steps,
    });
  }
  if (said.length > 0) return configCheckOnly(ctx, steps);
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title: 'The container exits 0 at once with no output, in a restart loop: its command finishes immediately',
    confidence: 0.55,
    evidence: statusEvidence(ctx),
    steps,
  });
};
