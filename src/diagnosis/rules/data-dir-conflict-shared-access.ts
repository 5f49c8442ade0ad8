/**
 * data_dir_conflict's shared-access family: an embedded store (a disk buffer, a local vector store, an
 * index) finds its folder already opened by another instance and says so in words rather than with a lock
 * errno. In Kubernetes that is a second replica on the same RWX volume, or the old pod still running.
 * The data-dir-conflict rule lists these after its lock signatures.
 */
import type { Signature } from './log-helpers.ts';

// Ports and sockets are "in use by another process" too; that is a port conflict, not the data directory.
const NOT_A_PORT = /\b[Pp]ort\b|[Aa]ddress already in use|EADDRINUSE|\bbind\b|[Ss]ocket|[Ll]eader/;

// Database migration locks, leases and leader elections are held in a service, not on the volume.
const NOT_A_VOLUME_LOCK =
  /[Ll]eader|[Ll]ease|[Aa]dvisory|[Ll]iquibase|[Ff]lyway|change ?log|[Mm]igration (?:lock|table)|[Dd]istributed|[Rr]edis|[Mm]utex/;

/**
 * A server that waits without end for the lock of its store, logged as a notice: ActiveMQ Artemis
 * "AMQ221034: Waiting indefinitely to obtain primary lock" (older "live lock", HornetQ HQ221034). In a
 * crashed container the wait never ended: the old pod (a Deployment rolling over an RWX claim) still holds
 * the journal's lock file. The notice is the evidence; a later "obtained the lock" clears it (weighLockReading).
 */
export const WAITING_FOR_VOLUME_LOCK: Signature = {
  all: [
    /\b[Ww]aiting (?:indefinitely |forever )?to (?:obtain|acquire|get|take) (?:the |a |an )?(?:live|primary|backup|server|node|exclusive|file|journal|store|data|database|instance) lock\b/,
  ],
  confidence: 0.8,
  title: 'The server waits for ever for the lock of its store on the shared volume (the old pod still holds it)',
  not: NOT_A_VOLUME_LOCK,
  warningIsEvidence: true,
};

/**
 * The same endless wait worded as a notice that the lock is taken, by a broker or server that then sits as a
 * standby: ActiveMQ Classic KahaDB "Database /data/kahadb/lock is locked by another server. This broker is now in
 * slave mode waiting a lock to be acquired", "is locked by another process, waiting for the lock to be released",
 * "lock held by another instance; standing by until it is released". A second replica, or the old pod of a
 * rollout over an RWX claim, holds the store; the waiting pod never opens its ports. A later "lock acquired"
 * clears it (weighLockReading).
 */
export const LOCKED_STORE_STANDBY: Signature = {
  all: [
    /\b(?:is )?(?:locked|held) by (?:another|a different|some other) (?:server|process|instance|broker|node|host|pod|master)\b[^\n]{0,120}\b(?:[Ww]aiting|[Ss]leeping|[Rr]etrying|[Ss]tanding by|slave mode|standby mode|passive mode)\b|\b(?:slave|standby|passive|backup) mode,? waiting (?:for )?(?:a |the )?lock\b|\b[Ww]aiting (?:for )?(?:a |the )?(?:[\w-]{1,20} )?lock to be (?:acquired|released|obtained|freed)\b/,
  ],
  confidence: 0.8,
  title: 'The store on the volume is locked by another server, and this one waits for ever as a standby (the old pod?)',
  // As NOT_A_VOLUME_LOCK, with the lease as a word: this wording says "released".
  not: /[Ll]eader|\b[Ll]eases?\b|[Aa]dvisory|[Ll]iquibase|[Ff]lyway|[Mm]igration (?:lock|table)|[Dd]istributed|[Rr]edis|[Mm]utex/,
  warningIsEvidence: true,
};

