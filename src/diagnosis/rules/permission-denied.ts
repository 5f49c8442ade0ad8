/**
 * permission_denied: the container user lacks permission on a file, directory, volume, socket or a
 * privileged port (< 1024 as non-root). Exec failures (exit 126) and read-only filesystems have their
 * own rules; this one owns the data and port cases.
 */
import { kubectl } from '../kubectl.ts';
import { isShellExecDenied } from './exec-clues.ts';
import { launchFailure } from './exec-launch-clues.ts';
import { EMPTY_LISTEN_ADDRESS, OUTPUT_FILE_NOT_OPENED } from './config-clues.ts';
import { type Signature, signatureRule } from './log-helpers.ts';
import { FILE_ACCESS_SIGNATURES } from './permission-denied-access-words.ts';
import {
  ACCESS_CHECK,
  DIRECTORY_CREATION_SIGNATURES,
  LACKS_PRIVILEGES_TO_FIX,
  MODE_CHECKS,
  NO_WRITE_PERMISSION,
  NOT_WRITABLE,
  OWNERSHIP_CHECK,
  WRITE_CHECK_AS_USER,
} from './permission-denied-write-checks.ts';

// An exec of a non-executable file is exec_permission_denied; its rule reads these lines.
const EXEC =
  /exec user process|\bexec:? "?(?:\/|\.\/)|cannot execute|Permission denied \((?:publickey|password|keyboard)|Permission denied, please try again/;

// The fields of Node's error object under the message ("  code: 'EACCES',", "  errno: -13,").
const ERRNO_FIELD = /^\s{0,8}(?:code|errno|syscall): /;

