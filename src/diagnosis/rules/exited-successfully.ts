/**
 * Exit 0 under restartPolicy Always: the process finished, and the kubelet restarts anything that ends,
 * so a container that "succeeds" loops in CrashLoopBackOff. Typical: a server started in the
 * background (nginx without daemon off, a script that launches and returns), or finite work that
 * belongs in a Job.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding } from '../types.ts';
import { exitCodeOf, hasFatalLine, specEvidence, statusEvidence } from './spec-helpers.ts';

const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

const hintFor = (command: string): string | undefined => {
  if (/\bnginx\b/.test(command)) return "nginx daemonizes by default: run it as nginx -g 'daemon off;'";
  if (/\b(service|systemctl)\b/.test(command))
    return 'service/systemctl start a daemon and return: run the server binary itself in the foreground';
  if (/(^|\s)(sh|bash)\b|\.sh\b/.test(command))
    return 'The script ends: end it with exec <server> so the server replaces the shell and stays in the foreground';
  return undefined;
};

const match = (ctx: RuleContext): Finding | null => {
  if (exitCodeOf(ctx) !== 0) return null;
  const container = ctx.container;
  if (container?.init) return null; // Init containers are meant to exit 0.
  const policy = ctx.pod?.restartPolicy;
  const kind = ctx.workload?.kind;
  const restarted = policy === 'Always' || (policy === undefined && kind !== undefined && LONG_RUNNING.has(kind));
  if (!restarted) return null;

  const command = container ? container.command.concat(container.args).join(' ') : '';
  const hint = hintFor(`${command} ${container?.image ?? ''}`);
  const evidence: Evidence[] = [statusEvidence('Last state: Terminated, exit code 0 (Completed)')];
  if (policy) evidence.push(specEvidence(`restartPolicy: ${policy}${kind ? ` (${kind} ${ctx.workload?.name})` : ''}`));
  if (container && container.restartCount > 0) evidence.push(statusEvidence(`restarts: ${container.restartCount}`));

  return {
    ruleId: 'exited-successfully',
    category: 'exited_successfully',
    title: `The process exited 0, and ${kind ? `a ${kind}` : 'restartPolicy Always'} restarts it: its main process must stay in the foreground`,
    // An error in the log with exit 0 means the app swallowed a failure: the loop is real, the cause may be that error.
    confidence: hasFatalLine(ctx) ? 0.7 : 0.9,
    evidence,
    nextSteps: [
      ...(hint ? [hint] : []),
      'If the work is meant to finish, run it as a Job (or CronJob) instead',
      kubectl.previousLogs(ctx.target),
    ],
  };
};

export const exitedSuccessfully: Rule = { id: 'exited-successfully', match };
