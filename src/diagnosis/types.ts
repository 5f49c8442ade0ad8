/**
 * The plain, serializable facts the diagnosis core works on, and what it answers. Nothing here knows
 * about Kubernetes clients or Slack: the cluster gateway maps API objects into these shapes, and the
 * renderers (terminal, JSON, Block Kit) only read them.
 */
import type { CategoryId } from './taxonomy.ts';

// ---------------------------------------------------------------- the log

/** One line of the log tail after normalization (ANSI stripped, CR removed, JSON lines unpacked). */
export interface LogLine {
  /** 1-based position in the tail that was read (the numbers quoted as evidence). */
  line: number;
  /** The human-readable text: for a JSON log line, its message (plus error/stack when present). */
  text: string;
  /** Level when the line carried one (JSON field or a recognisable prefix), lower-cased. */
  level?: string;
}

export interface ScannedLog {
  lines: LogLine[];
  /** Bytes of the original input. */
  totalBytes: number;
  /** Bytes actually read: only the tail is, within the byte bound. */
  bytesRead: number;
  /** True when the head was dropped by the byte or line bound, or a line was cut. */
  truncated: boolean;
  /** True when the input looked like binary data rather than text. */
  binary: boolean;
  /** True when there was no text at all (an empty log is evidence too). */
  empty: boolean;
}

// ---------------------------------------------------------------- the surroundings (from the cluster)

export interface EventFact {
  /** Normal or Warning ('' when parsed from free text). */
  type: string;
  /** Kubernetes event reason (BackOff, Unhealthy, Killing, FailedMount, ...); '' when unknown. */
  reason: string;
  message: string;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  /** The object the event is about, as kind/name (Pod/api-7f9c6-abcde). */
  object?: string;
  /** The container the event names, when it names one (fieldPath spec.containers{name}). */
  container?: string;
}

export type ContainerState =
  | { kind: 'waiting'; reason?: string; message?: string }
  | { kind: 'running'; startedAt?: string }
  | {
      kind: 'terminated';
      exitCode: number;
      signal?: number;
      reason?: string;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
    };

export interface EnvReference {
  /** The variable name in the container, or undefined for envFrom. */
  variable?: string;
  source: 'ConfigMap' | 'Secret';
  name: string;
  key?: string;
  optional: boolean;
}

export interface ProbeFacts {
  type: 'httpGet' | 'tcpSocket' | 'exec' | 'grpc';
  /** Path for httpGet, command for exec, '' otherwise. */
  target: string;
  port?: number | string;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
}

export interface SecurityFacts {
  readOnlyRootFilesystem?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilitiesAdd: string[];
  capabilitiesDrop: string[];
}

export interface ContainerFacts {
  name: string;
  init: boolean;
  image: string;
  imageID?: string;
  command: string[];
  args: string[];
  ready: boolean;
  restartCount: number;
  state: ContainerState;
  lastState?: ContainerState;
  resources: { limits: Record<string, string>; requests: Record<string, string> };
  /** Container-level security context merged over the pod's (container wins). */
  security: SecurityFacts;
  ports: { containerPort: number; protocol: string; name?: string }[];
  envReferences: EnvReference[];
  /** Names of plain env variables (values are never gathered: they may be secrets). */
  envNames: string[];
  probes: { liveness?: ProbeFacts; readiness?: ProbeFacts; startup?: ProbeFacts };
  volumeMounts: { name: string; mountPath: string; readOnly: boolean }[];
}

export interface VolumeFacts {
  name: string;
  kind: 'configMap' | 'secret' | 'persistentVolumeClaim' | 'emptyDir' | 'hostPath' | 'projected' | 'other';
  /** The ConfigMap/Secret/claim name behind it, when it has one. */
  source?: string;
}

export interface OwnerRef {
  kind: string;
  name: string;
}

export interface PodFacts {
  namespace: string;
  name: string;
  uid: string;
  phase: string;
  nodeName?: string;
  createdAt?: string;
  labels: Record<string, string>;
  /** The pod's status reason/message (Evicted, ...), when set. */
  reason?: string;
  message?: string;
  restartPolicy: string;
  containers: ContainerFacts[];
  initContainers: ContainerFacts[];
  volumes: VolumeFacts[];
  /** The direct controller of the pod, if any (a bare pod has none). */
  owner?: OwnerRef;
}

export interface RevisionFacts {
  revision: string;
  createdAt?: string;
  /** container name -> image */
  images: Record<string, string>;
}

