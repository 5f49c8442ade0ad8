/**
 * permission_denied's readings of a denied file access worded without the C library's "Permission denied":
 * the errno as a number (Apache's "(13)Permission denied", ClickHouse/Poco's "e.code() = 13"), a C++ or
 * Java framework's own "Access to file denied: /path", and a server's readability check that names the
 * permissions. The permission-denied rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const FILE_ACCESS_SIGNATURES: Signature[] = [
  {
    // A C server that prints strerror() alone on its own line under the step that failed: Redis's "FATAL CONFIG
    // FILE ERROR ... >>> 'dir "/data"'" then "Permission denied" (its chdir into a root-owned volume), and other
    // daemons that report a failed open or chdir the same way. The config is right; the path's owner is not.
    all: [/^\s{0,4}(?:Permission denied|EACCES)\.?\s{0,4}$/],
    confidence: 0.82,
    title: 'The container user lacks permission on a path the server opens or enters',
  },
  {
    // EACCES is errno 13 on Linux: frameworks that print the number keep the path's ownership as the cause.
    all: [/\(13\)[Pp]ermission denied|\(13: Permission denied\)|errno 13\b|\berrno ?[=:] ?13\b|\be\.code\(\) = 13\b/],
    confidence: 0.85,
    title: 'The container user lacks permission on a path',
  },
  {
    // A framework's own wording of EACCES on a path: Poco (ClickHouse) "Access to file denied: /var/log/x.log",
    // "access to the directory is denied", "permission denied for file /data/x". A database's "Access denied for
    // user" names a login, not a file: the path words keep it out.
    all: [
      /\bAccess to (?:the )?(?:file|path|directory|folder) (?:is )?denied\b|\b(?:[Aa]ccess|[Pp]ermission) (?:is )?denied (?:to|for|on|when (?:opening|reading|writing)) (?:the )?(?:file|path|directory|folder)\b/,
    ],
    confidence: 0.84,
    title: 'The container user is denied access to a file or directory (ownership of the volume?)',
  },
  {
    // A server that checks a file before use and asks for it to be readable (OpenSearch/Elasticsearch security
    // "Please make sure this files exists and is readable regarding to permissions", "is not readable"): with
    // a mounted Secret or volume, a mode or owner the container user cannot read is the usual reason, an absent
    // file the other, hence below the confident band.
    all: [
      /\breadable regarding to permissions\b|\b(?:make sure|check|ensure) (?:that )?(?:the|this) (?:key |certificate |config )?files? (?:exists? and )?(?:is|are) readable\b|\b(?:file|key|certificate) [^\s]{1,200} is not readable\b/,
    ],
    confidence: 0.62,
    title: 'A file the server reads is not readable by the container user (mode or owner; or absent)',
  },
  {
    // An agent's embedded state database (Fluent Bit's tail offsets "[sqldb] cannot open database
    // /var/fluent-bit/state/flb.db", a collector's checkpoint or position file) that it cannot open or create on a
    // hostPath: the container user, or SELinux on nodes that enforce it (Bottlerocket, OpenShift), may not write
    // there. A missing or read-only directory says the same, so this is a likely reading, not a sure one.
    all: [
      /\b(?:[Cc]annot|[Cc]an't|[Cc]ould(?:n't| not)|[Uu]nable to|[Ff]ailed to) (?:open|create|open\/create|open or create) (?:the )?(?:sqlite |state |offsets? |positions? |checkpoint |local )?(?:database|db|DB) (?:file )?['"`]?\/[\w.-]/,
    ],
    confidence: 0.62,
    title: 'A state database on a host path cannot be opened (not writable by the container user, or SELinux)',
    not: /[Nn]o such file|\bENOENT\b|[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b|\bis locked\b|\bcorrupt|\bmalformed\b/,
  },
  {
    // Status-style errors that put the path, then the errno text after a separator: TensorFlow's
    // "PermissionDeniedError: /mnt/tensorboard/run; Permission denied", absl/gRPC-style "open /x, Permission
    // denied". SSH's "Permission denied (publickey)" and gRPC's PERMISSION_DENIED are logins, not paths.
    all: [/\/[\w.@+-]{1,200}[;,] [Pp]ermission denied\b/],
    confidence: 0.82,
    title: 'The container user lacks permission on a path',
    not: /\(publickey|PERMISSION_DENIED|\b403\b|\bIAM\b|does not have [\w.]{1,80} (?:access|permission)/,
  },
  {
    // A server that checks its directories at install or boot and asks for write access in words: Nextcloud's
    // "Can't write into config directory! This can usually be fixed by giving the web server write access to
    // the config directory", "Cannot write to the data folder", "unable to write into the cache directory".
    all: [
      /\b(?:[Cc]an't|[Cc]annot|[Cc]an not|[Uu]nable to|[Cc]ould not|[Cc]ouldn't) write (?:in|into|to) (?:the )?(?:[\w.-]{1,40} )?(?:directory|dir|folder)\b|\bgiv(?:e|ing) the (?:web ?server|server|process|user) write access to\b/,
    ],
    confidence: 0.82,
    title: 'The container user cannot write to a directory it needs (volume owner)',
    not: /[Nn]o space left|\bENOSPC\b|[Rr]ead-only file ?system|\bEROFS\b|[Dd]isk quota/,
  },
  {
    // A Unix socket of the node (docker.sock, containerd.sock, a socket owned by a group the pod lacks): Docker's
    // "permission denied while trying to connect to the Docker daemon socket", Go "dial unix /x.sock: connect:
    // permission denied", Node "connect EACCES /var/run/docker.sock". Tools log it as a warning and then end on
    // "could not connect to any engine": the warning is the cause, so it counts in full.
    all: [
      /permission denied while trying to connect to the Docker daemon socket|dial unix [^\s]+: connect: permission denied|\bconnect EACCES \/[^\s]{1,200}\.sock\b/,
    ],
    confidence: 0.88,
    title: 'The container user cannot open a socket',
    warningIsEvidence: true,
  },
];
