/**
 * kubectl commands for next steps, with the real names filled in when known and <placeholders> when
 * not (classify has no pod). Every rule builds its commands here, so they read the same everywhere.
 */
import type { Target } from './types.ts';

const namespaceOf = (target: Target): string => target.namespace ?? '<namespace>';
const podOf = (target: Target): string => target.pod ?? '<pod>';
const containerFlag = (target: Target): string => (target.container ? ` -c ${target.container}` : '');
const workloadOf = (target: Target): string =>
  target.workload ? `${target.workload.kind.toLowerCase()}/${target.workload.name}` : 'deployment/<name>';

export const kubectl = {
  previousLogs: (t: Target): string => `kubectl logs -n ${namespaceOf(t)} ${podOf(t)}${containerFlag(t)} --previous`,
  describePod: (t: Target): string => `kubectl describe pod -n ${namespaceOf(t)} ${podOf(t)}`,
  podEvents: (t: Target): string =>
    `kubectl get events -n ${namespaceOf(t)} --field-selector involvedObject.name=${podOf(t)} --sort-by=.lastTimestamp`,
  podSpec: (t: Target, jsonPath: string): string =>
    `kubectl get pod -n ${namespaceOf(t)} ${podOf(t)} -o jsonpath='${jsonPath}'`,
  editWorkload: (t: Target): string => `kubectl edit -n ${namespaceOf(t)} ${workloadOf(t)}`,
  setEnv: (t: Target, assignment: string): string =>
    `kubectl set env -n ${namespaceOf(t)} ${workloadOf(t)}${containerFlag(t)} ${assignment}`,
  setResources: (t: Target, limits: string): string =>
    `kubectl set resources -n ${namespaceOf(t)} ${workloadOf(t)}${containerFlag(t)} --limits=${limits}`,
  rolloutHistory: (t: Target): string => `kubectl rollout history -n ${namespaceOf(t)} ${workloadOf(t)}`,
  rolloutUndo: (t: Target): string => `kubectl rollout undo -n ${namespaceOf(t)} ${workloadOf(t)}`,
  rolloutRestart: (t: Target): string => `kubectl rollout restart -n ${namespaceOf(t)} ${workloadOf(t)}`,
  get: (t: Target, kind: string, name: string): string => `kubectl get ${kind} -n ${namespaceOf(t)} ${name} -o yaml`,
  exec: (t: Target, command: string): string =>
    `kubectl exec -n ${namespaceOf(t)} ${podOf(t)}${containerFlag(t)} -- ${command}`,
  debugCopy: (t: Target, command: string): string =>
    `kubectl debug -n ${namespaceOf(t)} ${podOf(t)} -it --copy-to=${podOf(t)}-debug${containerFlag(t)} -- ${command}`,
  describeNode: (node: string): string => `kubectl describe node ${node}`,
};
