/**
 * Alertmanager's webhook payload (format version 4), validated, and the alerts exitcode acts on:
 * kube-prometheus-stack's alerts that name a pod, a container or a Job. Everything else is
 * acknowledged and logged, never posted.
 */
import { z } from 'zod';
import type { AlertInput } from '../scanner/incident-engine.ts';

const labels = z.record(z.string().max(1024), z.string().max(4096));

const alertSchema = z.object({
  status: z.enum(['firing', 'resolved'], { error: 'alert status must be "firing" or "resolved"' }),
  labels,
  annotations: labels.optional(),
  startsAt: z.string().max(64).optional(),
  endsAt: z.string().max(64).optional(),
  fingerprint: z.string().max(128).optional(),
});

export const webhookSchema = z.object({
  version: z.literal('4', { error: 'only Alertmanager webhook version "4" is understood' }),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().max(1024).optional(),
  alerts: z.array(alertSchema).max(1000, { error: 'more than 1000 alerts in one notification' }),
});

export type Webhook = z.infer<typeof webhookSchema>;

/**
 * The alerts that name a pod or container (namespace/pod/container labels) or a Job (job_name: the
 * `job` label of these alerts is the scrape job, kube-state-metrics, never the Kubernetes Job).
 */
export const KNOWN_ALERTS: ReadonlySet<string> = new Set([
  'KubePodCrashLooping',
  'KubePodNotReady',
  'KubeContainerWaiting',
  'KubeJobFailed',
]);

const NAME = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;

export type AlertTarget = { known: true; input: AlertInput } | { known: false; alertname: string; why: string };

/** What one alert asks exitcode to do, or why it is ignored. */
export const alertTarget = (alert: Webhook['alerts'][number]): AlertTarget => {
  const alertname = alert.labels.alertname ?? '';
  if (!KNOWN_ALERTS.has(alertname)) return { known: false, alertname, why: 'not an alert exitcode acts on' };
  const { namespace, pod, container } = alert.labels;
  const job = alertname === 'KubeJobFailed' ? alert.labels.job_name : undefined;
  if (!namespace || !NAME.test(namespace)) return { known: false, alertname, why: 'no valid namespace label' };
  if (pod !== undefined && !NAME.test(pod)) return { known: false, alertname, why: 'invalid pod label' };
  if (job !== undefined && !NAME.test(job)) return { known: false, alertname, why: 'invalid job_name label' };
  if (container !== undefined && !NAME.test(container))
    return { known: false, alertname, why: 'invalid container label' };
  if (!pod && !job) return { known: false, alertname, why: 'names no pod or job' };
  return {
    known: true,
    input: {
      alertname,
      namespace,
      ...(pod ? { pod } : {}),
      ...(container ? { container } : {}),
      ...(job ? { job } : {}),
      firing: alert.status === 'firing',
    },
  };
};

/** The first problem of a payload that does not validate, as one sentence. */
export const payloadProblem = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
};
