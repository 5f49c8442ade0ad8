/**
 * data_dir_conflict's lock family: the data directory, or a store, lock or pid file in it, is held by
 * another process (two pods on one volume, the old pod still running) or was left by an unclean stop.
 * The data-dir-conflict rule lists these after its empty-directory and stale-identity signatures.
 */
import { BARE_LOCK_EAGAIN, LOCK_CALL_EAGAIN } from './data-dir-conflict-eagain.ts';
import type { Signature } from './log-helpers.ts';

export const LOCK_SIGNATURES: Signature[] = [
  {
    all: [
      /data directory (?:is )?already in use|instance in (?:the )?same directory is already running|(?:[Uu]nable to|[Cc]ould not|[Cc]annot|[Ff]ailed to) lock (?:the )?data dir(?:ectory)?\b|(?:[Uu]nable to|[Cc]ould not|[Cc]annot|[Cc]an't|[Ff]ailed to) (?:obtain|acquire|get) (?:an? |the )?(?:exclusive |file |directory |environment |store |database |data |index |instance )?lock\b|\b(?:[Tt]he |[Mm]aster |[Dd]ata |[Ss]tore |[Ff]ile )?lock (?:could not|couldn't|cannot|can't) be (?:acquired|obtained)\b/,
    ],
    confidence: 0.7,
    title: 'The data directory is locked by another process (two pods on one volume?)',
    // Migration tools take locks in the database, not on the volume; a lock that failed for space or
    // permissions is those causes'; a package manager's lockfile is a dependency pin of a build step.
    not: /change ?log|migration|advisory|[Ll]iquibase|[Ff]lyway|[Ll]ease|[Ll]eader|[Rr]edis|[Dd]istributed|mutex|semaphore|[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|Gemfile\.lock|poetry\.lock|Cargo\.lock|composer\.lock|go\.sum|bun\.lockb?|uv\.lock/,
  },
  {
    // A store refusing its own lock, named after the store rather than a code mutex: another process (a
    // CronJob or a second replica on the same volume) holds it. Xodus "Can't acquire environment lock",
    // "could not acquire the database lock", "unable to obtain index lock", "lock is held by another process",
    // EventStoreDB "Couldn't acquire exclusive lock on DB at '/var/lib/eventstore'".
    all: [
      /(?:[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|[Ff]ailed to) (?:obtain|acquire|get|take) (?:an? |the )?(?:environment|store|database|data directory|data dir|index|instance|repository) lock\b|(?:[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|[Ff]ailed to) (?:obtain|acquire|get|take) (?:an? |the )?(?:exclusive |write |file )?lock on (?:the )?(?:DB|db|database|data ?(?:base|dir(?:ectory)?|store)|store|index|environment|repository|journal)\b|\block (?:is )?(?:held|owned) by (?:another|a different) (?:process|instance|host|node|pod)\b/,
    ],
    confidence: 0.84,
    title: 'The data directory is locked by another process that is still running (two pods on one volume?)',
    not: /change ?log|migration|advisory|[Ll]iquibase|[Ff]lyway|[Ll]eader|[Dd]istributed|mutex|semaphore|[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system/,
  },
  {
    // Lock files and state locks that tools take on a shared repository or state store, left by a run that
    // was killed (an evicted Job pod) or still held by another: borg "Failed to create/acquire the lock
    // /repo/lock.exclusive (timeout)", restic "repository is already locked by PID 7 on host",
    // Terraform "Error acquiring the state lock" (Lock Info: Who: another pod), Pulumi "the stack is
    // currently locked".
    all: [
      /\b(?:[Ff]ailed|[Uu]nable|[Cc]ould not|[Cc]annot) (?:to )?(?:create ?\/ ?acquire|acquire|obtain|create|take) (?:the |a )?lock (?:on |at |file )?\/[^\s]{1,200}|\block\.(?:exclusive|roster)\b|\b[Ee]rror acquiring the state lock\b|\bstate (?:is )?(?:already )?locked by\b|\bstack is currently locked\b|\brepository is already locked\b/,
    ],
    confidence: 0.84,
    title: 'A lock on the repository or state is held by another run (or left by one that was killed)',
    // A lock that failed for space or permissions is those causes'; a package manager's own lockfile (npm
    // "could not lock /app/package-lock.json") is a dependency pin of an install step, not a data directory.
    not: /[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|Gemfile\.lock|poetry\.lock|Cargo\.lock|composer\.lock|go\.sum|bun\.lockb?|uv\.lock/,
  },
  {
    // A browser profile or app home directory on a volume, locked by a process on another host (the old
    // pod): Chromium "The profile appears to be in use by another Chromium process ... on another
    // computer" (SingletonLock), Firefox "is already running, but is not responding".
    all: [
      /\bSingletonLock\b|\bprofile appears to be in use by another\b|\bhas locked the profile\b|\bis already running, but is not responding\b|\b(?:profile|user data directory|data dir(?:ectory)?|workspace) (?:is )?(?:already )?(?:in use|locked) by another\b/,
    ],
    confidence: 0.86,
    title: 'The profile or data directory on the volume is locked by another process (the old pod?)',
  },
  {
    // An embedded store whose environment or lock file "cannot be locked" on open: another process (the old
    // pod on a shared volume) holds it. Berkeley DB JE "EnvironmentLockedException ... The je.lck file could
    // not be locked", "The environment cannot be locked for single writer access", "database file could not
    // be locked".
    all: [
      /\bEnvironmentLockedException\b|\bENV_LOCKED\b|\b(?:[Ee]nvironment|[Dd]atabase(?: file)?|[Dd]ata directory|[Ss]tore|[Rr]epository|[Ll]ock file|\.lck file|\.lock file) (?:cannot|could not|couldn't|can't) be locked\b/,
    ],
    confidence: 0.86,
    title: 'The store on the volume cannot be locked: another process holds it (the old pod still running?)',
    not: /[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system|[Mm]igration|[Aa]ccount/,
  },
  {
    all: [/Unable to lock \.\/ibdata1|another mysqld process using the same InnoDB data/],
    confidence: 0.88,
    title: 'The MySQL data files are locked by another process',
  },
  {
    all: [/DBPathInUse|Another mongod instance is already running|WiredTiger\.lock: handle-lock/],
    confidence: 0.9,
    title: 'The MongoDB data directory is locked by another instance',
  },
  {
    all: [/lock file "postmaster\.pid" already exists/],
    confidence: 0.85,
    title: 'The PostgreSQL data directory is locked (postmaster.pid exists)',
  },
  {
    all: [/lock DB directory|resource temporarily unavailable/, /lock/],
    confidence: 0.75,
    title: 'The data directory is locked by another process',
    // Taking the lock failed for another reason: a full disk, a read-only or unwritable volume.
    not: /[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system/,
  },
  {
    // flock/fcntl on a lock file answers EAGAIN while another process holds it (RocksDB and LevelDB "LOCK",
    // Lucene, SQLite journals): the old pod still has the volume.
    all: [
      /\block(?:ing)? file\b|\/LOCK\b|\bLOCK: |\block [^\s]{1,200}\/LOCK\b/i,
      /[Rr]esource temporarily unavailable|already held by process|\bEAGAIN\b|\bEWOULDBLOCK\b/,
    ],
    confidence: 0.86,
    title: 'The data directory lock file is held by another process (the previous pod still runs?)',
  },
  {
    // Embedded stores take an flock on open and report only the errno when another process holds it:
    // goleveldb (Gitea queues, CometBFT) "unable to open level db at /data/queues: resource temporarily
    // unavailable", Badger, RocksDB, Pebble, LMDB, Python's dbm/shelve files ("_gdbm.error: [Errno 11] Resource
    // temporarily unavailable": a Celery --statedb or beat schedule). EAGAIN while opening a store on the volume is the lock,
    // not load: a second replica on an RWX claim, or the old pod still running.
    all: [
      /\b(?:level ?db|rocksdb|badger|pebble|lmdb|mdb_env_open|bbolt|boltdb|_?[gn]?dbm|shelve|bsddb3?|berkeley ?db)\b|\b(?:open|opening|load|loading) (?:the |a )?(?:[\w-]{1,40} )?(?:database|db|store|storage|queue|index|repository|datastore)\b/i,
      /[Rr]esource temporarily unavailable|\bEAGAIN\b|\bEWOULDBLOCK\b/,
    ],
    confidence: 0.84,
    title: 'The store on the volume is locked by another process (EAGAIN on open: a second replica, or the old pod)',
    // EAGAIN from a socket, a connection or process creation is not a file lock.
    not: /[Cc]onnect|\bdial\b|\btcp\b|\budp\b|\bunix\b|[Ss]ocket|\bfork\b|[Tt]hread|newosproc|pthread|[Ll]ookup|getaddrinfo|[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system/,
  },
  {
    // The lock call itself answering EAGAIN on the error line (Go's "flock /data/LOCK: resource temporarily
    // unavailable", fcntl F_SETLK, a Rust fs2/fd-lock try_lock_exclusive): another process holds the lock.
    all: [
      /\bflock\b|\blockf\b|\bLOCK_NB\b|\bF_SETLK\b|\btry_lock(?:_exclusive)?\b/,
      /[Rr]esource temporarily unavailable|\bEAGAIN\b|\bEWOULDBLOCK\b|\[Errno 11\]|os error 11\b/,
    ],
    confidence: 0.82,
    title: 'The data directory lock is held by another process (the old pod, or a second replica on the volume)',
    // Process and thread creation answer the same errno.
    not: /[Ss]ocket|[Cc]onnect|\bfork\b|[Tt]hread|[Nn]o space left|[Pp]ermission denied/,
  },
  {
    // Errno 11 naming a file: opening a regular file only answers EAGAIN when another process holds its lock
    // (Python "[Errno 11] Resource temporarily unavailable: '/data/app.state'", gdbm "Can't be writer").
    all: [/\[Errno 11\] Resource temporarily unavailable: '\/[^'[\n]{1,200}'|\bCan't be writer\b/],
    confidence: 0.8,
    title: 'A file on the volume is locked by another process (EAGAIN opening it: a second replica, or the old pod)',
    not: /[Ss]ocket|[Cc]onnect|\bfork\b|[Tt]hread/,
  },
  BARE_LOCK_EAGAIN,
  LOCK_CALL_EAGAIN,
  {
    // A Go node that panics with the bare errno while starting: the embedded store's flock (goleveldb in
    // CometBFT, Tendermint, Cosmos SDK chains; bbolt) is the startup call that reports only EAGAIN.
    // Thread and process creation name themselves (newosproc, fork/exec), so the bare line is the lock;
    // the store is not named, hence a moderate confidence.
    all: [/^panic: resource temporarily unavailable\s*$/],
    confidence: 0.7,
    title: 'The node panicked on EAGAIN at start: its data store is probably locked by another process',
    not: /newosproc|pthread_create|fork\/exec|[Tt]oo many open files/,
  },
  {
    // Java FileLock wrappers and the many "already locked / locked by another process" phrasings
    // (Neo4j store_lock, Minecraft session.lock, H2, Derby, geth's datadir), and Go's go4.org/lock and
    // go-fs-lock (IPFS kubo, Lotus) "lock /data/ipfs/repo.lock: someone else has the lock".
    all: [
      /\b[Ll]ocked by another (?:process|instance|program|server|node|application|[A-Za-z]{2,20} (?:instance|process|server))|\b(?:already|being) used by another (?:process|instance)|\block (?:is )?(?:already )?held by (?:another|a different) (?:process|instance|node)|[Dd]atabase may be already in use|may have already booted the database|\balready locked\b|\bFileLockException\b|\bOverlappingFileLockException\b|\bDirectoryLock\$LockException\b|\bsession\.lock\b|\bsomeone else (?:has|holds) the lock\b|\block (?:is )?(?:already )?(?:held|taken|owned) by (?:someone|something) else\b/,
    ],
    confidence: 0.86,
    title: 'The data directory is locked by another process (two pods on one volume, or the old one still running)',
    // Accounts, migration tables, rows and in-memory streams or mutexes are locked too: not the volume.
    not: /[Aa]ccount|\b[Uu]ser\b|[Ll]ogin|change ?log|migration|advisory|[Ll]iquibase|[Ff]lyway|\b[Tt]able\b|\b[Rr]ow\b|[Mm]utex|[Ss]tream|\b[Rr]eader\b/,
  },
  {
    // An unclean stop leaves a lock file that the server takes as another instance still running
    // (Xvfb's /tmp/.X99-lock, "lock file exists", git's index.lock), or a pid file read back as a live
    // process (Ruby's daemons gem "there is already one or more instance(s) of the program running").
    all: [
      /\b[Ll]ock ?file (?:"?\/[^\s"]{1,200}"? )?(?:already )?exists|\b[Ss]tale (?:lock|pid) ?file|\b[Rr]emove (?:the (?:stale )?)?(?:lock ?file|[^\s]{1,200}[.-]lock\b)|[Ss]erver is already active for display|\.lock'?: File exists|[Aa]nother (?:instance|copy|process) [^\n]{0,60}(?:is|seems to be) (?:already )?running|[Aa]nother [\w-]{1,30} (?:process|instance|daemon|server) (?:is|seems to be) (?:already |still )?running|\b[Tt]here (?:is|are) already (?:one or more |an? |another )?(?:instance|cop(?:y|ies)|process)(?:\(s\)|e?s)?(?: of [^\n]{1,80})? running\b|\b[Aa]n instance (?:of [^\n]{1,80} )?is already running\b/,
    ],
    confidence: 0.8,
    title: 'A lock file left on the volume makes the server think another instance is running',
    // Package-manager lockfiles are dependency pins, not process locks; removing a stale lock is the fix at work.
    // Leader election ("another instance is running as leader, standing by") is normal operation.
    not: /[Rr]emov(?:ed|ing) |[Ll]eader|[Ss]tand(?:ing)? ?by|[Pp]ort \d|[Aa]ddress already in use|package-lock|yarn\.lock|Gemfile\.lock|poetry\.lock|Cargo\.lock|pnpm-lock|composer\.lock|bun\.lock|[Ll]ockfile version/,
  },
  {
    // bolt/bbolt behind a full-text index (Gitea's bleve indexers) waits on the flock, then gives up with "timeout".
    all: [/\.bleve\b|\bbleve\b|\bbbolt\b|\bboltdb\b/, /\b(?:error|err)[:=] ?"?timeout\b|: timeout\b/],
    confidence: 0.78,
    title: 'The index database is locked by another process (bolt lock timeout; the old pod still holds it)',
    not: /bolt:\/\/|neo4j/i,
  },
  {
    all: [/failed to obtain node locks/],
    confidence: 0.6,
    title: 'Elasticsearch cannot lock its data directory (another node or permissions)',
  },
  {
    all: [
      /Failed to acquire lock on file [^\s]+ in |is using this directory|A server is already running \(pid: \d+, file: |A server is already running\. Check /,
    ],
    confidence: 0.82,
    title: 'The data directory (or its pid/lock file) is held by another or an earlier process',
  },
  {
    // InfluxDB: "Failed to open bolt database" ... error="timeout": the previous pod still holds the flock.
    all: [/[Ff]ailed to open bolt (?:database|file|db)\b/, /\btimeout\b/],
    confidence: 0.75,
    title: 'The database file is locked by another process (bolt lock timeout)',
  },
  {
    // The transaction-coordinator log (MariaDB/MySQL tc.log, used when the binlog is off) left by an unclean
    // stop: "Bad magic header in tc log", "Can't init tc log", "delete tc log and start server with
    // --tc-heuristic-recover". Removing the stale file from the data directory lets the server start.
    all: [
      /\bBad magic header in tc log\b|\bCan't init tc log\b|\bdelete (?:the )?tc log and (?:re)?start (?:the )?server\b|--tc-heuristic-recover\b/,
    ],
    confidence: 0.84,
    title: 'A stale transaction-coordinator log (tc.log) left in the data directory by an unclean stop',
  },
  {
    // Lucene (Solr, Elasticsearch, Nexus): another process holds the index write lock.
    all: [/LockObtainFailedException|is already locked\. The most likely cause is another/],
    confidence: 0.84,
    title: 'The index directory is locked by another process (two pods on one volume?)',
  },
  {
    // A pid file left by an unclean stop: the new process believes another one is running.
    all: [/\b[Pp]id ?file\b|\.pid\b/, /\balready exists\b|[Aa]lready running/],
    confidence: 0.8,
    title: 'A stale pid file on the volume makes the server think another instance is running',
  },
  {
    // "Already running" with the advice to delete the pid or lock file it read: Play "This application is
    // already running (Or delete /opt/docker/RUNNING_PID file)", "server is already running; remove
    // /var/run/app.pid if it is not". The file outlived its process (a node crash, a pid file on the volume).
    all: [
      /\b(?:is|seems to be|appears to be) already running\b[^\n]{0,60}?\b(?:delete|remove|rm) /,
      /RUNNING_PID|\.pid\b|\b[Pp][Ii][Dd] ?file\b|\b[Ll]ock ?file\b/,
    ],
    confidence: 0.86,
    title: 'A pid file that outlived its process makes the app think it is already running',
  },
  {
    // The daemon found its pid file and refuses to start rather than guess whether the old process is gone
    // (a pid file on an emptyDir or volume survives a container restart): dbus "The pid file "/run/dbus/pid"
    // exists, if the message bus is not running, remove this file", rsyslog "pidfile '/run/rsyslogd.pid' and
    // pid 1 already exist", cron "can't lock /var/run/crond.pid, otherpid may be 1".
    all: [
      /\b(?:[Pp]id|PID) ?file:? ["'`]?[^\s"'`]{1,200}["'`]? (?:already )?exists\b|\b[Pp]id ?file ["'`]?[^\s"'`]{1,200}["'`]? and pid \d{1,10} already exist\b|\botherpid may be \d|\bis not running, (?:remove|delete) (?:this|the) (?:pid ?|lock ?)?file\b/,
    ],
    confidence: 0.84,
    title: 'A pid file that survived the restart makes the daemon refuse to start (it thinks another one runs)',
    // A pid file being cleaned up, or one that is missing, is not the conflict.
    not: /[Rr]emov(?:ed|ing) |[Dd]elet(?:ed|ing) |does(?: not|n't) exist|[Ss]tale pid ?file,? (?:removed|ignored|ignoring)/,
  },
  {
    // The same check worded around the PID it read back: in a fresh container the stale number is alive
    // (often 1, or the process itself). Airflow "is already running under PID 7", Apache "httpd (pid 8)
    // already running", Celery "already running? (pid: 1)", Squid "already running! Process ID 1",
    // gunicorn "Already running on PID 1", PostgreSQL "Is another postmaster (PID 1) running", twistd
    // "Another twistd server is running, PID 1".
    all: [
      /\balready running (?:under|with|as|on|at) (?:PID|pid|[Pp]rocess(?: ?[Ii][Dd])?)[ :#]{0,2}\d|\((?:pid|PID):? ?\d{1,10}\) (?:is )?already running|[Aa]lready running\? \((?:pid|PID):? ?\d|already running! Process ID \d|[Aa]lready running,? \(?(?:pid|PID)[ :=]{0,2}\d|\b[Ii]s another [\w-]{1,30} \((?:PID|pid):? ?\d{1,10}\) running|[Aa]nother [\w-]{1,30} (?:process|instance|server|daemon) \((?:pid|PID):? ?\d{1,10}\) is (?:already |still )?running|[Aa]nother [\w-]{1,30} (?:process|instance|server|daemon) is (?:already |still )?running,? (?:with |as |under |on )?\(?(?:pid|PID)[ :=]{0,2}\d/,
    ],
    confidence: 0.8,
    title: 'A stale pid file makes the server think an earlier instance is still running',
  },
  {
    // A lock on a named file or directory that the process could not take, worded per library: rtorrent
    // "Could not lock session directory: "/data/.session/", held by "host:+1"", zc.lockfile (ZODB, Plone)
    // "Couldn't lock '/data/Data.fs.lock'", "Error locking file /data/Data.fs.lock", DuckDB "Could not set
    // lock on file "/data/w.duckdb": Conflicting lock is held in", HSQLDB "Database lock acquisition failure:
    // lockFile:". The path makes it a file on the volume, not a row, table or account.
    all: [
      /\b(?:[Cc]ould ?n[o']t|[Cc]annot|[Uu]nable to|[Ff]ailed to|[Ee]rror) (?:set (?:a |the )?lock on|lock(?:ing)?) (?:the )?(?:(?:session |data |database |state |lock |store )?(?:file|dir(?:ectory)?|database|store|repository|folder)[:,]? )?["'`]?\/[^\s"'`]{1,200}|\bConflicting lock is held in\b|\b(?:[Dd]atabase|[Ff]ile|[Dd]irectory|[Ss]tore) lock acquisition fail(?:ure|ed)\b|\bLockFile@[0-9a-f]{1,16}\[file ?=/,
    ],
    confidence: 0.84,
    title: 'A lock file on the volume is held by another process (the old pod still running, or left by it)',
    // A lock that failed for space or permissions is those causes'; a package manager's lockfile is a
    // dependency pin of an install step (npm "could not lock /app/package-lock.json"), not a data directory.
    not: /[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system|[Oo]peration not permitted|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|Gemfile\.lock|poetry\.lock|Cargo\.lock|composer\.lock|go\.sum|bun\.lockb?|uv\.lock/,
  },
  {
    // Launchers that find a live pid in their pid file signal that "running server" to reload and exit
    // instead of starting one (Hypnotoad "Starting hot deployment for Hypnotoad server 1", a zero-downtime
    // restart of "server 1"): a pid file kept on the volume, whose number is this container's own process,
    // so nothing ever serves. A container's log only shows this at start-up, never for a real hot deploy.
    all: [
      /\b(?:Starting|Performing|Initiating) (?:a )?(?:hot|zero[- ]downtime|graceful) (?:deployment|restart|reload|upgrade) (?:for|of) (?:the )?[\w-]{1,30} (?:server|daemon|master|process) \(?(?:pid |PID )?\d{1,10}\b/,
    ],
    confidence: 0.78,
    title: 'A pid file on the volume points at this process, so the launcher hot-deploys to itself and exits',
  },
  {
    // A lock file naming the host that holds it, which the process cannot prove stale because that host is
    // another one (the old pod, whose hostname died with it): Mailman "The master lock could not be acquired,
    // because it appears as if some process on some other host may have acquired it. We can't test for stale
    // locks across host boundaries", lock files that record "held by host X" and refuse to break it.
    all: [
      /\bstale locks? across hosts?\b|\b(?:other|another|different) host (?:may have|has|still) (?:acquired|taken|locked|holds?)\b|\block (?:is )?(?:held|owned|taken) (?:by a process )?on (?:an?other|a different|some other) (?:host|node|machine)\b/,
    ],
    confidence: 0.88,
    title: 'A lock file on the volume names another host (the old pod), so the server will not break it',
    not: /[Ll]eader|[Ll]ease|[Dd]istributed|[Rr]edis|[Mm]igration|[Aa]dvisory/,
  },
  {
    // SQLite on a shared volume: another replica (or a crashed one's journal) holds the database lock.
    all: [/\bdatabase is locked\b|SQLITE_BUSY/],
    confidence: 0.84,
    title: 'The SQLite database on the volume is locked by another process (two replicas on one volume?)',
  },
];
