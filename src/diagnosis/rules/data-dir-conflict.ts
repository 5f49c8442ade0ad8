/** data_dir_conflict: the persisted data directory is in a state the server refuses (not empty, stale id, locked). */
import { kubectl } from '../kubectl.ts';
import { type Signature, type SignatureHit, signatureRule } from './log-helpers.ts';
import { directoryOf, pathsIn } from './spec-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/initdb: (?:error: )?directory "[^"]+" exists but is not empty/],
    confidence: 0.93,
    title: 'The PostgreSQL data directory is not empty (often lost+found on a fresh volume)',
  },
  {
    all: [/--initialize specified but the data directory has files in it|data directory has files in it/],
    confidence: 0.92,
    title: 'The MySQL data directory is not empty on first start',
  },
  { all: [/exists but is not empty/], confidence: 0.8, title: 'The data directory is not empty on first start' },
  { all: [/\blost\+found\b/], confidence: 0.6, title: 'The data directory contains lost+found (a volume root)' },
  {
    all: [
      /InconsistentClusterIdException|Invalid cluster\.id in: |doesn't match stored clusterId|does not match stored clusterId|[Cc]luster ID mismatch/i,
    ],
    confidence: 0.9,
    title: 'The stored cluster id does not match (stale data on the volume)',
  },
  {
    // The identity stamped on the volume (cluster, system or storage id) belongs to another cluster: HDFS
    // "Incompatible clusterIDs", Patroni "system ID mismatch ... belongs to a different cluster", PostgreSQL
    // "database system identifier differs", Elasticsearch "a different cluster uuid", Ceph "fsid mismatch",
    // CockroachDB "belongs to cluster X but is attempting to connect", RabbitMQ "thinks it's clustered with
    // node ... disagrees". A recreated cluster met a retained volume.
    all: [
      /\b[Ii]ncompatible (?:cluster|namespace|storage|system|block ?pool)[ _-]?(?:ID|UUID|[Ii]d|[Uu]uid)s?\b|\b(?:[Cc]luster|[Ss]ystem|[Ss]torage|[Nn]amespace|[Dd]eployment|[Dd]atabase system)[ _-]?(?:ID|UUID|[Ii]d|[Uu]uid|identifier|fsid)s? (?:mismatch|differs?|do(?:es)? not match|doesn't match|changed)\b|\bfsid (?:mismatch|does not match)|\bbelongs to (?:a )?(?:different|another|other) cluster\b|\bwith a different cluster (?:uuid|UUID|ID|id)\b|\bpreviously joined a (?:different )?cluster with (?:UUID|uuid|ID|id)\b|\bbelongs to cluster "?[\w-]{1,80}"? but is attempting to connect\b|thinks it's clustered with node [^\n]{1,160}\bdisagrees\b/,
    ],
    confidence: 0.88,
    title: "The volume holds data stamped with another cluster's identity (a retained volume met a recreated cluster)",
  },
  {
    all: [
      /data directory (?:is )?already in use|instance in (?:the )?same directory is already running|(?:[Uu]nable to|[Cc]ould not|[Cc]annot|[Ff]ailed to) lock (?:the )?data dir(?:ectory)?\b|(?:[Uu]nable to|[Cc]ould not|[Cc]annot|[Ff]ailed to) (?:obtain|acquire|get) (?:an? |the )?(?:exclusive |file |directory )?lock\b/,
    ],
    confidence: 0.7,
    title: 'The data directory is locked by another process (two pods on one volume?)',
    // Migration tools take locks in the database, not on the volume; a lock that failed for space or
    // permissions is those causes'.
    not: /change ?log|migration|advisory|[Ll]iquibase|[Ff]lyway|[Ll]ease|[Ll]eader|[Rr]edis|[Dd]istributed|mutex|semaphore|[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system/,
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
    // A lock that failed for space or permissions is those causes'.
    not: /[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system/,
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
    // The identity cookie a member stamps on its volume and in the cluster's metadata disagree (BookKeeper
    // cookies in ZooKeeper, a stored node or broker id): a new or reused volume met the cluster's record.
    all: [
      /\bInvalidCookieException\b|\bdirectories without a cookie\b|\b[Cc]ookie (?:mismatch|does not match|doesn't match|is different)|\b(?:[Nn]ode|[Bb]roker|[Ss]erver|[Mm]ember|[Bb]ookie)[ ._-]?(?:ID|[Ii]d) [\w.:"'`-]{1,60} (?:doesn't|does not) match (?:the )?(?:previous|stored|recorded)\b/,
    ],
    confidence: 0.86,
    title: "The volume's member identity (cookie, node id) does not match the cluster's record",
    // Erlang distribution and HTTP cookies are credentials, not volume identities.
    not: /[Ee]rlang|\.erlang\.cookie|HTTP|[Ss]ession|CSRF|[Bb]rowser|[Aa]uthenticat/,
  },
  {
    // An init job that creates a site or repository found the one an earlier attempt left on the volume
    // (Frappe "Site x already exists", borg "A repository already exists at /repo", restic "create repository
    // at /repo failed: config file already exists"): the previous run created it, then failed.
    all: [
      /^\s{0,8}(?:[Ee]rror:? )?[Ss]ite [\w.-]{1,120} already exists\b|\bA repository already exists at \/|\bcreate repository at [^\s]{1,200} failed: config file already exists\b|\b(?:site|instance|workspace|repository) directory [^\n]{0,120}\balready exists\b/,
    ],
    confidence: 0.76,
    title: 'An earlier run left the site or repository on the volume (init found it already there)',
    not: /[Uu]ser|[Aa]ccount|\b[Tt]able\b|[Cc]olumn|[Rr]ole\b|[Bb]ucket|HTTP|\b409\b|[Cc]onflict/,
  },
  {
    all: [/Found system keyspace files, but they couldn't be loaded/],
    confidence: 0.75,
    title: 'The Cassandra data directory holds system files this node cannot load',
  },
  {
    // Kafka KRaft: the log dir was never formatted (kafka-storage format) or belongs to another layout.
    all: [/No readable meta\.properties files found/],
    confidence: 0.75,
    title: 'The Kafka data directory is not formatted for this cluster (meta.properties)',
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
    // Java FileLock wrappers and the many "already locked / locked by another process" phrasings
    // (Neo4j store_lock, Minecraft session.lock, H2, Derby, geth's datadir).
    all: [
      /\b[Ll]ocked by another (?:process|instance|program|server|node|application|[A-Za-z]{2,20} (?:instance|process|server))|\b(?:already|being) used by another (?:process|instance)|\block (?:is )?(?:already )?held by (?:another|a different) (?:process|instance|node)|[Dd]atabase may be already in use|may have already booted the database|\balready locked\b|\bFileLockException\b|\bOverlappingFileLockException\b|\bDirectoryLock\$LockException\b|\bsession\.lock\b/,
    ],
    confidence: 0.86,
    title: 'The data directory is locked by another process (two pods on one volume, or the old one still running)',
    // Accounts, migration tables, rows and in-memory streams or mutexes are locked too: not the volume.
    not: /[Aa]ccount|\b[Uu]ser\b|[Ll]ogin|change ?log|migration|advisory|[Ll]iquibase|[Ff]lyway|\b[Tt]able\b|\b[Rr]ow\b|[Mm]utex|[Ss]tream|\b[Rr]eader\b/,
  },
  {
    // An unclean stop leaves a lock file that the server takes as another instance still running
    // (Xvfb's /tmp/.X99-lock, "lock file exists", git's index.lock).
    all: [
      /\b[Ll]ock ?file (?:"?\/[^\s"]{1,200}"? )?(?:already )?exists|\b[Ss]tale (?:lock|pid) ?file|\b[Rr]emove (?:the (?:stale )?)?(?:lock ?file|[^\s]{1,200}[.-]lock\b)|[Ss]erver is already active for display|\.lock'?: File exists|[Aa]nother (?:instance|copy|process) [^\n]{0,60}(?:is|seems to be) (?:already )?running|[Aa]nother [\w-]{1,30} (?:process|instance|daemon) (?:is|seems to be) (?:already |still )?running/,
    ],
    confidence: 0.8,
    title: 'A lock file left on the volume makes the server think another instance is running',
    // Package-manager lockfiles are dependency pins, not process locks; removing a stale lock is the fix at work.
    // Leader election ("another instance is running as leader, standing by") is normal operation.
    not: /[Rr]emov(?:ed|ing) |[Ll]eader|[Ss]tand(?:ing)? ?by|package-lock|yarn\.lock|Gemfile\.lock|poetry\.lock|Cargo\.lock|pnpm-lock|composer\.lock|bun\.lock|[Ll]ockfile version/,
  },
  {
    // ZooKeeper: the snapshot and epoch files on the volume are older than the ensemble's (stale member data).
    all: [/[Tt]he accepted epoch, \d+ is less than the current epoch|Unable to load database on disk/],
    confidence: 0.8,
    title: 'The ZooKeeper data on the volume is stale for this ensemble (epoch or snapshot)',
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
    all: [/member [^\s]+ has already been bootstrapped/],
    confidence: 0.85,
    title: 'The etcd member data is from an earlier cluster',
  },
  {
    all: [/Cannot start node if snitch's (?:data center|rack) \([^)]{1,64}\) differs from previous/],
    confidence: 0.82,
    title: 'The Cassandra data was written under another data center/rack name',
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
    // Redis Cluster: two pods share one nodes.conf on the volume.
    all: [/is already used by a different Redis Cluster node/],
    confidence: 0.88,
    title: 'The Redis Cluster nodes.conf on the volume belongs to another node',
  },
  {
    // The volume's system tables remember an identity this node may no longer use: Cassandra "This node was
    // decommissioned and will not rejoin the ring", "A node with address X already exists, cancelling join"
    // (a retained PVC after a scale-down, or a replacement pod with the old data). Wiping the data or
    // replace_address fixes it: the data directory is the problem.
    all: [
      /\b[Tt]his node was decommissioned and will not rejoin\b|\bA node with address [^\n]{1,120} already exists, cancelling join\b|\bnode was decommissioned\b[^\n]{0,120}\ball existing data is removed\b/,
    ],
    confidence: 0.84,
    title: 'The retained data directory records this node as decommissioned or replaced',
  },
  {
    // Cassandra: the data on the volume was written under another cluster name.
    all: [/\bSaved cluster name /, / != configured name /],
    confidence: 0.86,
    title: 'The data on the volume belongs to a cluster with another name',
  },
  {
    // Galera: this node was not the last to leave; its grastate.dat says it is not safe to bootstrap from.
    all: [/It may not be safe to bootstrap the cluster from this node|safe_to_bootstrap/],
    confidence: 0.85,
    title: 'The Galera state on the volume is not safe to bootstrap from (unclean cluster stop)',
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
    // The same check worded around the PID it read back: in a fresh container the stale number is alive
    // (often 1, or the process itself). Airflow "is already running under PID 7", Apache "httpd (pid 8)
    // already running", Celery "already running? (pid: 1)", Squid "already running! Process ID 1",
    // gunicorn "Already running on PID 1", PostgreSQL "Is another postmaster (PID 1) running".
    all: [
      /\balready running (?:under|with|as|on|at) (?:PID|pid|[Pp]rocess(?: ?[Ii][Dd])?)[ :#]{0,2}\d|\((?:pid|PID):? ?\d{1,10}\) (?:is )?already running|[Aa]lready running\? \((?:pid|PID):? ?\d|already running! Process ID \d|[Aa]lready running,? \(?(?:pid|PID)[ :=]{0,2}\d|\b[Ii]s another [\w-]{1,30} \((?:PID|pid):? ?\d{1,10}\) running|[Aa]nother [\w-]{1,30} (?:process|instance|server|daemon) \((?:pid|PID):? ?\d{1,10}\) is (?:already |still )?running/,
    ],
    confidence: 0.8,
    title: 'A stale pid file makes the server think an earlier instance is still running',
  },
  {
    // RabbitMQ/Erlang: the Mnesia directory on the volume belongs to another node or cluster.
    all: [/Failed to merge schema|Bad cookie in table definition|inconsistent_database/],
    confidence: 0.78,
    title: 'The Mnesia data on the volume belongs to another node or cluster',
  },
  {
    // SQLite on a shared volume: another replica (or a crashed one's journal) holds the database lock.
    all: [/\bdatabase is locked\b|SQLITE_BUSY/],
    confidence: 0.84,
    title: 'The SQLite database on the volume is locked by another process (two replicas on one volume?)',
  },
  {
    // MinIO: a drive was reformatted or belongs to another deployment (format.json disagrees).
    all: [
      /unexpected deployment ID|[Ff]ound unexpected drive format|(?:is part of another|belongs to another) (?:deployment|cluster)|[Cc]orrupted backend format/,
    ],
    confidence: 0.84,
    title: 'A data drive was formatted by another deployment (stale format on the volume)',
  },
  {
    // bolt/bbolt (InfluxDB, etcd, Consul, Vault) waits for an flock that another process holds.
    all: [/open boltdb: timeout|bolt(?: file|db)?: timeout|[Ff]ailed opening bolt/],
    confidence: 0.75,
    title: 'The database file is locked by another process (bolt lock timeout)',
  },
];

const QUOTED_DIR = /\bdirectory "(\/[^"\s]{1,300})"/;
// A path safe to paste into a shell command unquoted.
const SAFE_PATH = /^\/[\w./@+-]{0,300}$/;

/** The data directory the failing lines name ("directory "/var/lib/postgresql/data" exists"), when they do. */
const dataDirOf = (hit: SignatureHit): string | undefined => {
  const lines = [hit.line, ...hit.lines];
  const quoted = lines.map((l) => QUOTED_DIR.exec(l.text)?.[1]).find((d) => d !== undefined);
  const path = quoted ?? lines.flatMap((l) => pathsIn(l.text))[0];
  if (path === undefined) return undefined;
  const dir = quoted ?? directoryOf(path);
  return SAFE_PATH.test(dir) && dir !== '/' ? dir : undefined;
};

export const dataDirConflict = signatureRule({
  id: 'data-dir-conflict',
  category: 'data_dir_conflict',
  signatures: SIGNATURES,
  steps: (ctx, hit) => [
    `Look at what the volume holds: ${kubectl.debugCopy(ctx.target, `ls -la ${dataDirOf(hit) ?? '<data-dir>'}`)}`,
    'Point the server at a sub-directory of the volume (PGDATA=/var/lib/postgresql/data/pgdata), or remove the stale lock or cluster id',
    'Make sure only one replica mounts a ReadWriteOnce volume (a StatefulSet, not a Deployment with several replicas)',
  ],
});
