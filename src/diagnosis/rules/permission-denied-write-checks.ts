/**
 * permission_denied's readings of start-up checks that test a directory's access and word the result without
 * an errno ("is not writable", "should be fully accessible", "has no read/write permissions for user id 1030").
 * The permission-denied rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const NOT_WRITABLE: Signature = {
  all: [
    /[Ii]nsufficient permissions? (?:on|for|to write to|to access) (?:the )?(?:directory|file|folder|path)|\b(?:is|are)(?: not|n't) writ(?:e)?able\b|\b(?:[Dd]irectory|[Ff]older|[Dd]ir|[Vv]olume)(?: ['"`]?\/[^\s'"`]{0,200}['"`]?)? not writ(?:e)?able\b|not writ(?:e)?able by (?:the )?(?:user|current user|process)|(?:[Cc]annot|[Cc]an't|[Uu]nable to|[Cc]ould not|[Ff]ailed to) write (?:to|into|in) (?:the )?(?:directory|data directory|folder|cache directory|\/|["'`]\/)|\bmust be (?:present and )?writ(?:e)?able\b|\bwrit(?:e)?able by the (?:web ?)?server\b/,
  ],
  confidence: 0.84,
  title: 'The container user cannot write to a directory it needs',
  // Symfony's "Unable to write in the "/var/www/app/var/cache/prod" directory", Laravel's "directory must be
  // present and writable", WordPress's "Is its parent directory writable by the server?".
  // A write refused for a full or read-only disk names that errno; those causes own it.
  not: /[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b|[Dd]isk quota/,
};

// A start-up check of a directory's access that names no errno: Jenkins remoting's "should be fully accessible
// to the remoting executable (RWX)", servers that say a path "is not accessible" to their user (Neo4j's
// "Folder /data is not accessible for user: 7474 ... a file permissions issue on the mounted folder"). On a volume
// that is ownership (a hostPath or PVC owned by root while the process runs as another user).
export const ACCESS_CHECK: Signature = {
  all: [
    /\bshould be fully accessible\b|\baccessible to the [\w -]{1,40}\(RWX\)|\b(?:[Dd]irectory|[Ff]older|[Pp]ath):? ['"`]?\/[^\s'"`]{0,200}['"`]? is not (?:fully )?accessible\b|\bis not (?:fully )?accessible (?:to|by) (?:the )?(?:current )?(?:user|process)\b|\bis (?:commonly |usually |probably |likely )?a file[ -]?permissions? (?:issue|problem) on the (?:mounted )?(?:folder|directory|volume)\b/,
  ],
  confidence: 0.8,
  title: 'The container user cannot access a directory it needs (ownership of the volume)',
  not: /[Rr]ead-only file ?system|EROFS|[Nn]o such file|ENOENT|does not exist/,
};

// A start-up check that names the path and the user it runs as ("Cannot write to /var/solr as 8983:8983",
// "/data is not writable by uid 1000", "must be writable by the jenkins user"): the path's owner is another
// user than the process, the usual state of a fresh root-owned volume without fsGroup.
export const WRITE_CHECK_AS_USER: Signature = {
  all: [
    /\b(?:[Cc]annot|[Cc]an't|[Uu]nable to|[Cc]ould not|[Ff]ailed to) (?:write|create files?) (?:to|into|in) ['"`]?\/[^\s'"`]{0,200}['"`]? as (?:user |uid )?['"`]?[\w-]{1,32}(?::[\w-]{1,32})?\b|\b(?:must|needs to|has to|should) be (?:writ(?:e)?able|owned) by (?:the )?(?:user|uid|group|gid|[\w-]{1,32} user)\b|\bnot writ(?:e)?able by (?:uid|user|gid) ['"`]?\w/,
  ],
  confidence: 0.86,
  title: 'The container user cannot write to a directory owned by another user (volume ownership)',
  not: /[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b|[Dd]isk quota/,
};

// A start-up check that words the result as a missing permission of the user on a directory (JFrog's "has no
// read/write permissions for user id 1030", "does not have write access to", "lacks write permission on"):
// the volume is owned by another user than the process; a read-only mount or a full disk name their errno.
// Metabase's "does not have permissions to write to plugins directory /plugins" words it the other way round.
// Elasticsearch's keystore step says "write permissions required for [/usr/share/elasticsearch/config]".
export const NO_WRITE_PERMISSION: Signature = {
  all: [
    /\b(?:has|have) no (?:read ?(?:\/|and|&) ?)?write (?:permissions?|access|rights?)\b|\b(?:does|do) not have (?:the )?(?:read ?(?:\/|and|&) ?)?write (?:permissions?|access|rights?)\b|\blacks? (?:the )?(?:read ?(?:\/|and|&) ?)?write (?:permissions?|access|rights?)\b|\bno write (?:permissions?|access) (?:to|on|for|in)\b|\b(?:does|do) not have (?:the )?(?:necessary |sufficient |required |enough )?permissions? to write\b|\b(?:has|have) no permissions? to write\b|\bno permissions? to write (?:to|in|into)\b|\bwrite (?:permissions?|access) (?:is |are )?required (?:for|on|to|in)\b|\b(?:requires?|needs?) write (?:permissions?|access) (?:to|on|for|in)\b/,
  ],
  confidence: 0.86,
  title: 'The container user has no write permission on a directory it needs (ownership of the volume)',
  not: /[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b|[Dd]isk quota/,
};

// A strict ownership check on a file the process reads (a config, key or plugin file bind-mounted from a host or
// a Secret): Filebeat/Metricbeat "config file must be owned by the user identifier (uid=1000) or root",
// PostgreSQL "private key file must be owned by the database user or root", git "detected dubious ownership",
// sshd "bad ownership or modes", Wine "'/home/steam/.wine' is not owned by you" (a WINEPREFIX an init container
// made as root), Tor "/var/lib/tor is not owned by this user (tor, 100) but by root (0)". It fails whether or not the path is writable, so a path under /usr or /etc
// (an image directory) does not weaken it the way it weakens a write check.
export const OWNERSHIP_CHECK: Signature = {
  all: [
    /\bmust be owned by (?:the |its )?(?:user|uid|root|database user|current user|owner|same user)\b|\b(?:is |are )?not owned by (?:the |this )?(?:current |running |effective )?(?:user|uid|root|process)\b|\bis not owned by (?:you|us)\b|\bowned by (?:uid|user) ['"`(]?[\w=-]{1,32}['"`)]?,? (?:but |not |expected |instead of )|\bdetected dubious ownership\b|\bbad ownership or modes\b|\b(?:has |have )?(?:wrong|incorrect|unsafe|insecure) ownership\b/,
  ],
  confidence: 0.88,
  title: 'A file the process reads is owned by another user than it accepts (a mounted config, key or Secret)',
  not: /[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b/,
};

// An init that must start as root to take over its runtime directories and finds it cannot (s6-overlay's "/run
// belongs to uid 0 instead of 1000 and we're lacking the privileges to fix it", entrypoints' "insufficient
// privileges to chown /data", "unable to gain root privileges"): a runAsUser/securityContext that the image's
// init does not support, or a volume owned by root. Privileges to create or write name a database grant as
// often as a path, so only ownership fixes are read. A command that wants root for another reason says so
// without naming a path's owner, so the bare wording stays below the confident band.
export const LACKS_PRIVILEGES_TO_FIX: Signature = {
  all: [
    /\bbelongs to (?:uid|user) \d{1,10} instead of \d{1,10}\b|\b(?:lacking|lacks?|without) (?:the )?(?:necessary |required |sufficient )?privileges? to (?:fix|chown|chmod|change (?:the )?owner|take ownership)\b|\b(?:[Ii]nsufficient|[Nn]ot enough) privileges? to (?:fix|chown|chmod|change (?:the )?owner|take ownership)\b|\b(?:[Uu]nable|[Ff]ailed|[Cc]ould not) to (?:gain|obtain|acquire) root privileges\b/,
  ],
  confidence: 0.82,
  title:
    'The process lacks the privileges to take ownership of a directory it needs (runAsUser or a root-owned volume)',
  not: /[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b/,
};

// A JVM tool that writes its cache under the user's home (Ivy for spark-submit --packages, Maven, Gradle, sbt,
// Coursier) and gets "No such file or directory" for a file it creates: java.io.File.mkdirs() fails silently,
// so a cache directory the user could not create (HOME on a root-owned image directory, a non-root uid) shows
// up as the file missing. A read-only mount is the other reading, so this stays below the confident band.
export const HOME_CACHE_NOT_CREATED: Signature = {
  all: [
    /\bFileNotFoundException: [^\s(]{1,400} \(No such file or directory\)/,
    /\/\.(?:ivy2|m2|gradle|sbt|coursier|cache)\//,
  ],
  // A file in a tool's own cache is never one the user provides, so this outranks the missing-file reading.
  confidence: 0.84,
  title: 'A JVM tool cannot create its cache under the home directory (HOME not writable by the container user)',
};

// A file mode the process must set or find and cannot: jupyter_core's secure_write ("Permissions assignment
// failed for secure file ... Got '0o777' instead of '0o0600'"), tools that check a key or secret file's mode
// ("has insecure permissions", "mode 0644, expected 0600", "permissions are too permissive"). On a CIFS/SMB or
// NFS volume chmod has no effect, and a Secret or ConfigMap is mounted with its defaultMode: the volume's mode.
export const MODE_CHECK: Signature = {
  all: [
    /\bPermissions? assignment failed\b|\b[Gg]ot '?0o?[0-7]{3,4}'? instead of '?0o?[0-7]{3,4}\b|\b(?:has|have|with) (?:insecure|unsafe|overly permissive|too permissive) (?:file )?(?:permissions|mode)\b|\b(?:permissions|file mode) (?:is |are )?too (?:permissive|loose)\b|\bmode 0?[0-7]{3,4},? (?:expected|should be|must be|want(?:ed)?) 0?[0-7]{3,4}\b/,
  ],
  confidence: 0.84,
  title: 'A file has a mode the process refuses or cannot set (volume mount mode, chmod without effect)',
  not: /[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b/,
};

// A server that refuses a directory (or key) whose mode lets its group or others in, worded as a warning right before
// it gives up: Tor "Permissions on directory /var/lib/tor/hidden_service/ are too permissive" (HiddenServiceDir,
// DataDirectory must be 0700), etcd "directory "/var/lib/etcd" exist, but the permission is "drwxrwsr-x". The
// recommended permission is "-rwx------"". fsGroup makes kubelet set the group bits (2770) on the volume.
export const DIRECTORY_MODE_TOO_OPEN: Signature = {
  all: [
    /\b[Pp]ermissions (?:on|of|for) (?:the )?(?:directory|dir|folder|file|key|path) ['"`]?\/[^\s'"`]{0,200}['"`]? (?:is|are) too (?:permissive|open|loose|lax)\b|\bbut the permission is ["'`]?[dl-][rwxsStT-]{9}["'`]?\.? ?The recommended permission is\b/,
  ],
  confidence: 0.82,
  title: 'The server refuses a directory whose mode lets group or others in (fsGroup or the volume set the bits)',
  not: /[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b|[Ff]ixing permissions|[Cc]orrected/,
  warningIsEvidence: true,
};

export const MODE_CHECKS: Signature[] = [MODE_CHECK, DIRECTORY_MODE_TOO_OPEN];

// A start-up step that words a directory it could not create without the errno: Home Assistant's "Unable to create
// library directory /config/deps", "Failed to create log directory /var/log/app", "Could not create cache dir
// '/home/app/.cache'", Symfony's Kernel "Unable to create the "cache" directory (/srv/app/var/cache/prod)"). On a
// volume that is most often its ownership (a root-owned PVC, an NFS export that squashes root); a read-only mount or a full disk would usually name its errno, so the bare wording stays below the band.
export const DIRECTORY_NOT_CREATED: Signature = {
  all: [
    /\b(?:[Uu]nable to|[Ff]ailed to|[Cc]ould(?:n't| not)|[Cc]annot|[Cc]an't) (?:create|make) (?:the |a )?(?:[\w-]{1,30} |["'`][\w.-]{1,30}["'`] ){0,2}(?:directory|dir|folder):? [("'`]{0,2}\//,
  ],
  confidence: 0.7,
  title: 'The container user could not create a directory it needs (ownership of the volume)',
  not: /[Rr]ead-only file ?system|\bEROFS\b|[Nn]o space left|\bENOSPC\b|[Dd]isk quota|[Nn]o such file|\bENOENT\b|[Ff]ile exists|\bEEXIST\b|[Nn]ot a directory|\bENOTDIR\b/,
};

export const DIRECTORY_CREATION_SIGNATURES: Signature[] = [HOME_CACHE_NOT_CREATED, DIRECTORY_NOT_CREATED];
