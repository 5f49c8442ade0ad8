/**
 * The kubelet kills a running container whose liveness (or startup) probe keeps failing. The process
 * then dies by signal (137/143) with a log that looks healthy: the log rules see nothing, the events do.
 * When the app exited by itself with an error, probe failures are a symptom of that, not the cause.
 * Readiness failures only take the pod out of the Service: they never kill, so they are not this cause.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding, LogLine, ProbeFacts } from '../types.ts';
import { heldStoreLine } from './data-dir-conflict-held-store.ts';
import { eventEvidence, exitCodeOf, findEvents, hasFatalLine, logEvidence, specEvidence } from './spec-helpers.ts';

/**
 * The app reporting its own start-up failure (Jenkins' BootFailure, Spring Boot's banner, an unhandled
 * exception on start): it then serves errors or nothing, so the probe kills that follow are a symptom and
 * the rule that reads the failure owns the answer. A bare "FATAL" is not enough: PostgreSQL logs "FATAL:
 * the database system is starting up" for each probe that connects during a slow recovery. A server
 * that names itself says "Could not start Solr" / "Unable to start Jetty" and then may keep serving 500s.
 */
const STARTUP_FAILURE =
  /Failed to initiali[sz]e|\bBootFailure\b|APPLICATION FAILED TO START|\bError starting\b|Application startup (?:exception|failed)|\b[Ff]ailed to start (?:the )?(?:application|server|app)\b|\bUnhandled exception\.|Host terminated unexpectedly|\b[Ff]atal error during (?:start-?up|initiali[sz]ation)\b|\b(?:[Cc]ould not|[Cc]annot|[Cc]an ?not|[Uu]nable to) start (?:the )?(?:[A-Z][\w-]{1,30}|application|server|app)\b/;

/** The first start-up failure the app reported at error level or above (or with no level). */
const startupFailure = (ctx: RuleContext): LogLine | undefined =>
  ctx.log.lines.find(
    (l) =>
      l.level !== 'info' &&
      l.level !== 'warn' &&
      l.level !== 'debug' &&
      l.level !== 'trace' &&
      STARTUP_FAILURE.test(l.text),
  );

/**
 * The app announced a listen port that is no value at all ("listening on port undefined", "Server
 * started at http://0.0.0.0:NaN", "bound to :null"): the port comes from an environment variable that is
 * not set (a PaaS such as Heroku sets PORT, the Deployment does not), so the app sits on a random or no
 * port and the probes on the declared one are refused. The kill is a symptom of the unset variable.
 */
const UNSET_LISTEN_PORT =
  /\b[Pp]ort:? (?:undefined|NaN|null)\b|:\/\/[\w.[\]-]{1,100}:(?:undefined|NaN|null)\b|\b(?:[Ll]istening|[Ss]tarted|[Rr]unning|[Bb]ound|[Ss]erving) (?:on|at|to) :(?:undefined|NaN|null)\b/;

/**
 * The app is alive but waits, in a loop, for another process it believes holds the instance or the data
 * ("Another process is initializing Nextcloud. Waiting 10 seconds...", "waiting for lock", "lock is held
 * by another process", "another instance is already running", an Artemis/HornetQ backup or a second
 * primary "Waiting indefinitely to obtain primary lock" / "Waiting to obtain live lock"): a lock or
 * marker left on the volume by a drained pod, or a second replica on the same volume. It never listens,
 * so the probe kills it; the kill is a symptom of the stale lock (data_dir_conflict), not a probe set wrong.
 */
const WAITING_ON_OTHER_PROCESS =
  /\b[Aa]nother (?:process|instance|node|pod|container|replica) (?:is|was) (?:already )?(?:initiali[sz]ing|installing|upgrading|migrating|running|starting|holding)\b|\b[Ww]aiting (?:indefinitely |forever )?(?:for|on|to (?:obtain|acquire|get|take)) (?:the |a |an )?(?:[\w.-]{1,40} ){0,2}lock\b|\block (?:is )?(?:still )?held by (?:another|a different|other)\b|\b[Ww]aiting for (?:the )?other (?:process|instance|node)\b/;

export const describeProbe = (probe: ProbeFacts): string => {
  const target =
    probe.type === 'httpGet'
      ? `httpGet ${probe.target || '/'} on port ${probe.port ?? '?'}`
      : probe.type === 'exec'
        ? `exec ${probe.target}`
        : `${probe.type} on port ${probe.port ?? '?'}`;
  return `${target}, initialDelaySeconds ${probe.initialDelaySeconds}, periodSeconds ${probe.periodSeconds}, timeoutSeconds ${probe.timeoutSeconds}, failureThreshold ${probe.failureThreshold}`;
};

