/**
 * data_dir_conflict's single-instance family: an app that guards against a second copy of itself (a lock or
 * pid file in its config or data directory, an exception class of its lock library, a locked-database error
 * value) refuses to start. A fresh container runs no other copy, so the guard read state that a killed pod left
 * on the volume, or a second replica on the same RWX claim holds it. The data-dir-conflict rule lists these
 * after its stale-marker signatures.
 */
import type { Signature } from './log-helpers.ts';

// Things other than an app's data that are "already running" or raise a LockError: an event loop, a scheduler,
// a job, a migration, a leader election, a distributed lock in a service.
const NOT_AN_INSTANCE =
  /[Ll]oop\b|[Ss]cheduler|[Mm]igration|\b[Jj]ob\b|\b[Tt]ask\b|[Tt]hread|[Cc]ontainer|\b[Pp]od\b|[Oo]peration|[Ll]eader|\b[Pp]ort\b|[Rr]edis|[Cc]onsul|\betcd\b|kazoo|[Zz]oo[Kk]eeper|[Dd]istributed|[Aa]dvisory|[Mm]utex|[Dd]eadlock|\b[Tt]able\b|\b[Rr]ow\b|[Uu]nlocked lock|[Rr]elease/;

export const SINGLE_INSTANCE_SIGNATURES: Signature[] = [
  {
    // A single-instance guard worded per user or per config file: qBittorrent "qBittorrent is already running
    // for this user.", Sopel "There's already a Sopel instance running with this config file.", "Syncthing is
    // already running with this home directory", "There is already an instance of Foo running".
    all: [
      /(?:^|[\s"'`(\[])[A-Za-z][\w.-]{1,30} is already running (?:for this (?:user|profile|account|config(?:uration)?(?: file)?|data ?dir(?:ectory)?|home(?: directory)?)|with (?:this|the same) (?:config(?:uration)?(?: file)?|profile|data ?dir(?:ectory)?|home(?: directory)?|database|data folder))\b|\b[Tt]here(?:'s| is) already an? (?:[\w.-]{1,30} )?instance (?:of [\w.-]{1,40} )?running\b/,
    ],
    confidence: 0.8,
    title:
      'A single-instance lock or pid file on the volume makes the app think another copy runs (left by a killed pod?)',
    not: NOT_AN_INSTANCE,
  },
  {
    // The same guard as a bare sentence, the whole message: "Deluge is already running.", "ERROR: Foo is
    // already running!". In a fresh container the other copy is a stale lock or a second pod on the volume.
    all: [
      /^\W{0,6}(?:(?:[Ee]rror|ERROR|FATAL|[Ff]atal|CRITICAL):? |\[[^\]\n]{1,40}\] ){0,2}[A-Za-z][\w.-]{1,30} (?:is|seems to be) already running[.!]?\s{0,4}$/,
    ],
    confidence: 0.74,
    title: 'The app believes another copy of itself runs (a lock or pid file left on the volume?)',
    not: NOT_AN_INSTANCE,
  },
  {
    // A lock library's exception class ends the traceback: Whoosh "whoosh.index.LockError" (its MAIN_WRITELOCK
    // held by a second pod writing the index), portalocker "portalocker.exceptions.LockException", lockfile
    // "LockTimeout". The store's lock file on the shared volume is held; distributed locks are excluded.
    all: [
      /^\s{0,8}(?:[a-z_][\w]{0,40}\.){1,5}(?:LockError|LockException|LockTimeout|LockFailed(?:Error|Exception)?|AlreadyLocked)(?::|\s{0,4}$)/,
    ],
    confidence: 0.72,
    title: 'The index or store on the volume is locked by another writer (a second replica, or the old pod)',
    not: NOT_AN_INSTANCE,
  },
  {
    // A locked-database error value that names the lock file: cardano-node "DbLocked "/data/db/lock"", Rust
    // "DatabaseLocked("/var/lib/app/LOCK")", "ErrDatabaseLocked: /data/x.db". Another process holds the lock.
    all: [/\b(?:Err)?(?:Db|DB|Database|Store|Dir|Directory|DataDir|Datadir|Repo|Index|ChainDB)Locked\b:? ?\(?["'`]?\//],
    confidence: 0.84,
    title: 'The database directory is locked by another process (a second replica on the volume, or the old pod)',
  },
  {
    // An init step that wants an empty directory and finds files (a volume restored from a snapshot, lost+found,
    // a subfolder where the data should be): ArchiveBox "This folder appears to already have files in it, but no
    // index.sqlite3 present ... You must run init in a completely empty directory", Ghost-CLI "Current directory
    // is not empty, Ghost cannot be installed here", "refusing to initialize in a non-empty directory".
    all: [
      /\b(?:folder|directory|dir) (?:appears to |seems to )?(?:already )?(?:have|has|contains?) (?:files|data|content)(?: in it)?,? but (?:no|not|there is no)\b|\b(?:must|can only|should) (?:run|be run|use) [\w -]{0,20}\bin an? (?:completely )?empty (?:directory|folder|dir)\b|\b(?:[Dd]irectory|[Ff]older) is not empty, [^\n]{0,60}\bcannot be (?:installed|initiali[sz]ed|created|set up)\b|\bin (?:a |the )?non-?empty (?:directory|folder|dir)\b/,
    ],
    confidence: 0.8,
    title: 'An init step found the volume not empty (a restored snapshot, a subfolder, or lost+found)',
    not: /\b(?:rmdir|[Rr]emov(?:e|ing)|[Dd]elet(?:e|ing)|[Uu]nlink|[Uu]nmount)\b/,
  },
];
