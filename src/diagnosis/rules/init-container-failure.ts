/**
 * Init containers run to completion before the app containers start; one that keeps failing leaves the
 * pod in Init:CrashLoopBackOff and the app with no log at all. The finding names the init container
 * and, when its own log has an error line, that line, so the title reads as one sentence. When the
 * init container itself is diagnosed, the log rules find the precise cause: this one stays just below
 * them (0.8) and explains why the app is down.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { ContainerFacts, Evidence, Finding, LogLine } from '../types.ts';
import { logEvidence, statusEvidence } from './spec-helpers.ts';
import { clip } from '../format.ts';

const STRONG = /error|exception|panic|fatal/i;
const WEAK = /failed|failure/i;
/** Traceback headers, chaining notes and indented stack frames say nothing by themselves. */
const FRAME = /^\s|^Traceback \(most recent call last\)|^The above exception|^During handling of the above/;

/**
 * The line that sums the failure up: the last error-looking line (the exception at the bottom of a
 * Python traceback, the root "Caused by" in Java), else the last line saying something failed.
 */
export const summaryLine = (lines: LogLine[]): LogLine | undefined => {
  const candidates = lines.filter((l) => !FRAME.test(l.text) && l.text.trim() !== '');
  const strong = candidates.filter((l) => l.level === 'error' || l.level === 'fatal' || STRONG.test(l.text));
  return strong.at(-1) ?? candidates.filter((l) => WEAK.test(l.text)).at(-1);
};

const failure = (container: ContainerFacts): { exitCode?: number; text: string } | null => {
  const last = container.state.kind === 'terminated' ? container.state : container.lastState;
  const failed = last?.kind === 'terminated' && last.exitCode !== 0 ? last : undefined;
  const backingOff = container.state.kind === 'waiting' && container.state.reason === 'CrashLoopBackOff';
  if (!failed && !backingOff) return null;
  const parts = [
    failed ? `terminated with exit ${failed.exitCode}${failed.reason ? ` (${failed.reason})` : ''}` : undefined,
    backingOff ? 'waiting: CrashLoopBackOff' : undefined,
    `restarts ${container.restartCount}`,
  ].filter(Boolean);
  return {
    ...(failed ? { exitCode: failed.exitCode } : {}),
    text: `init container ${container.name}: ${parts.join(', ')}`,
  };
};

const match = (ctx: RuleContext): Finding | null => {
  const container = ctx.container;
  const self = container?.init ? container : undefined;
  const waitingApp = container && !container.init ? container : undefined;
  const failingInit =
    self ??
    (ctx.pod?.initContainers ?? []).find(
      (c) => failure(c) !== null && (!waitingApp || waitingApp.state.kind === 'waiting'),
    );
  if (!failingInit) return null;
  const failed = failure(failingInit);
  if (!failed) return null;

  const evidence: Evidence[] = [statusEvidence(failed.text)];
  // Only the init container's own log explains it: an app container's log (if any) is someone else's story.
  const errorLine = self ? summaryLine(ctx.log.lines) : undefined;
  if (errorLine) evidence.push(logEvidence(errorLine));
  if (waitingApp)
    evidence.push(
      statusEvidence(
        `container ${waitingApp.name} is waiting: ${waitingApp.state.kind === 'waiting' ? (waitingApp.state.reason ?? 'PodInitializing') : waitingApp.state.kind}`,
      ),
    );

  const exit = failed.exitCode !== undefined ? ` (exit ${failed.exitCode})` : '';
  const title = `The app never started: init container ${failingInit.name} failed${exit}${errorLine ? `: ${clip(errorLine.text, 100)}` : ''}`;
  const initTarget = { ...ctx.target, container: failingInit.name };
  return {
    ruleId: 'init-container-failure',
    category: 'init_container_failure',
    title,
    confidence: self ? 0.8 : 0.9,
    evidence,
    nextSteps: [
      kubectl.previousLogs(initTarget),
      kubectl.describePod(ctx.target),
      `Fix what ${failingInit.name} needs (its log says what); the app containers start once it exits 0`,
    ],
  };
};

export const initContainerFailure: Rule = { id: 'init-container-failure', match };