export const SHARED_ACCESS_SIGNATURES: Signature[] = [
  {
    // A tool refuses to touch a library or store that another program of the same suite has open: calibredb
    // "Another calibre program such as calibre-server or the main calibre program is running. Having multiple
    // programs that can make changes to a calibre library running at the same time is a bad idea", "another
    // Anki program is using this collection". A sidecar or a second pod on the same volume opens it too.
    all: [
      /\b[Aa]nother [\w-]{1,30} (?:program|application|app|client)\b[^\n]{0,80}\b(?:is (?:already |still )?running|is (?:already |still )?using)\b|\bmultiple programs that (?:can )?(?:make changes to|write to|modify) (?:a |the )?[\w-]{1,30} (?:library|database|collection|repository|store)\b/,
    ],
    confidence: 0.8,
    title: 'Another program has the library or store on the volume open (a sidecar or a second pod using it)',
    // A broker client id or session taken by another client is a connection, not a store.
    not: /\b[Pp]ort\b|[Ll]isten|[Aa]ddress already in use|[Ll]eader|[Cc]lient ?[Ii][Dd]|\b[Ss]ession\b|[Cc]onnection/,
  },

  {
    // The store names the other holder: Qdrant local mode "Storage folder /data/qdrant is already accessed
    // by another instance of Qdrant client", Chroma/DuckDB "already opened by another process", H2/Derby
    // "is currently in use by another process", Kùzu "already open by another instance".
    all: [
      /\b(?:already|currently|still) (?:being )?(?:accessed|opened|open|in use|used|held|mounted) by (?:another|a different|some other) (?:instance|process|client|program|application|copy|connection|writer|[\w-]{1,30} (?:instance|process|client|server|node|writer))\b/,
    ],
    confidence: 0.86,
    title: 'The store on the volume is already opened by another instance (a second replica, or the old pod)',
    not: NOT_A_PORT,
  },
  {
    // The store asks whether another copy of itself is using the data: Vector "failed to lock buffer.lock;
    // is another Vector process running and using this buffer?", "Is another instance using this data
    // directory?", "is another process accessing the database?".
    all: [
      /\b[Ii]s (?:there )?another (?:[\w-]{1,30} )?(?:process|instance|server|daemon|node|client|copy) (?:already |still )?(?:running and )?(?:using|accessing|holding|locking|writing to) (?:this|the|that|its|it)\b/,
    ],
    confidence: 0.86,
    title: 'Another process is using the same data directory (two replicas on one volume, or the old pod)',
    not: NOT_A_PORT,
  },
  {
    // An embedded store refusing a file that another process has open and locked, worded per library: MapDB
    // "DBException$FileLocked: File is already opened and is locked: /data/x.db", redb "Database already
    // open. Cannot acquire lock.", .NET "The process cannot access the file '/data/x' XX
    // used by another process", "file is locked by another process".
    all: [
      /\b(?:[Ff]ile|[Dd]atabase|DB|[Ss]tore|[Vv]olume) is already open(?:ed)? and (?:is )?locked\b|\bDBException\$FileLocked\b|\b(?:[Dd]atabase|[Ff]ile|[Ss]tore|[Ee]nvironment) (?:is )?already open(?:ed)?[.,;:]? (?:[Cc]annot|[Cc]an't|[Uu]nable to|[Ff]ailed to) (?:acquire|obtain|get|take) (?:the |a )?lock\b|\bcannot access the file ['"`]?\/[^\s'"`]{1,200}['"`]? because it is being used by another process\b/,
    ],
    confidence: 0.86,
    title: 'A store file on the volume is open and locked by another process (a second replica, or the old pod)',
    not: NOT_A_PORT,
  },
  {
    // Taking a named lock file failed, without saying why: a Vector/Tantivy/Lucene-like "failed to lock
    // buffer.lock", "could not lock '/data/.lock'", Factorio "Couldn't acquire exclusive lock on /factorio/.lock".
    // Usually another process holds it; weaker than the above because a full or read-only volume fails the
    // same call (those guards send it to their causes).
    all: [
      /\b(?:[Ff]ailed to|[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't) lock (?:the )?(?:file )?['"`]?[^\s'"`;]{0,200}\.(?:lock|lck)\b|\b(?:[Ff]ailed to|[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't) (?:acquire|obtain|get|take) (?:an? |the )?(?:exclusive |write )?lock (?:on|for) (?:the )?(?:file )?['"`]?[^\s'"`;]{0,200}\.(?:lock|lck)\b/,
    ],
    confidence: 0.78,
    title: 'The lock file of the data directory is held by another process (two replicas on one volume?)',
    not: /[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system|package-lock|yarn\.lock|poetry\.lock|Cargo\.lock|Gemfile\.lock|composer\.lock|pnpm-lock|bun\.lock|uv\.lock|flake\.lock/,
  },
  {
    // The tool guesses that another process holds its lock file: Frappe "Failed to aquire lock:
    // bench_migrate. Lock may be held by another process", "maybe another process holds the lock": a lock
    // file on the shared volume that the old pod (a Job or Deployment rolling over an RWX claim) still holds.
    all: [
      /\b(?:[Ll]ock|[Ii]t) (?:may|might|could) (?:still )?be (?:held|owned|taken) by (?:another|a different|some other) (?:process|instance|job|pod|run)\b|\b[Mm]aybe another (?:process|instance) (?:holds|is holding|has) (?:the|this|its) lock\b/,
    ],
    confidence: 0.8,
    title: 'A lock file on the shared volume is held by another process (the old pod, or a second replica)',
    not: NOT_A_VOLUME_LOCK,
  },
  {
    // Redis-family servers (Redis, Valkey, KeyDB) finding garbage inside their append-only file: a
    // truncated tail reads "Unexpected end of file", a bad format in the middle is most often two servers
    // appending to one AOF (two replicas on a shared RWX volume). Corruption has other causes, hence weak.
    all: [/\bBad file format reading the append only file\b/],
    confidence: 0.6,
    title: 'The append-only file on the volume is garbled (two servers writing one AOF on a shared volume?)',
  },
  WAITING_FOR_VOLUME_LOCK,
  LOCKED_STORE_STANDBY,
];
