/**
 * data_dir_conflict's stale-marker family: a first-run or busy marker on the volume (an "initialising" lock,
 * a tool's run lock naming a PID, files in the folder an init step wants empty, a member id the volume kept)
 * that a killed pod left behind or a second replica holds. The server is not broken: the volume's state is.
 * The data-dir-conflict rule lists these after its shared-access signatures.
 */
import { SINGLE_INSTANCE_SIGNATURES } from './data-dir-conflict-single-instance.ts';
import type { Signature } from './log-helpers.ts';

export const STALE_MARKER_SIGNATURES: Signature[] = [
  {
    // An entrypoint that waits for another copy to finish a first-run step on the shared volume, and the wait
    // never ends because that copy was killed (a drained node) and left its marker: Nextcloud "Another process
    // is initializing Nextcloud. Waiting 10 seconds...", "another instance is upgrading the data, waiting",
    // "another node is bootstrapping the cluster directory". Liveness probes then kill the waiting container.
    all: [
      /\b[Aa]nother (?:process|instance|container|pod|replica|node|copy|job) (?:is )?(?:already |still )?(?:initiali[sz]ing|installing|upgrading|updating|migrating|bootstrapping|setting up|restoring|syncing)\b[^\n]{0,120}\b[Ww]aiting\b/,
    ],
    confidence: 0.88,
    title: 'A first-run or upgrade marker on the volume says another copy is busy (left by a killed pod?)',
    // Port bindings and leader elections wait on other holders too, and are not the volume's state.
    not: /\b[Pp]ort\b|[Aa]ddress already in use|[Ll]eader|[Ll]ease/,
  },
  {
    // A tool's run lock naming the process that holds it, with the advice to delete the lock if that process
    // is gone (a pod evicted mid-run left it on the workspace volume): DVC "'/ws/data' is busy, it is being
    // blocked by: (PID 57) ... you can manually remove '.dvc/tmp/rwlock'", "If there are no processes with
    // such PIDs", "remove the lock file and try again", "stale lock file".
    all: [
      /\bis busy, it is being (?:blocked|locked|used|held) by\b|\bIf there are no processes with such PIDs\b|\b(?:manually )?(?:remove|delete) (?:the )?(?:lock ?file )?['"`]?[^\s'"`]{0,200}(?:rwlock|\.lock|\.lck|LOCK)['"`]? and try again\b|\b[Ss]tale lock ?file\b[^\n]{0,80}\b(?:found|detected|exists|present|held)\b/,
    ],
    confidence: 0.84,
    title: 'A run lock on the volume names a process that is gone or still running elsewhere (remove it if stale)',
    not: /[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system|package-lock|yarn\.lock|poetry\.lock|Cargo\.lock|Gemfile\.lock|composer\.lock|pnpm-lock|bun\.lock|uv\.lock|flake\.lock|[Rr]emov(?:ed|ing) stale/,
  },
  {
    // An init step that refuses a folder with anything in it, named by what it holds (a volume root carries
    // lost+found): TiddlyWiki "Error: Wiki folder is not empty", Hugo "site folder is not empty", "vault
    // directory /data is not empty", "the data folder is not empty, refusing to initialise".
    all: [
      /\b(?:[Ww]iki|[Ss]ite|[Dd]ata|[Vv]ault|[Ww]orkspace|[Rr]epo(?:sitory)?|[Ss]torage|[Ss]tate|[Hh]ome|[Cc]ontent|[Ii]nstance|[Ll]ibrary|[Dd]ocs?) (?:folder|directory|dir)(?: ["'`]?\/[^\s"'`]{0,200}["'`]?)? is not empty\b/,
    ],
    confidence: 0.82,
    title: 'An init step found the folder on the volume not empty (lost+found on a volume root, or an earlier run)',
    // Removing a folder that still has files is a cleanup step, not the data directory's state.
    not: /\b(?:rmdir|[Rr]emov(?:e|ing)|[Dd]elet(?:e|ing)|[Uu]nlink|[Rr]enam(?:e|ing)|[Uu]nmount)\b/,
  },
  {
    // A member whose stored id (kept on a restored or reused volume) is not among the configured peers:
    // ZooKeeper "My id 4 not in the peer list" (myid in the data dir), "node id 5 is not in the voter set",
    // "local member id not found in the member list". A hand-edited peer list reads the same, hence not sure.
    all: [
      /\b(?:[Mm]y|[Ll]ocal|[Nn]ode|[Ss]erver|[Mm]ember|[Bb]roker) (?:member )?id:? ["'`]?[\w.-]{0,40}["'`]? (?:is )?not (?:found )?(?:in|part of|among) the (?:peer|member|server|voter|quorum|ensemble) (?:list|set)\b/,
    ],
    confidence: 0.74,
    title: 'The member id stored on the volume is not among the configured peers (a restored or reused volume?)',
  },
  {
    // A distributed store checks which drive of its set each volume holds (the identity its format file
    // recorded) and refuses one in the wrong place: MinIO "Detected unexpected drive ordering refusing to use
    // the drive: expecting X, found Y", "drive is already being used in another erasure deployment". PVCs
    // rebound to other ordinals (a restore) or reused from another deployment: the volumes, not the config.
    all: [
      /\b[Uu]nexpected (?:drive|disk) (?:ordering|order)\b|\brefusing to use the (?:drive|disk|volume)\b|\b(?:drive|disk) is already being used in another (?:erasure )?(?:deployment|set|cluster)\b/,
    ],
    confidence: 0.84,
    title: 'A volume holds the drive of another position or deployment (PVCs swapped or reused)',
  },
  {
    // Half of the server's state kept and half lost (only one of two directories on the persistent volume,
    // the other an emptyDir): osixia/openldap "the database directory (/var/lib/ldap) is empty but not the
    // slapd configuration directory (/etc/ldap/slapd.d)", "configuration directory exists but the data
    // directory is empty", "data directory is not empty but the config directory is". The entrypoint refuses
    // to guess which half is right.
    all: [
      /\b(?:database|data|db|config(?:uration)?|state|storage) (?:directory|dir|folder)(?: \(?\/[^\s()]{1,200}\)?)? is (?:not )?empty but (?:not )?(?:the )?[^\n]{0,80}\b(?:directory|dir|folder)\b|\b(?:config(?:uration)?|data(?:base)?|state) (?:directory|dir|folder)(?: \(?\/[^\s()]{1,200}\)?)? (?:exists|is populated|has files) but (?:the )?(?:database|data|db|config(?:uration)?|state|storage) (?:directory|dir|folder)(?: \(?\/[^\s()]{1,200}\)?)? (?:is empty|is missing|does not exist)\b/i,
    ],
    confidence: 0.84,
    title: "One of the server's state directories was kept and the other is empty (only one on a persistent volume?)",
    not: /\b(?:rmdir|[Uu]nlink|[Uu]nmount)\b/,
  },
  {
    // A node whose volume keeps the membership of the former multi-node cluster, started alone or in another
    // place: Elasticsearch "cannot start with [discovery.type] set to [single-node] when local node ... does
    // not have quorum in voting configuration" (the volume of a former 3-node cluster), Cassandra "Cannot start
    // node if snitch's data center (dc1) differs from previous data center (datacenter1)". The volume's
    // stored cluster state, not the configuration alone: a fresh volume starts with the same settings.
    all: [
      /\bcannot start with \[discovery\.type\] set to \[single-node\] when local node\b|\bdoes not have quorum in (?:the )?(?:last (?:accepted|committed) )?voting configuration\b|\b[Cc]annot start node if snitch's (?:data ?center|rack) \([^()\n]{1,80}\) differs from previous (?:data ?center|rack)\b/,
    ],
    confidence: 0.84,
    title: 'The volume keeps the membership of a former cluster that this node cannot form alone (stale cluster state)',
  },
  {
    // A pid or lock file named by its path, found at start and taken as a live process, with the question whether
    // that process still runs: Buildbot "'/var/lib/buildbot/twistd.pid' exists - is this master still running?",
    // pgbouncer "pidfile exists, another instance running?", "/data/app.lock exists: is another server still
    // running?". A kill or node crash left it on the volume (in a new container its PID is often alive again).
    all: [
      /\.(?:pid|lock|lck)['"`]? (?:already )?exists(?: -|:|;|,)? (?:is|are) (?:this|the|that|another|an?|it|there) (?:[\w-]{1,30} ){0,3}running\?|\b[Pp]id ?file (?:already )?exists,? (?:is )?another (?:[\w-]{1,30} )?(?:instance|process|server|daemon|copy) (?:already |still )?running\?/,
    ],
    confidence: 0.84,
    title: 'A pid or lock file left on the volume makes the server think an earlier instance still runs',
    not: /[Rr]emov(?:ed|ing) |[Dd]elet(?:ed|ing) |[Ii]gnor(?:ed|ing) /,
  },
  {
    // Settings given at every start disagree with the identity the server stored on its volume (or its
    // adapter) the first time: Zigbee2MQTT/zigbee-herdsman "Configuration is not consistent with adapter
    // state/backup!" (PAN ID, network key vs coordinator_backup.json), "configuration does not match the
    // stored state", "settings differ from the persisted cluster state". The stored state wins: change the
    // config to it, or remove the backup and re-commission.
    all: [
      /\b(?:[Cc]onfiguration|[Cc]onfig|[Ss]ettings?) (?:is |are )?(?:not consistent|inconsistent|do(?:es)? not match|doesn't match|don't match|differs?|mismatch(?:es)?) (?:with |from )?(?:the )?(?:adapter|stored|saved|persisted|existing|on-disk|recorded) (?:state|backup|data|network|cluster state|settings)\b|\bconfiguration-adapter mismatch\b/,
    ],
    confidence: 0.8,
    title: 'The configuration disagrees with the network or cluster state stored on the volume (from an earlier start)',
  },
  {
    // An init or format step that creates its data file exclusively, re-run on the kept volume where the file
    // is already there: TigerBeetle's format init container "error: PathAlreadyExists" (Zig), Rust "File exists
    // (os error 17)", Python "FileExistsError: [Errno 17] File exists: '/data/..'", Node "EEXIST: file already
    // exists, open '/data/..'". Links and sockets fail the same way in a start script: those are not the data.
    all: [
      /\berror: PathAlreadyExists\b|\berror\.PathAlreadyExists\b|\bFile exists \(os error 17\)|\bFileExistsError: \[Errno 17\] File exists: ['"]\/|\bEEXIST: file already exists, (?:open|copyfile) ['"]\//,
    ],
    confidence: 0.72,
    title: 'An init or format step found its data file already on the volume (a first-run step run on every start)',
    not: /\bln\b|[Ss]ymlink|symbolic link|\b[Ll]ink\b|['"] -> ['"]|[Ss]ocket|\.sock\b|\.pid\b|mkfifo/,
  },
  ...SINGLE_INSTANCE_SIGNATURES,
];