export interface WorkloadFacts {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'ReplicaSet';
  name: string;
  namespace: string;
  /** Owner chain from the pod up: [ReplicaSet, Deployment] for a Deployment-owned pod. */
  chain: OwnerRef[];
  /** The workload's current revision and when it rolled out. */
  current?: RevisionFacts;
  /** The revision before it, to name what changed. */
  previous?: RevisionFacts;
  /** The revision this pod runs, when known: a pod of an older revision is not the latest rollout's. */
  podRevision?: string;
}

export interface NodeFacts {
  name: string;
  architecture: string;
  os: string;
  kernelVersion?: string;
  conditions: { type: string; status: string; reason?: string; message?: string }[];
}

// ---------------------------------------------------------------- input to the classifier

/**
 * What a crashed container left behind. Only exitCode/reason/log/events are known to `classify`;
 * `diagnose` adds the pod, the container, its workload and node so that spec-aware rules can speak.
 */
export interface CrashFacts {
  exitCode: number | null;
  /** Termination reason (OOMKilled, Error, Completed, ...) or waiting reason (CreateContainerConfigError, ...). */
  reason: string | null;
  /** The status message that came with the reason, when any. */
  message?: string | null;
  log: ScannedLog;
  /** Set when the log could not be read (forbidden, timed out): then an empty `log` is not evidence of silence. */
  logUnreadable?: string;
  events: EventFact[];
  pod?: PodFacts;
  container?: ContainerFacts;
  workload?: WorkloadFacts;
  node?: NodeFacts;
  /** The time the facts were gathered (ISO 8601), so that time-based rules need no clock. */
  observedAt?: string;
}

/** Names used to fill real kubectl commands into next steps; placeholders when unknown. */
export interface Target {
  namespace?: string;
  pod?: string;
  container?: string;
  workload?: OwnerRef;
}

// ---------------------------------------------------------------- what the classifier answers

export interface ExitMeaning {
  code: number | null;
  reason: string | null;
  /** Set for 128+n exit codes: the signal that killed the process. */
  signal: { number: number; name: string } | null;
  /** One short phrase: "killed by SIGKILL (memory limit: OOMKilled)". */
  summary: string;
  /** One or two sentences for a person who does not know the convention. */
  detail: string;
}

export interface Evidence {
  /** Line number in the log tail; null for evidence from events, status or spec. */
  line: number | null;
  text: string;
  source: 'log' | 'event' | 'status' | 'spec';
}

export interface Finding {
  /** The rule that produced it (file name without extension). */
  ruleId: string;
  category: CategoryId;
  title: string;
  /**
   * What the evidence names, when it names one: the variable, the module, the file, host:port, the
   * image:tag, the memory limit. Set by the engine.
   */
  subject?: string;
  /**
   * One short line for a message header, built around the subject ("STRIPE_API_KEY is not set",
   * "Node.js module `ioredis` is not installed"); the rule's `title` when the evidence names nothing.
   * Set by the engine on every finding it returns; no final period.
   */
  headline?: string;
  /** 0..1, calibrated: 0.9 means right about nine times in ten. */
  confidence: number;
  evidence: Evidence[];
  nextSteps: string[];
}

export interface Classification {
  best: Finding;
  /** Other causes worth considering, best first. */
  alternatives: Finding[];
  exit: ExitMeaning;
  log: Omit<ScannedLog, 'lines'> & { linesRead: number };
}

// ---------------------------------------------------------------- a whole pod's diagnosis

export interface TimelineEntry {
  at: string;
  what: string;
  source: 'pod' | 'container' | 'event' | 'workload';
}

export interface ContainerDiagnosis {
  container: string;
  init: boolean;
  image: string;
  restartCount: number;
  lastCrashAt?: string;
  /** How often it crashes: "Restarted 14 times in 2 h 10 min (about 6.5 per hour); now in CrashLoopBackOff." */
  frequency?: string;
  /** The earliest sign of trouble (first crash event, else an honest lower bound): when the incident began. */
  failingSince?: string;
  classification: Classification;
}

export interface MissingEvidence {
  what: string;
  why: string;
}

/** One typed, serializable value: the CLI and Slack only render it. */
export interface Diagnosis {
  cluster: string;
  namespace: string;
  pod: string;
  podUid: string;
  phase: string;
  node?: string;
  workload?: { kind: string; name: string; revision?: string; rolledOutAt?: string; podRevision?: string };
  /** True when no container is failing: the answer says so, with the restart history. */
  healthy: boolean;
  /** Failing containers, most recent failure first; [0] is the one the headline speaks of. */
  containers: ContainerDiagnosis[];
  timeline: TimelineEntry[];
  missing: MissingEvidence[];
  /** Set when the user named a workload: which pod was picked and why. */
  selectedBecause?: string;
  generatedAt: string;
}