const hintsFor = (ctx: RuleContext, kind: 'liveness' | 'startup', failure: string): string[] => {
  const container = ctx.container;
  const probe = container?.probes[kind];
  const hints: string[] = [];
  if (probe && (probe.type === 'httpGet' || probe.type === 'tcpSocket' || probe.type === 'grpc')) {
    const ports = container?.ports ?? [];
    const known = ports.some((p) => p.containerPort === probe.port || p.name === probe.port);
    if (ports.length > 0 && probe.port !== undefined && !known) {
      hints.push(
        `The probe checks port ${probe.port}, but the container declares ${ports.map((p) => p.containerPort).join(', ')}: point the probe at the port the app listens on`,
      );
    }
  }
  if (/connection refused/i.test(failure)) {
    hints.push(
      'Connection refused: the app is not (yet) listening on the probed port; check the port, or give it time to start',
    );
  }
  if (/statuscode: 404|status code 404|\b404\b/i.test(failure)) {
    hints.push(
      `HTTP 404: the probe path ${probe?.target ?? ''} does not exist in the app; use its real health endpoint`,
    );
  }
  if (/timeout|deadline exceeded|Client\.Timeout/i.test(failure)) {
    hints.push(
      `Timed out: the health endpoint answers slower than timeoutSeconds ${probe?.timeoutSeconds ?? 1}; make it cheap (no dependency checks) or raise timeoutSeconds`,
    );
  }
  if (kind === 'liveness' && !container?.probes.startup) {
    hints.push(
      'A slow starter needs a startupProbe (or a longer initialDelaySeconds) so liveness checks begin only once it is up',
    );
  }
  return hints;
};

const match = (ctx: RuleContext): Finding | null => {
  const unhealthy = findEvents(ctx, /^Unhealthy$/, /^(Liveness|Startup) probe failed/i);
  const killing = findEvents(ctx, /^Killing$/, /failed (liveness|startup) probe/i);
  if (unhealthy.length === 0 && killing.length === 0) return null;

  const startup =
    [...unhealthy, ...killing].some((e) => /startup probe/i.test(e.message)) &&
    unhealthy.every((e) => !/^Liveness/i.test(e.message));
  const kind = startup ? 'startup' : 'liveness';
  const code = exitCodeOf(ctx);
  const killedBySignal = code === 137 || code === 143;
  const fatal = hasFatalLine(ctx);
  const failedStart = startupFailure(ctx);
  let confidence: number;
  if (killedBySignal && !fatal) confidence = killing.length > 0 ? 0.93 : 0.88;
  else if (killedBySignal) confidence = killing.length > 0 ? 0.75 : 0.65;
  // The app exited by itself (its own code, an error in the log): the probe failures are a symptom.
  else confidence = fatal ? 0.35 : 0.5;
  // Killed by the probe, but only after the app had failed to start: the start-up failure is the cause.
  if (killedBySignal && failedStart) confidence = Math.min(confidence, 0.6);
  const unsetPort = ctx.log.lines.find((l) => UNSET_LISTEN_PORT.test(l.text));
  if (unsetPort) confidence = Math.min(confidence, 0.55);
  // Waiting on another process's lock: the probe ended a wait that would never finish.
  const waitingOnOther = ctx.log.lines.find((l) => WAITING_ON_OTHER_PROCESS.test(l.text));
  if (waitingOnOther) confidence = Math.min(confidence, 0.6);
  // The log shows, in any of the words the data-dir-conflict rule reads, that the store or its pid or lock
  // file is held (ActiveMQ KahaDB "locked by another server ... slave mode", Buildbot "twistd.pid exists - is
  // this master still running?"): the process waits or loops on it and never listens, so the kill is a symptom.
  const storeHeld = waitingOnOther ? undefined : heldStoreLine(ctx);
  if (storeHeld) confidence = Math.min(confidence, 0.6);

  const failure = unhealthy[0]?.message ?? '';
  const evidence: Evidence[] = [...unhealthy.slice(0, 1), ...killing.slice(0, 1)].map(eventEvidence);
  if (failedStart) evidence.push(logEvidence(failedStart));
  if (unsetPort) evidence.push(logEvidence(unsetPort));
  if (waitingOnOther) evidence.push(logEvidence(waitingOnOther));
  if (storeHeld) evidence.push(logEvidence(storeHeld));
  const probe = ctx.container?.probes[kind];
  if (probe) evidence.push(specEvidence(`${kind}Probe: ${describeProbe(probe)}`));
  const probeText = probe
    ? ` (${probe.type === 'httpGet' ? `${probe.target || '/'} on port ${probe.port}` : probe.type}${probe.failureThreshold ? `, ${probe.failureThreshold} failures` : ''})`
    : '';
  const title =
    waitingOnOther || storeHeld
      ? `Killed by the kubelet after its ${kind} probe failed${probeText}, while the app waited for another process's lock or initialisation (a stale lock on the volume?): the probe failures are likely a symptom`
      : unsetPort
        ? `Killed by the kubelet after its ${kind} probe failed${probeText}, but the app listened on no real port (an unset PORT-like variable?): the probe failures are likely a symptom`
        : killedBySignal && failedStart
          ? `Killed by the kubelet after its ${kind} probe failed${probeText}, but the app had already failed to start: the probe failures are likely a symptom`
          : confidence >= 0.6
            ? `Killed by the kubelet after its ${kind} probe failed${probeText}`
            : `The ${kind} probe failed${probeText}, but the app exited by itself (exit ${code ?? '?'}): the probe failures are likely a symptom`;

  return {
    ruleId: 'probe-failure',
    category: 'probe_failure',
    title,
    confidence,
    evidence,
    nextSteps: [
      ...hintsFor(ctx, kind, failure),
      kubectl.podEvents(ctx.target),
      kubectl.previousLogs(ctx.target),
      kubectl.editWorkload(ctx.target),
    ],
  };
};

export const probeFailure: Rule = { id: 'probe-failure', match };