// A directory of the image rather than of a volume (/tmp, /etc/<app>, /opt): with no errno named, a read-only
// root filesystem says "not writable" there as often as ownership does. A data directory is a volume.
const IMAGE_DIR = /(?:^|[\s'"`[(=:])\/(?:(?:var\/)?tmp|etc|opt|usr|run|var\/run|var\/cache)\b/;

// A file tool of coreutils or BusyBox refused by the kernel in an entrypoint that prepares its directories
// ("mkdir: cannot create directory '/data/log': Permission denied", "touch: cannot touch", "cp: cannot create
// regular file", BusyBox "mkdir: can't create directory"): on a volume, ownership. An exec failure or a
// read-only mount names other words.
const FILE_TOOL_DENIED: Signature = {
  all: [
    /\b(?:mkdir|touch|cp|mv|ln|install|tee|rm|rmdir|chmod|chown|tar|cat|sed|ls): (?:cannot|can't) (?:create|touch|open|remove|write|stat|access|overwrite|move|make|change)\b[^\n:]{0,240}: Permission denied/,
  ],
  confidence: 0.86,
  title: 'The container user cannot create or write a path it prepares at start (ownership of the volume)',
  not: EXEC,
};

// Go's *PathError ("open /mattermost/config/config.json: permission denied", "mkdir /data/git: permission
// denied"): the syscall and the path the process was refused, in lower case; an exec says "fork/exec".
const GO_PATH_ERROR: Signature = {
  all: [
    /(?:^|[\s:])(?:open|openat|mkdir|mkdirall|create|rename|remove|unlinkat|chmod|stat|lstat) [^\s:]{1,200}: permission denied\b/,
  ],
  confidence: 0.8,
  title: 'The container user lacks permission on a path (ownership of the volume)',
  not: EXEC,
};

// A shell that could not open a data file (a redirect "> .secret_key", "echo x >> /data/app.log", a sourced
// env file): a path whose last part has an extension other than a script's is no program, so this is no exec
// failure. The script's later steps (an empty secret, a missing file it meant to write) are consequences, so
// this reading is confident.
const SHELL_REDIRECT_DENIED: Signature = {
  all: [
    /^(?:(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|z|k|a)?sh: (?:line )?\d{1,5}: |[^\s:]{1,300}: (?:line )?\d{1,5}: )[^\s:]{0,300}\.(?!(?:sh|bash|py|rb|pl):)[\w-]{1,40}: Permission denied\s{0,4}$/,
  ],
  confidence: 0.9,
  title: 'A start script cannot write a file it creates (the directory is owned by another user)',
  // A program in a bin directory ("/usr/local/bin/app.py") is an exec (exec_permission_denied's).
  not: /\/(?:s?bin|libexec)\/[^\s:/]{1,200}: Permission denied|exec user process|cannot execute/,
};

// A wrapper that quotes its child's stderr ("stderr: \"sh: 1: /app/vendor/bin/wkhtmltopdf: Permission denied",
// Symfony Process, Python's CalledProcessError output): the shell's words start mid-line, the exec is the same.
const QUOTED_SHELL = /(?:^|[\s"'`])(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|z|k|a)?sh: /;
const isQuotedShellExecDenied = (text: string): boolean => {
  const quoted = QUOTED_SHELL.exec(text);
  return quoted !== null && isShellExecDenied(text.slice(quoted.index).trimStart());
};

// A suggestion that offers the write check as one of two guesses ("maybe these locations are not writable or
// multiple nodes were started on the same data path?"): permissions are one reading, not the finding.
const HEDGE = /\b(?:maybe|perhaps|possibly|might be|could be)\b/i;
const OTHER_GUESS = /\bnot writ(?:e)?able or\b/;

const GENERIC: Signature = {
  all: [/(?::|\]) ?[Pp]ermission denied/],
  confidence: 0.65,
  title: 'The container user lacks permission on a path',
  not: EXEC,
};
const PRIVILEGED_BIND: Signature = {
  all: [/\b(?:bind|listen)\b|\bbind\(\)/i, /[Pp]ermission denied|\bEACCES\b/],
  confidence: 0.9,
  title: 'A non-root process cannot bind a privileged port (< 1024)',
};

const SIGNATURES: Signature[] = [
  PRIVILEGED_BIND,
  { all: [/\bEACCES\b/], confidence: 0.85, title: 'The container user lacks permission on a path (EACCES)', not: EXEC },
  {
    all: [/\[Errno 13\] Permission denied|PermissionError: |PermissionError\(13\b/],
    confidence: 0.87,
    title: 'The container user lacks permission on a path',
  },
  {
    all: [/java\.nio\.file\.AccessDeniedException|\(Permission denied\)/],
    confidence: 0.87,
    title: 'The container user lacks permission on a path',
  },
  FILE_TOOL_DENIED,
  GO_PATH_ERROR,
  NOT_WRITABLE,
  OWNERSHIP_CHECK,
  WRITE_CHECK_AS_USER,
  ACCESS_CHECK,
  NO_WRITE_PERMISSION,
  ...DIRECTORY_CREATION_SIGNATURES,
  LACKS_PRIVILEGES_TO_FIX,
  ...MODE_CHECKS,
  SHELL_REDIRECT_DENIED,
  {
    all: [/\bCannot write into /, /\bdirectory\b/],
    confidence: 0.82,
    title: 'The container user cannot write to a directory it needs',
  },
  {
    // OpenSSH refuses a private key readable by others and goes on without it: the "Permission denied
    // (publickey)" that follows is a consequence, so the key's mode is the cause, not the credentials.
    all: [/UNPROTECTED PRIVATE KEY FILE|This private key will be ignored|Load key "[^"\n]{1,300}": bad permissions/],
    confidence: 0.88,
    title: 'ssh ignores a private key whose file mode is too open (a Secret mounted 0644?)',
  },
  {
    // Key files that must be private (mongo keyfile, acme.json, .erlang.cookie, ssh keys).
    all: [/\b[Pp]ermissions\b/, /\bare too open\b/],
    confidence: 0.84,
    title: 'A key file is mounted with permissions the server refuses (too open)',
  },
  {
    all: [/System\.UnauthorizedAccessException: Access to the path/],
    confidence: 0.87,
    title: 'The container user lacks permission on a path',
  },
  {
    all: [
      /\bchown: changing ownership of|chown: [^\s]+: Operation not permitted|could not change permissions of directory|chmod: changing permissions of/,
    ],
    confidence: 0.82,
    title: 'The container cannot change ownership or mode of its volume',
  },
  {
    // PostgreSQL checks the mode too: a volume (or fsGroup) that leaves the data directory group/world-readable.
    all: [
      /data directory "[^"]+" has (?:invalid|group or world access|wrong) permissions|Permissions should be u=rwx \(0700\)/,
    ],
    confidence: 0.84,
    title: 'The data directory has a mode the server refuses (volume permissions or fsGroup)',
  },
  {
    // libuv's errno for a denied operation on a path (CIFS/NFS volumes, files owned by another user).
    all: [/\bEPERM\b/],
    confidence: 0.7,
    title: 'The container user is not permitted an operation on a path (EPERM)',
    not: EXEC,
  },
  {
    all: [/data directory "[^"]+" has wrong ownership|must be started by the user that owns the data directory/],
    confidence: 0.85,
    title: 'The PostgreSQL data directory is owned by another user than the server runs as',
  },
  {
    all: [
      /must be accessible by owner only|[Pp]ermissions \d{3,4} for '[^']+' are too open|has group or world access|bad permissions|UNPROTECTED PRIVATE KEY FILE/,
    ],
    confidence: 0.8,
    title: 'A file has the wrong permissions (owner or mode) for the server',
  },
  {
    // Rust's io::Error: Display says "(os error 13)", Debug spreads `kind: PermissionDenied` over its own line.
    all: [/\(os error 13\)|\bkind: PermissionDenied\b/],
    confidence: 0.85,
    title: 'The container user lacks permission on a path',
    not: EXEC,
  },
  {
    // Servers that test the directory before writing and word a failed write check as "read-only" (MongoDB's
    // lock file): on a volume that is usually ownership; a truly read-only mount says "Read-only file system".
    all: [
      /\b(?:on|to|in) (?:a |the )?read-only (?:directory|folder|data ?dir(?:ectory)?)\b|\b(?:directory|folder) (?:is )?read-only\b/,
    ],
    confidence: 0.74,
    title: 'The server cannot write to its data directory (ownership or mode)',
    not: /Read-only file ?system|\bEROFS\b/i,
  },
  {
    // A file opened for writing that the server cannot open (log file, database, pid file): with no errno
    // named, the usual reason in a container is a volume owned by another user than the process runs as.
    all: [
      /\b(?:[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|[Ff]ailed to) (?:open|create) (?:[a-z]{1,20} ){0,3}[^\s]{1,200} for (?:writing|write|appending)\b|\bCan't create\/write to file\b/,
    ],
    confidence: 0.72,
    title: 'The container user cannot open a file it writes (ownership of the volume or directory)',
    // The errno names another cause when it is there.
    not: /[Nn]o such file|ENOENT|[Rr]ead-only file ?system|EROFS|[Nn]o space left|ENOSPC|[Dd]isk quota/,
  },
  {
    // A directory the server creates under its volume at start (ZooKeeper's version-2, Kafka's log dirs,
    // Solr/Jenkins homes) that mkdirs() refused with no errno: in a pod that is almost always a volume owned
    // by root while the process runs as another user; a full or read-only disk names its errno instead.
    // The passive wording is the same failure (Kafka Streams' "state directory [x] doesn't exist and couldn't be
    // created", "directory x could not be created"), and so is Java's File.mkdirs() reported without an errno;
    // git-based servers say "Cannot make directory" / "could not create leading directories" (Gerrit's init).
    all: [
      /\b(?:[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|[Ff]ailed to) (?:create|make) (?:or validate )?(?:the )?(?:leading |data|log|home|state|storage|snapshot|work(?:ing)?|cache|index|tmp|temp)?[ -]?dir(?:ectory|ectories)?\b|\b(?:dir(?:ectory)?|folder) \[?[^\s\]]{1,200}\]? (?:(?:doesn't|does not) exist and )?(?:could not|couldn't|cannot|can't) be created\b|\b(?:[Ff]ailed to|[Cc]ould not|[Uu]nable to) mkdirs?\b|\bmkdirs\(\) (?:failed|returned false)/,
    ],
    confidence: 0.72,
    title: 'The server cannot create a directory on its volume (ownership of the volume)',
    not: /[Nn]o such file|ENOENT|[Rr]ead-only file ?system|EROFS|[Nn]o space left|ENOSPC|[Dd]isk quota|[Ff]ile exists|EEXIST/,
  },
  ...FILE_ACCESS_SIGNATURES,
  GENERIC,
  {
    // Erlang reports the errno as an atom; MinIO words it as a missing write permission.
    all: [/\beacces\b|has write permissions for the backend|Unable to write to the backend/],
    confidence: 0.8,
    title: 'The container user cannot write or read a file it needs',
  },
  {
    // SQLite: the database file (or its directory) is not writable by the container user.
    all: [/attempt to write a readonly database/],
    confidence: 0.7,
    title: 'The SQLite database file is not writable by the container user',
  },
  {
    // SQLite says this (SQLITE_CANTOPEN, "Error 14") when the file or its directory is not writable by the
    // container user, the usual case for a data directory created as root in the image or a root-owned volume;
    // an absent directory says the same, so this stays below the confident band.
    all: [/unable to open database file|SQLite Error 14\b|\bSQLITE_CANTOPEN\b/],
    not: /[Nn]o such file|ENOENT|does not exist|[Rr]ead-only file ?system|EROFS/,
    confidence: 0.7,
    title: 'The SQLite database file cannot be opened (directory not writable by the container user?)',
  },
  {
    // A log, pid or lock file the server could not open with no errno: a missing directory says the same,
    // so this stays below the confident band.
    all: [OUTPUT_FILE_NOT_OPENED],
    confidence: 0.68,
    title: 'The server cannot open its log or pid file (directory owned by another user?)',
    not: /[Nn]o such file|ENOENT|does not exist|[Rr]ead-only file ?system|EROFS|[Nn]o space left|ENOSPC/,
  },
  {
    all: [/Operation not permitted/],
    confidence: 0.5,
    title: 'The container is not permitted an operation (user, capabilities or seccomp)',
  },
];

export const permissionDenied = signatureRule({
  id: 'permission-denied',
  category: 'permission_denied',
  signatures: SIGNATURES,
  adjust: (ctx, hit) => {
    // A shell denied running a program: the exec rule owns that; this reading stays as an alternative.
    if (hit.signature === GENERIC && hit.lines.every((l) => isShellExecDenied(l.text))) return 0.45;
    // Port 80 bound only because the listen address was empty: the unset variable is the cause (missing_env_var).
    if (hit.signature === PRIVILEGED_BIND && ctx.log.lines.some((l) => EMPTY_LISTEN_ADDRESS.test(l.text))) return 0.6;
    // A wrapper quoting its child's shell error on a program: the same exec failure, mid-line.
    if (hit.lines.every((l) => isQuotedShellExecDenied(l.text))) return Math.min(hit.confidence, 0.45);
    if (hit.signature === NOT_WRITABLE && HEDGE.test(hit.line.text) && OTHER_GUESS.test(hit.line.text))
      return Math.min(hit.confidence, 0.55);
    // So is a program the app started and got EACCES for (a subprocess PermissionError, Node's "spawn x
    // EACCES", Go's fork/exec): the exec-permission-denied rule reads the same launch failure.
    // Node's error object repeats the errno on its own lines (code: 'EACCES'), which are the launch's too.
    const launch = launchFailure(ctx);
    if (
      launch?.denied &&
      hit.lines.every((l) => l.text.includes(launch.program) || ERRNO_FIELD.test(l.text) || isShellExecDenied(l.text))
    )
      return Math.min(hit.confidence, 0.45);
    if (
      (hit.signature === NOT_WRITABLE || hit.signature === ACCESS_CHECK || hit.signature === WRITE_CHECK_AS_USER) &&
      IMAGE_DIR.test(hit.line.text) &&
      !/\bdata\b|[Pp]ermission denied|\bEACCES\b/.test(hit.line.text)
    )
      return Math.min(hit.confidence, 0.6);
    return hit.confidence;
  },
  steps: (ctx) => [
    `Check the user and fsGroup the container runs as: ${kubectl.podSpec(ctx.target, '{.spec.securityContext} {.spec.containers[*].securityContext}')}`,
    `Check the owner of the path: ${kubectl.debugCopy(ctx.target, 'ls -ln <path>')}`,
    'Set fsGroup (or an init container chown) so the volume is writable, or listen on a port >= 1024',
  ],
});
