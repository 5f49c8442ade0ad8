/** data_dir_conflict: the persisted data directory is in a state the server refuses (not empty, stale id, locked). */
import { kubectl } from '../kubectl.ts';
import { BOLT_TIMEOUT_SIGNATURES } from './data-dir-conflict-bolt-timeouts.ts';
import { weighLockReading } from './data-dir-conflict-eagain.ts';
import { LOCK_SIGNATURES } from './data-dir-conflict-locks.ts';
import { SHARED_ACCESS_SIGNATURES } from './data-dir-conflict-shared-access.ts';
import { STALE_MARKER_SIGNATURES } from './data-dir-conflict-stale-markers.ts';
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
  {
    // A first-run step that fills a directory refuses one that already has files (a volume root with
    // lost+found, or content from an earlier run): git clone "fatal: destination path '/work' already exists
    // and is not an empty directory", Composer create-project "Project directory "/app/" is not empty",
    // "target directory /data is not empty".
    all: [
      /\balready exists and is not an empty directory\b|\b(?:[Tt]arget|[Dd]estination|[Oo]utput|[Pp]roject|[Ii]nstall(?:ation)?|[Cc]lone) (?:directory|dir|folder|path) (?:"[^"\n]{1,200}"|'[^'\n]{1,200}'|[^\s"']{1,200}) is not empty\b/,
    ],
    confidence: 0.84,
    title: 'A first-run step (clone, install, init) found its target directory on the volume not empty',
  },
  {
    // A node given fewer roles keeps the old role's data on its volume: Elasticsearch and OpenSearch "node
    // does not have the data role but has shard data" / "does not have the master and data roles but has
    // index metadata", and point to the `elasticsearch-node repurpose` (opensearch-node) tool.
    all: [
      /\bnode does not have the [a-z_ ]{2,40} roles? but has (?:shard data|index metadata)\b|\bUse '(?:elasticsearch|opensearch)-node repurpose' tool\b/,
    ],
    confidence: 0.9,
    title: 'The data directory holds data of a role this node no longer has (repurpose or replace the volume)',
  },
  {
    // The server found more damaged files than it will drop by itself after an unclean stop (a node crash
    // during writes) and wants an operator's flag: ClickHouse "Suspiciously many (17 parts) broken parts to
    // remove ... use force restore data flag" (TOO_MANY_UNEXPECTED_DATA_PARTS, flags/force_restore_data).
    all: [
      /\bSuspiciously many [^\n]{0,80}\bbroken parts\b|\bTOO_MANY_UNEXPECTED_DATA_PARTS\b|\bforce[_ ]restore[_ ]data (?:flag|file)\b|\bflags\/force_restore_data\b/,
    ],
    confidence: 0.82,
    title: 'The data directory holds more broken parts than the server drops by itself (an unclean stop)',
  },
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
    // A start script that formats or initialises storage on every boot meets the volume it prepared before:
    // Kafka "Log directory /var/lib/kafka/data is already formatted. Use --ignore-formatted", a disk or
    // volume "is already formatted", a data/storage directory "is already initialized". The volume is fine;
    // the init step must be skipped when its marker (meta.properties, VERSION) is there.
    all: [
      /\b(?:[Ll]og|[Dd]ata|[Ss]torage|[Mm]etadata|[Ss]tate) (?:dir(?:ectory|ectories|s)?|volume|storage|store) ["'`]?\/[^\s"'`]{0,200}["'`]? (?:is|are|has been|was) already (?:formatted|initiali[sz]ed)\b|\balready formatted\. Use --ignore-formatted\b|\b(?:[Dd]isk|[Dd]rive|[Vv]olume|[Dd]evice|[Pp]artition) ["'`]?[^\s"'`]{1,120}["'`]? is already formatted\b/,
    ],
    confidence: 0.84,
    title: 'The start-up script formats storage that is already formatted (an init step re-run on the kept volume)',
    // A script that notices and skips the step is doing the right thing.
    not: /\b[Ss]kip(?:ping|ped)?\b|, ignoring\b|\bnothing to do\b/,
  },
  {
    // ZooKeeper: the snapshot and epoch files on the volume are older than the ensemble's (stale member data).
    all: [/[Tt]he accepted epoch, \d+ is less than the current epoch|Unable to load database on disk/],
    confidence: 0.8,
    title: 'The ZooKeeper data on the volume is stale for this ensemble (epoch or snapshot)',
  },
  {
    // etcd's own verdict on member data from an earlier cluster: "member X has already been bootstrapped",
    // "the member has been permanently removed from the cluster" / "the data-dir used by this member must be
    // removed" (a member re-created under its old name keeps the removed member's WAL on the volume).
    all: [
      /member [^\s]{1,120} has already been bootstrapped|\bthe data-dir used by this member must be removed\b|\bmember has been permanently removed from the cluster\b/,
    ],
    confidence: 0.85,
    title: 'The etcd member data is from an earlier cluster',
  },
  {
    // etcd comparing the membership it stored against the peers it now finds: "error validating peerURLs
    // ...: member count is unequal", "unmatched member while checking PeerURLs", "no match found for existing
    // member". Usually a redeployed cluster meeting a member's retained volume; a hand-edited
    // --initial-cluster gives the same words, so it stays below the certain readings.
    all: [
      /\bmember count is unequal\b|\bunmatched member while checking PeerURLs\b|\bPeerURLs: no match found for existing member\b/,
    ],
    confidence: 0.78,
    title: "The etcd member's stored cluster membership differs from the peers it finds (stale member data)",
  },
  {
    all: [/Cannot start node if snitch's (?:data center|rack) \([^)]{1,64}\) differs from previous/],
    confidence: 0.82,
    title: 'The Cassandra data was written under another data center/rack name',
  },
  {
    // Cluster creation over members that kept their old state (a reinstall that kept the PVCs): redis-cli
    // --cluster create "[ERR] Node 10.0.0.5:6379 is not empty. Either the node already knows other nodes",
    // a member that "already belongs to a cluster" or "is already part of a cluster".
    all: [
      /\b[Nn]ode [^\s]{1,120} is not empty\b|\bthe node already knows other nodes\b|\b(?:[Nn]ode|[Mm]ember|[Ii]nstance|[Bb]roker) [\w.:"'`-]{1,80} (?:already belongs to|is already (?:a )?(?:part|member) of) (?:a|another|an existing) cluster\b/,
    ],
    confidence: 0.84,
    title: 'A cluster member kept its old cluster state on the volume (a reinstall that kept the PVCs?)',
  },
  {
    // Redis, Valkey and KeyDB clusters: two pods share one nodes.conf on the volume ("the cluster
    // configuration file nodes.conf is already used by a different Valkey Cluster node").
    all: [/\bis already used by (?:a different|another) (?:[A-Za-z]{1,20} )?[Cc]luster node\b/],
    confidence: 0.88,
    title: 'The cluster configuration file (nodes.conf) on the volume belongs to another node',
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
    // A member that was away too long refuses to rejoin with the state on its volume and asks for it to be
    // wiped: Consul "refusing to rejoin cluster because server has been offline for more than the configured
    // server_rejoin_age_max ... consider wiping your data dir", "remove the data directory and rejoin".
    all: [
      /\b[Rr]efus(?:e|es|ing) to rejoin (?:the )?cluster\b|\b(?:consider |please |you must |you need to )?(?:wip(?:e|ing)|delet(?:e|ing)|remov(?:e|ing)|clear(?:ing)?) (?:your|the|its|this node's) (?:data|raft|state) dir(?:ectory)?\b[^\n]{0,60}\b(?:and (?:re-?join|re-?sync|start fresh)|before (?:re-?join|re-?start))|\bconsider wiping (?:your|the) (?:data|raft|state) dir(?:ectory)?\b/,
    ],
    confidence: 0.84,
    title: 'The member was away too long: it refuses to rejoin with the stale state on its volume',
  },
  {
    // The stored data was written under another server identity than the one configured now (a database or
    // volume reused from another install): Synapse "Found users in database not native to example.org! You
    // cannot change a synapse server_name after it's been configured", and the same refusal for a hostname,
    // node, cluster, instance or site name. The data, not the new name, is what has to go (or the old name).
    all: [
      /\bin (?:the )?database not native to [\w.:-]{1,120}!|\b[Yy]ou cannot change (?:a |the |your )?(?:[A-Za-z]{2,20} )?(?:server_name|server name|hostname|host name|node name|cluster name|instance name|site name) after it(?:'s| has) been (?:configured|set|initiali[sz]ed|created)\b/,
    ],
    confidence: 0.86,
    title: 'The database or volume holds data of an install with another server name (reused from another install)',
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
    // RabbitMQ/Erlang: the Mnesia directory on the volume belongs to another node or cluster.
    all: [/Failed to merge schema|Bad cookie in table definition|inconsistent_database/],
    confidence: 0.78,
    title: 'The Mnesia data on the volume belongs to another node or cluster',
  },
  {
    // An Erlang node whose name changed (a renamed StatefulSet or headless Service) meets the Mnesia data
    // stamped with its old name: ejabberd "Node name mismatch: I'm [a@x], the database is owned by [a@y]",
    // {error,{node_name_mismatch,...}}. The volume belongs to the old node name, not a broken config.
    all: [
      /\b[Nn]ode name mismatch\b|\bnode_name_mismatch\b|\b(?:database|data directory|data dir|Mnesia (?:directory|database|schema)) (?:is )?owned by (?:node )?\[?[\w.-]{1,80}@[\w.-]{1,200}/,
    ],
    confidence: 0.86,
    title: 'The data on the volume is stamped with the old node name (the pod or service was renamed)',
  },
  {
    // Python's filelock (Hugging Face hub, pip caches, torch extensions) waiting on a lock file in a shared
    // cache volume that another pod holds or left behind: "Lock 1402 not acquired on /models/.locks/x.lock",
    // filelock.Timeout "The file lock '/models/x.lock' could not be acquired".
    all: [
      /\b(?:[Tt]he )?(?:file )?lock ['"`][^'"`\n]{1,200}['"`] could not be acquired\b|\b[Ll]ock \d{1,20} not acquired on \/|\bfilelock(?:\._error)?\.Timeout\b/,
    ],
    confidence: 0.78,
    title: 'A lock file in the shared cache or data volume is held by another pod (or left by one that was killed)',
    not: /[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system|package-lock\.json|yarn\.lock|poetry\.lock|uv\.lock/,
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
    // An app installer meeting the files of an earlier installation left on the volume (the database was
    // recreated empty, the data PVC kept): Nextcloud "Username is invalid because files already exist for
    // this user", "the data directory contains files of a previous installation".
    all: [
      /\bfiles already exist for (?:this|the|that) user\b|\bcontains (?:data|files) (?:of|from) (?:a |an )?(?:previous|earlier|old|other|existing) (?:installation|instance|install)\b/,
    ],
    confidence: 0.84,
    title: 'The data volume still holds files of an earlier installation that the fresh install refuses',
  },
  {
    // A Unix socket path "in use": the socket file is still on disk, left by the previous pod on a kept
    // volume (an eviction gives no clean unlink) or shared with another pod. No TCP port is involved, so it
    // outranks the EADDRINUSE reading: nginx/OpenResty "bind() to unix:/x.sock failed (98: Address already
    // in use)", Go "listen unix /run/x.sock: bind: address already in use", Node "listen EADDRINUSE: address
    // already in use /tmp/app.sock", PHP-FPM "unable to bind listening socket for address '/run/x.sock'".
    all: [
      /\bbind\(\) to unix:\/[^\s]{1,200} failed \((?:98: )?[Aa]ddress already in use\)|\blisten unix \/[^\s:]{1,200}: bind: address already in use\b|\b[Aa]ddress already in use:? ['"`]?\/[^\s'"`]{1,200}\.sock\b|\bfor address '\/[^'\n]{1,200}\.sock': [Aa]ddress already in use\b/,
    ],
    confidence: 0.93,
    title: 'A stale Unix socket file is still on the volume (left by the previous pod) or shared with another pod',
  },
  ...LOCK_SIGNATURES,
  ...BOLT_TIMEOUT_SIGNATURES,
  ...SHARED_ACCESS_SIGNATURES,
  ...STALE_MARKER_SIGNATURES,
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
  adjust: weighLockReading,
  steps: (ctx, hit) => [
    `Look at what the volume holds: ${kubectl.debugCopy(ctx.target, `ls -la ${dataDirOf(hit) ?? '<data-dir>'}`)}`,
    'Point the server at a sub-directory of the volume (PGDATA=/var/lib/postgresql/data/pgdata), or remove the stale lock or cluster id',
    'Make sure only one replica mounts a ReadWriteOnce volume (a StatefulSet, not a Deployment with several replicas)',
  ],
});
