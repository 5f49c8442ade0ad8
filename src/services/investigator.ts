/**
 * The investigator over a real cluster connection: diagnose (gather -> buildDiagnosis), logs, events and
 * ping. Everything that leaves here is redacted: log lines, event messages and the whole diagnosis.
 */
import type { ClusterConnection } from '../cluster/connection.ts';
import { eventFacts, sortEvents } from '../cluster/facts.ts';
import { findTarget } from '../cluster/find-target.ts';
import { gatherTarget } from '../cluster/resolve.ts';
import { assertName } from '../cluster/names.ts';
import { LOG_BOUNDS, type LogBounds } from '../diagnosis/log-scan.ts';
import { redact } from '../text/outgoing.ts';
import type { Diagnosis, EventFact } from '../diagnosis/types.ts';
import { isExitcodeError } from '../errors.ts';
import { type AnalysisRunner, inProcessAnalysis } from './analysis-pool.ts';
import type { DiagnoseRequest, Investigator, PodLog, PodRef } from './types.ts';

export interface InvestigatorOptions {
  connection: ClusterConnection;
  clock?: () => Date;
  logBounds?: LogBounds;
  /** Where classifying and redacting run: a worker pool in the bot, in-process by default (the CLI). */
  analysis?: AnalysisRunner;
}

const MAX_TAIL_LINES = 5000;

export const createInvestigator = (options: InvestigatorOptions): Investigator => {
  const { connection } = options;
  const clock = options.clock ?? (() => new Date());
  const bounds = options.logBounds ?? LOG_BOUNDS;
  const analysis = options.analysis ?? inProcessAnalysis();

  const diagnose = async (request: DiagnoseRequest): Promise<Diagnosis> => {
    const gathered = await gatherTarget(connection, request, { logBounds: bounds, now: clock });
    return analysis.diagnose({ cluster: connection.clusterName, ...gathered });
  };

  const readLog = (ref: PodRef, previous: boolean, tailLines: number) =>
    connection.call({ verb: 'get', resource: 'pods/log', namespace: ref.namespace, name: ref.pod }, () =>
      connection.core.readNamespacedPodLog({
        namespace: ref.namespace,
        name: ref.pod,
        ...(ref.container !== undefined ? { container: ref.container } : {}),
        previous,
        tailLines,
        limitBytes: bounds.maxBytes,
      }),
    );

  const logs = async (ref: PodRef & { tailLines: number }): Promise<PodLog> => {
    assertName('namespace', ref.namespace);
    assertName('pod', ref.pod);
    if (ref.container !== undefined) assertName('container', ref.container);
    const tailLines = Math.max(1, Math.min(MAX_TAIL_LINES, Math.floor(ref.tailLines)));
    let previous = true;
    let text: string;
    try {
      text = await readLog(ref, true, tailLines);
    } catch (error) {
      // No previous instance (400) or its log is gone: the current instance's log is the next best thing.
      const status = isExitcodeError(error) ? error.details.status : undefined;
      if (status !== 400 && status !== 404) throw error;
      previous = false;
      text = await readLog(ref, false, tailLines);
    }
    const raw = String(text ?? '');
    const lineCount = raw === '' ? 0 : raw.split('\n', tailLines + 1).length - (raw.endsWith('\n') ? 1 : 0);
    return {
      container: ref.container ?? '',
      previous,
      lines: await analysis.logLines({ raw, tailLines }),
      truncated: Buffer.byteLength(raw) >= bounds.maxBytes || lineCount >= tailLines,
    };
  };

  const events = async (ref: PodRef): Promise<EventFact[]> => {
    assertName('namespace', ref.namespace);
    assertName('pod', ref.pod);
    const list = await connection.call({ verb: 'list', resource: 'events', namespace: ref.namespace }, () =>
      connection.core.listNamespacedEvent({
        namespace: ref.namespace,
        fieldSelector: `involvedObject.name=${ref.pod},involvedObject.namespace=${ref.namespace}`,
      }),
    );
    const facts = sortEvents(list.items.map(eventFacts));
    const scoped =
      ref.container === undefined
        ? facts
        : facts.filter((e) => e.container === undefined || e.container === ref.container);
    return scoped.map((e) => ({ ...e, message: redact(e.message) }));
  };

  const ping = async (): Promise<void> => {
    await connection.call({ verb: 'get', resource: 'version' }, () => connection.version.getCode());
  };

  const find: Investigator['find'] = (request) => findTarget(connection, request);

  return { clusterName: connection.clusterName, diagnose, logs, events, find, ping };
};
