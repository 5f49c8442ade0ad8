/** read_only_filesystem: the app writes to a path on a read-only filesystem (errno 30, EROFS). */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { finding, type Signature, signatureRule } from './log-helpers.ts';
import { eventEvidence, findEvents } from './spec-helpers.ts';

// A write check that failed without an errno: an entrypoint testing a directory before rendering its config
// (Confluent's "dub path /etc/kafka-connect/ writable FAILED"), a server refusing a directory it cannot write.
const WRITE_CHECK_FAILED =
  /\bwrit(?:e)?able\b[^\n]{0,40}\bFAILED\b|\bnot writ(?:e)?able\b|\bmust be writ(?:e)?able\b|\b(?:[Cc]annot|[Cc]an't|[Uu]nable to|[Cc]ould not|[Ff]ailed to) write (?:to|into|in)\b|\bno write (?:access|permission)\b/;
// The errno, when a line names one, decides (permission_denied, disk_full); a data directory is a volume.
const NAMES_OTHER_ERRNO =
  /[Pp]ermission denied|\bEACCES\b|errno:? ?13\b|[Nn]o space|ENOSPC|[Dd]isk quota|\bdata\b|[Rr]ead-only file ?system/;

const SIGNATURES: Signature[] = [
  {
    all: [/Read-only file ?system/i],
    confidence: 0.92,
    title: 'The app writes to a read-only filesystem',
    // The nginx image's entrypoint guesses "(read-only file system?)" when a ConfigMap is mounted: not a failure.
    not: /read-only file ?system\?/i,
  },
  {
    all: [/\bEROFS\b|ReadOnlyFilesystem|\{error,erofs\}/],
    confidence: 0.92,
    title: 'The app writes to a read-only filesystem (EROFS)',
  },
  {
    // Erlang/Elixir report the errno as a bare atom after the operation ("Failed to create cookie file
    // '/var/lib/rabbitmq/.erlang.cookie': erofs", "{error,{file_error,x,erofs}}"). The EROFS filesystem
    // (image layers mounted "-t erofs", an fstype field) is the same word for another thing.
    all: [/(?:[:,{]\s?|\berror \w{1,30} )erofs\b(?!-)/],
    confidence: 0.88,
    title: 'The app writes to a read-only filesystem (erofs)',
    not: /\b(?:fs_?type|fstype|filesystem type|mount(?:ing|ed)?|snapshotter|-t)\b/i,
  },
  {
    // Python's tempfile found no writable temp dir: with readOnlyRootFilesystem, /tmp needs an emptyDir.
    all: [/No usable temporary directory found in/],
    confidence: 0.85,
    title: 'No writable temporary directory (read-only root filesystem without an emptyDir at /tmp)',
  },
  {
    // /tmp and /var/tmp are writable by every user unless the filesystem itself is read-only.
    all: [WRITE_CHECK_FAILED, /(?:^|[\s'"`[(=:])\/(?:var\/)?tmp(?:\/|\b)/],
    confidence: 0.85,
    title: 'The temporary directory is not writable (read-only root filesystem without an emptyDir there)',
    not: NAMES_OTHER_ERRNO,
  },
  {
    // A directory of the image itself (/etc/<app>, /opt, /usr, /run, /var/cache): a readOnlyRootFilesystem is
    // the usual reason now, though an image whose directories the container user does not own says the same.
    all: [WRITE_CHECK_FAILED, /(?:^|[\s'"`[(=:])\/(?:etc|opt|usr|run|var\/run|var\/cache)\//],
    confidence: 0.62,
    title: 'A directory of the image is not writable (read-only root filesystem?)',
    not: NAMES_OTHER_ERRNO,
  },
  {
    // A cache library that looked for a writable directory and found none: numba's "cannot cache function
    // ...: no locator available for file" (neither __pycache__ beside the code nor a user cache dir can be
    // written), fontconfig's "No writable cache directories", Hugging Face's "problem when trying to write in
    // your cache folder". A read-only root filesystem is the usual container reason; a non-root user without a
    // writable home says the same, so this is a likely reading.
    all: [
      /\bno locator available for file\b|\bNo writable cache director(?:y|ies)\b|\bproblem when trying to write in your cache folder\b|\b(?:[Cc]annot|[Cc]ould not|[Uu]nable to|[Ff]ailed to) (?:find|create) (?:a |any )?writable (?:cache|temp(?:orary)?|config(?:uration)?) (?:dir(?:ectory)?|folder|location)\b/,
    ],
    confidence: 0.7,
    title: 'No writable cache directory was found (read-only root filesystem without an emptyDir for the cache)',
    not: NAMES_OTHER_ERRNO,
  },
  {
    // A self-extracting bundle (a .NET single-file app with native libraries, a PyInstaller/pkg/Nuitka onefile
    // binary) must unpack itself before it runs, into $HOME or /tmp: when neither can be written it stops before
    // any app code. With a set, writable HOME that is a read-only root filesystem without an emptyDir; a message
    // that also names the override variable ("DOTNET_BUNDLE_EXTRACT_BASE_DIR is not set") is still this cause.
    all: [
      /\bFailed to determine location for extracting embedded files\b|\ba read-write cache directory couldn't be created\b|\bCould not extract contents of the bundle\b|\b(?:[Cc]annot|[Cc]ould not|[Uu]nable to|[Ff]ailed to) (?:create|find) (?:a |the )?(?:writable )?(?:extraction|unpack(?:ing)?) (?:dir(?:ectory)?|folder|location)\b|\bCould not (?:create|write) (?:the )?temporary director(?:y|ies) for (?:extraction|unpacking)\b/,
    ],
    confidence: 0.88,
    title:
      'A self-extracting binary could not unpack itself (read-only root filesystem without an emptyDir for HOME or /tmp)',
    not: NAMES_OTHER_ERRNO,
  },
  {
    // The .NET host's generic E_FAIL from CoreCLR start-up: its usual container reason is a read-only /tmp,
    // where the runtime creates its diagnostics IPC socket and double-mapped code files. Other reasons exist
    // (a W^X policy, seccomp), so this is a likely reading, not a certain one; E_OUTOFMEMORY is not included.
    all: [/Failed to create CoreCLR, HRESULT: 0x80004005/],
    confidence: 0.66,
    title: 'The .NET runtime could not start: /tmp is likely read-only (readOnlyRootFilesystem without an emptyDir)',
  },
  {
    // SQLite opens a file it cannot open for writing read-only, then refuses the first write: the file sits in
    // the image (a starter project's db.sqlite3 under readOnlyRootFilesystem) as often as on a volume the
    // container user does not own (permission_denied's reading, slightly ahead), so both stay in the ranking.
    all: [/\battempt to write a read-?only database\b|\bSQLITE_READONLY\b/],
    not: NAMES_OTHER_ERRNO,
    confidence: 0.66,
    title: 'SQLite could not write its database file (read-only root filesystem?)',
  },
  {
    all: [/\[Errno 30\]|\berrno:? ?30\b|\(30\)|code: 30\b/],
    confidence: 0.75,
    title: 'The app writes to a read-only filesystem (errno 30)',
  },
];

const fromLog = signatureRule({
  id: 'read-only-filesystem',
  category: 'read_only_filesystem',
  signatures: SIGNATURES,
  steps: (ctx) => [
    `Check whether the root filesystem is read-only: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].securityContext.readOnlyRootFilesystem}')}`,
    `Mount an emptyDir at the written path (cache, tmp, run dirs): ${kubectl.editWorkload(ctx.target)}`,
  ],
});

// The runtime preparing a container (kubelet's generated spec, a hostPath or subPath it must create) fails on
// an immutable host root (Talos, Bottlerocket, Flatcar's /usr) with EROFS in a Failed event, and the container
// never starts, so no log and no status message carry it. A pull or probe failure is not such a start.
const START_EVENT_READ_ONLY = /\bread-only file ?system\b|\bEROFS\b/i;
const START_EVENT_STEP =
  /\bfailed to (?:generate|create|prepare|mkdir|mount|start)\b|\bmkdir\b|\bsubPath\b|\bCreateContainerError\b|\bRunContainerError\b/;

const fromStartEvents = (ctx: RuleContext): Finding | null => {
  const event = findEvents(ctx, /^(?:Failed|FailedMount|FailedCreatePodSandBox)$/, START_EVENT_READ_ONLY).find(
    (e) => START_EVENT_STEP.test(e.message) && !/\b(?:[Pp]ull|[Pp]robe)\b/.test(e.message),
  );
  if (!event) return null;
  return finding(ctx, {
    ruleId: 'read-only-filesystem',
    category: 'read_only_filesystem',
    title: 'The runtime could not create a path for the container: the host filesystem there is read-only',
    confidence: 0.88,
    evidence: [eventEvidence(event)],
    steps: [
      `Find the hostPath or subPath the container needs created: ${kubectl.podSpec(ctx.target, '{.spec.volumes}')}`,
      'On an immutable node OS (Talos, Bottlerocket, Flatcar) point it at a writable host directory (/var) or use the OS extension instead.',
    ],
  });
};

export const readOnlyFilesystem = {
  id: 'read-only-filesystem',
  match: (ctx: RuleContext): Finding | null => fromLog.match(ctx) ?? fromStartEvents(ctx),
};
