import { dataDirConflict } from '../../../src/diagnosis/rules/data-dir-conflict.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contextFor, ruleTable } from './helpers.ts';

ruleTable(dataDirConflict, 'data_dir_conflict', {
  positives: [
    {
      name: 'a queue store locked by another instance whose server stands by until it is released (rollout over an RWX claim)',
      log: 'INFO  [main] o.a.q.server.Store - opening journal in /var/lib/queue/journal\nINFO  [main] o.a.q.server.Store - Store lock /var/lib/queue/journal/store.lock is held by another instance; standing by until it is released',
      exitCode: 143,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a broker notice that it waits for the file lock to be released by the old pod (INFO level, never obtained)',
      log: ' INFO | Using Persistence Adapter: /data/broker/journal\n INFO | Journal /data/broker/journal/lock is locked by another node. Waiting for the lock to be released, retry in 10s',
      exitCode: 143,
      min: 0.75,
    },
    {
      name: 'a suite tool refusing a library that another program of the suite has open (a sidecar on the same volume)',
      log: '+ digikam-import --collection /photos\nError: Another digiKam application instance is already running and using this database; refusing to open /photos/digikam4.db',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'pgbouncer finding its pid file from the killed pod and asking whether another instance runs',
      log: '2024-05-01 10:00:00.000 UTC [1] FATAL @src/main.c:561 in function check_pidfile(): pidfile exists, another instance running?',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a daemon finding a lock file by path and asking whether the other server still runs',
      log: "starting replica-sync\nlock '/srv/sync/state/server.lock' exists - is another server still running? refusing to start",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a mesh controller whose configured network settings disagree with the state saved on its volume',
      log: 'info  starting controller\nerror Configuration does not match the stored network backup: channel configured=15, stored=20\nerror startup failed',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Python init step creating its data file exclusively on a volume that already has it',
      log: 'Traceback (most recent call last):\n  File "/app/init_store.py", line 12, in <module>\n    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)\nFileExistsError: [Errno 17] File exists: \'/data/ledger/0_0.db\'',
      exitCode: 1,
      min: 0.65,
      max: 0.8,
    },
    {
      name: 'a Rust format command re-run on the kept volume',
      log: 'formatting replica 0 at /var/lib/store/replica.dat\nError: could not create data file: File exists (os error 17)',
      exitCode: 1,
      min: 0.65,
      max: 0.8,
    },
    {
      name: 'an embedded key-value store whose database file the old pod still holds on the shared volume',
      log: 'INFO opening /data/kv/store.db\nFATAL: database file could not be locked: another instance may be using /data/kv\nexit status 1',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Cassandra node whose volume remembers another data center than its snitch now reports',
      log: "ERROR [main] CassandraDaemon.java:803 - Fatal configuration error\norg.apache.cassandra.exceptions.ConfigurationException: Cannot start node if snitch's data center (dc1) differs from previous data center (datacenter1). Please fix the snitch configuration, decommission and rebootstrap this node or use the flag -Dcassandra.ignore_dc=true.",
      exitCode: 3,
      min: 0.8,
    },
    {
      name: 'a Valkey server finding a garbled append-only file (two servers appended to it on one volume)',
      log: '1:M 02 Mar 2025 09:12:01.004 * DB loaded from base file appendonly.aof.2.base.rdb: 0.010 seconds\n1:M 02 Mar 2025 09:12:01.210 # Bad file format reading the append only file appendonly.aof.2.incr.aof: make a backup of your AOF file, then use ./valkey-check-aof --fix <filename.manifest>',
      exitCode: 1,
      min: 0.55,
      max: 0.7,
    },
    {
      name: 'a daemon that could not obtain the exclusive lock on the lock file of its data directory',
      log: 'FATAL: Unable to obtain an exclusive lock on /var/lib/tracker/data/.lock',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a directory server whose config was on the volume but whose database directory came back empty',
      log: 'Starting 389 Directory Server...\nERROR: configuration directory /etc/dirsrv/slapd-localhost exists but the database directory /var/lib/dirsrv/slapd-localhost/db is empty; refusing to start with half of the instance',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Java app whose tryLock on its state file failed with EWOULDBLOCK (the old pod still holds it, not Dart)',
      log: 'Exception in thread "main" java.io.IOException: lock failed on /var/lib/indexer/state.lock: EWOULDBLOCK\n\tat com.example.Store.open(Store.java:88)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Rust service that could not take the write lock on its data directory (os error 11)',
      log: 'Error: could not acquire write lock on /data/node: Resource temporarily unavailable (os error 11)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a broker rolled over an RWX claim waiting without end for the journal lock the old pod holds',
      log: 'INFO  [org.hornetq.core.server] HQ221034: Waiting indefinitely to obtain live lock',
      exitCode: 143,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a job runner whose lock file on the shared volume it guesses another process still holds',
      log: 'Traceback (most recent call last):\n  File "/app/runner.py", line 40, in run\nrunner.LockTimeout: could not take nightly_export lock; the lock might be held by another job. Remove /srv/data/locks/nightly_export.lock if it is stale',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an erasure-coded object store refusing a drive its format file places at another position',
      log: 'Error: Unexpected drive order: expecting http://store-1.store-hl:9000/data, found http://store-3.store-hl:9000/data, refusing to use the drive',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an entrypoint waiting forever on an upgrade marker that a drained pod left on the shared volume',
      log: 'Checking the data volume\nAnother instance is upgrading the data directory /srv/app/data, waiting 15s...\nAnother instance is upgrading the data directory /srv/app/data, waiting 30s...',
      exitCode: 137,
      min: 0.85,
    },
    {
      name: 'a pipeline tool whose run lock names a PID from an evicted pod and asks to remove the lock file',
      log: "+ pipeline run nightly\nERROR: cannot start run: stage 'features' is busy, it is being blocked by:\n  (PID 212): pipeline run nightly\nremove '/workspace/.pipeline/run.lock' and try again",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a static site init step that refuses a volume root that is not empty (lost+found)',
      log: '+ sitegen init /srv/site\nError: site directory /srv/site is not empty',
      exitCode: 1,
      min: 0.8,
      max: 0.88,
    },
    {
      name: 'a Raft member whose restored volume keeps a node id the configured voter set no longer lists',
      log: 'level=error msg="cannot start raft" err="local node id n5 is not in the voter set"',
      exitCode: 1,
      min: 0.7,
      max: 0.8,
    },
    {
      name: 'a RabbitMQ-style Erlang node whose renamed pod meets Mnesia data owned by its old node name',
      log: "2024-05-02 10:01:03 [error] Mnesia schema on /var/lib/app/mnesia is owned by node [app@app-0.app-old.svc.cluster.local]\n2024-05-02 10:01:03 [error] {error,{node_name_mismatch,'app@app-0.app-old.svc.cluster.local'}}",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a torch extensions build waiting on a lock file a killed pod left in the shared cache volume',
      log: "INFO building fused_adam in /cache/torch_extensions\nfilelock._error.Timeout: The file lock '/cache/torch_extensions/fused_adam/lock' could not be acquired.",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Composer create-project init step whose project directory on the volume already has files',
      log: 'Creating a "laravel/laravel" project at "/var/www/html"\n\nIn CreateProjectCommand.php line 363:\n\n  Project directory "/var/www/html/" is not empty.',
      exitCode: 1,
      min: 0.8,
      max: 0.88,
    },
    {
      name: 'a daemon that reads a stale pid file and tells the user to remove it (not Play)',
      log: 'mailer-daemon: server is already running; remove /var/run/mailer/mailer.pid if it is not',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an embedded DuckDB file already opened by another process (a second replica on the RWX volume, said in words)',
      log: 'Traceback (most recent call last):\n  File "/app/analytics.py", line 9, in <module>\n    con = duckdb.connect("/data/warehouse.duckdb")\nduckdb.duckdb.IOException: IO Error: Could not set lock on file "/data/warehouse.duckdb": Conflicting lock is held in /usr/local/bin/python3.12 (PID 1). The database is already opened by another process.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a log shipper asking whether another copy of itself is using its disk queue (no errno)',
      log: 'ERROR pipeline: failed to open disk queue at /var/lib/shipper/queue: is another shipper instance running and using this directory?',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a search index whose named lock file could not be taken (Tantivy-like, no reason given)',
      log: 'Error: could not open index: Failed to lock /data/index/.tantivy-writer.lock',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'an etcd member re-created under the name of a removed member (its old WAL on the volume)',
      log: '{"level":"warn","msg":"the member has been permanently removed from the cluster"}\n{"level":"fatal","msg":"the data-dir used by this member must be removed"}',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an etcd member whose stored membership disagrees with the peers (unmatched member, not certain)',
      log: '{"level":"fatal","caller":"etcdmain/etcd.go:204","msg":"discovery failed","error":"error validating peerURLs {ClusterID:7e27652122e8b2ae Members:[]}: unmatched member while checking PeerURLs"}',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a Go server whose socket file on the kept volume is still there (listen unix, no TCP port)',
      log: 'level=info msg="starting agent"\nlevel=fatal msg="cannot listen" err="listen unix /var/run/agent/agent.sock: bind: address already in use"',
      exitCode: 1,
      min: 0.9,
    },
    {
      name: 'a Node server told its Unix socket path is already in use (a stale .sock, not a port)',
      log: 'Error: listen EADDRINUSE: address already in use /data/run/app.sock\n    at Server.setupListenHandle [as _listen2] (node:net:1872:21)',
      exitCode: 1,
      min: 0.9,
    },
    {
      name: 'a LevelDB-like store that could not take an exclusive lock on its database (a second pod on the volume)',
      log: "FATAL Couldn't acquire exclusive lock on database at '/data/chain' (is another node running?)",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Python shelve cache opened by a second replica on the same volume (gdbm EAGAIN, not Celery)',
      log: 'Traceback (most recent call last):\n  File "/app/cache.py", line 12, in <module>\n    db = shelve.open("/data/cache/thumbs")\n  File "/usr/local/lib/python3.12/dbm/__init__.py", line 95, in open\n    return mod.open(file, flag, mode)\n_gdbm.error: [Errno 11] Resource temporarily unavailable: \'/data/cache/thumbs\'',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a state file whose open answers EAGAIN with its path (a lock held by the old pod, no store named)',
      log: "OSError: [Errno 11] Resource temporarily unavailable: '/var/lib/worker/state.db'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "a lock file naming the old pod's host, which the archiver will not break across hosts (not Mailman's runner)",
      log: "INFO archiver: opening full-text index /srv/hyperkitty/var/fulltext_index\nERROR lock /srv/hyperkitty/var/fulltext_index.lck: another host has acquired it (lock host: hyperkitty-5d7c9-abcde)\nWe can't test for stale locks across host boundaries; remove the lock file by hand.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a daemon reading its pid file back as a live PID and refusing to start (worded as a running server)',
      log: '2024-06-01T08:00:01Z fatal: Another syncthing instance is already running, PID 1\nexit status 1',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a goleveldb block store opened by a second replica on the same volume (EAGAIN, no lock word)',
      log: 'I[2024-03-02|10:11:12.000] Starting node module=main\npanic: failed to open blockstore db: resource temporarily unavailable',
      exitCode: 2,
      min: 0.8,
    },
    {
      name: 'a store whose own lock another process on the same volume holds (Xodus-style wording, another product)',
      log: 'Exception in thread "main" java.lang.IllegalStateException: cannot open index\nCaused by: org.example.store.StoreException: Could not acquire the database lock on /data/db',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a lock held by another process, named as such',
      log: 'FATAL: opening /var/lib/tsdb: lock is held by another process (pid 1 on host ingest-0)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'too many broken parts after a node crash (force restore data)',
      log: "<Error> Application: Code: 231. DB::Exception: Suspiciously many (12 parts, 300.00 MiB in total) broken parts to remove while maximum allowed broken parts count is 10. You can change the maximum value with merge tree setting 'max_suspicious_broken_parts' or use force restore data flag. (TOO_MANY_UNEXPECTED_DATA_PARTS)",
      exitCode: 231,
      min: 0.8,
    },
    {
      name: 'a single-instance bot whose pid file on the kept volume names a live pid (another wording)',
      log: 'Loading config from /data/bot.yml\nFATAL: There is already an instance of chatbot running (see /data/chatbot.pid)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an init step re-run on every boot over storage it already formatted (not Kafka)',
      log: '+ raft-tool init --dir /var/lib/raft\nError: storage directory /var/lib/raft is already formatted',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a KahaDB broker whose store lock is still held by the old pod on a shared volume (path named)',
      log: 'INFO | Using Persistence Adapter: KahaDBPersistenceAdapter[/opt/activemq/data/kahadb]\nWARN | Could not lock file /opt/activemq/data/kahadb/lock, retrying in 10 seconds',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an embedded database naming the file whose lock another process holds',
      log: 'Error: IO Error: Could not set lock on file "/var/lib/app/state.db": Conflicting lock is held in /usr/bin/app (PID 7)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Java embedded store failing the heartbeat of its lock file',
      log: 'Caused by: org.hsqldb.HsqlException: Database lock acquisition failure: lockFile: org.hsqldb.persist.LockFile@1a2b3c[file =/data/db/app.lck, exists=true, locked=false, valid=false, ]',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a fresh app install refusing to create its admin over files left by an earlier installation',
      log: 'Starting installation\nError while trying to create admin user: Failed to create user "root": Username is invalid because files already exist for this user\nInstallation failed!',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an OpenSearch node made cluster-manager-only over a volume that still holds index data',
      log: "[2024-06-04T12:03:46,689][ERROR][o.o.b.OpenSearchUncaughtExceptionHandler] uncaught exception in thread [main]\njava.lang.IllegalStateException: node does not have the data role but has shard data: [/usr/share/opensearch/data/nodes/0/indices/abc/0]. Use 'opensearch-node repurpose' tool to clean up",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a raft member back after a long outage refusing to rejoin and asking for a wipe',
      log: '2024-06-01T10:00:00Z [ERROR] agent: startup error: error="refusing to rejoin cluster because server has been offline for too long"\nhint: remove the data directory and rejoin the cluster as a new member',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Lotus repo whose lock the old pod still holds (Go fs lock)',
      log: '2024-05-02T10:00:01.000Z\tINFO\tmain\tlotus/daemon.go:218\tlotus repo: /var/lib/lotus\nERROR: opening fs repo: lock /var/lib/lotus/repo.lock: someone else has the lock',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Valkey cluster create over members that kept their nodes.conf',
      log: '>>> Performing hash slots allocation on 6 nodes...\n[ERR] Node valkey-cluster-0.valkey-cluster-headless:6379 is not empty. Either the node already knows other nodes (check with CLUSTER NODES) or contains some key in database 0.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a restic repository locked by a killed backup pod',
      log: 'unable to create lock in backend: repository is already locked by PID 41 on restic-backup-28611840-abcde by root (UID 0, GID 0)\nlock was created at 2024-06-05 01:00:41 (2h3m12s ago)\nstorage ID 8c2f1a0e',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Pulumi stack lock left by an evicted job',
      log: 'error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n  s3://pulumi-state/.pulumi/locks/organization/infra/prod/2c1f.json: created by root@pulumi-up-28611840-k2x9d (pid 12) at 2024-06-05T01:00:41Z',
      exitCode: 255,
      min: 0.8,
    },
    {
      name: 'borg waiting on the roster lock of another host',
      log: '+ borg create ::nightly /data\nFailed to create/acquire the lock /backup/borg/lock.roster (timeout).',
      exitCode: 2,
      min: 0.8,
    },
    {
      name: 'a Playwright Chrome profile on a shared volume',
      log: '[0611/102012.448921:ERROR:process_singleton_posix.cc(358)] Failed to create /data/profile/SingletonLock: File exists (17)\n[0611/102012.449310:ERROR:chrome_main_delegate.cc(601)] Failed to create a ProcessSingleton for your profile directory. This means that running multiple instances would start multiple browser processes rather than opening a new window in the existing process. Aborting now to avoid profile corruption.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Kafka KRaft broker given the volume of another node',
      log: "[2024-05-14 09:12:06,912] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)\njava.lang.RuntimeException: Configured node.id `2` doesn't match stored node.id `1` in meta.properties. If you moved your data, make sure your configured node.id matches. If you intend to create a new node, you should remove all data in your data directories.",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'borg init over a repository an earlier attempt created',
      log: '+ borg init --encryption=repokey /backup/borg\nA repository already exists at /backup/borg.',
      exitCode: 2,
      min: 0.7,
    },
    {
      name: 'a replacement Cassandra pod meets the old node data on the volume',
      log: 'ERROR [main] 2024-04-16 09:22:46,901 CassandraDaemon.java:911 - Exception encountered during startup\njava.lang.RuntimeException: A node with address /10.42.3.17:7000 already exists, cancelling join. Use cassandra.replace_address if you want to replace this node.',
      min: 0.8,
    },
    {
      name: "RabbitMQ's Mnesia from another node",
      log: ' ** FATAL ** Failed to merge schema: Bad cookie in table definition rabbit_runtime_parameters\nBOOT FAILED',
      min: 0.75,
    },
    {
      name: 'a stale celery beat pid file',
      log: "ERROR: Pidfile (celerybeat.pid) already exists.\nSeems we're already running? (pid: 1)",
      min: 0.75,
    },
    {
      name: 'Galera not safe to bootstrap',
      log: '2024-10-02 10:01:00 0 [ERROR] WSREP: It may not be safe to bootstrap the cluster from this node. It was not the last one to leave the cluster and may not contain all the updates.\n2024-10-02 10:01:00 0 [ERROR] Aborting',
      min: 0.8,
    },
    {
      name: 'a Lucene index locked by another Solr',
      log: "Caused by: org.apache.lucene.store.LockObtainFailedException: Index dir '/var/solr/data/products/data/index/' of core 'products' is already locked. The most likely cause is another Solr server",
      min: 0.8,
    },
    {
      name: 'a Redis Cluster nodes.conf used by another node',
      log: '1:M 01 Aug 2024 10:04:00.100 # Sorry, the cluster configuration file nodes.conf is already used by a different Redis Cluster node. Please make sure that different nodes use different cluster configuration files.',
      min: 0.85,
    },
    {
      name: 'Cassandra data saved under another cluster name',
      log: 'org.apache.cassandra.exceptions.ConfigurationException: Saved cluster name Test Cluster != configured name prod-cluster',
      exitCode: 3,
      min: 0.85,
    },
    {
      name: 'InfluxDB bolt lock held by the old pod',
      log: 'ts=2024-07-01T10:10:10.200Z lvl=error msg="Failed to open bolt database" log_id=0pQ error="timeout"\nError: timeout',
      min: 0.7,
    },
    {
      name: 'sqlite locked by another replica',
      log: 'logger=migrator t=2024-05-02T11:10:05.2Z level=error msg="Executing migration failed" id="add column is_service_account" error="database is locked"\nError: ✗ migration failed (id = add column is_service_account): database is locked',
      min: 0.8,
    },
    {
      name: 'a MinIO drive formatted by another deployment',
      log: 'Error: Drive http://minio-2.minio:9000/data is formatted with an unexpected deployment ID, expected 6d2c7a1e (*errors.errorString)\nERROR Unable to initialize backend: Found unexpected drive format on disk',
      min: 0.8,
    },
    {
      name: 'postgres initdb not empty',
      log: 'initdb: directory "/var/lib/postgresql/data" exists but is not empty\nIt contains a lost+found directory, perhaps due to it being a mount point.\nUsing a mount point directly as the data directory is not recommended.',
      min: 0.9,
    },
    {
      name: 'mysql initialize',
      log: '2024-01-01T00:00:00.000000Z 0 [ERROR] [MY-010457] [Server] --initialize specified but the data directory has files in it. Aborting.',
      min: 0.9,
    },
    {
      name: 'kafka cluster id',
      log: "ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)\nkafka.common.InconsistentClusterIdException: The Cluster ID m1Ze6AjGRwqarkcxJscgyQ doesn't match stored clusterId Some(1TGYcbFuRXa4Lqojs4B9Hw) in meta.properties.",
      min: 0.85,
    },
    {
      name: 'mongo lock',
      log: '{"t":{"$date":"2024-01-01T00:00:00Z"},"s":"E","c":"STORAGE","msg":"Failed to set up listener","attr":{"error":{"code":98,"codeName":"DBPathInUse","errmsg":"Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory"}}}',
      min: 0.85,
    },
    {
      name: 'innodb lock',
      log: '2024-01-01 0 [ERROR] InnoDB: Unable to lock ./ibdata1 error: 11\n2024-01-01 0 [Note] InnoDB: Check that you do not already have another mysqld process using the same InnoDB data or log files.',
      min: 0.85,
    },
    {
      name: 'kafka kraft dir not formatted',
      log: '[2025-01-01 10:00:00,000] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)\njava.lang.RuntimeException: No readable meta.properties files found.',
      min: 0.7,
    },
    {
      name: 'data directory already in use',
      log: 'java.lang.IllegalStateException: Nexus data directory already in use: /nexus-data',
      min: 0.65,
    },
    {
      name: 'generic could not acquire lock',
      log: 'level=error msg="failed to start" error="could not acquire lock on /var/lib/app/data: resource temporarily unavailable"',
      min: 0.65,
    },
    {
      name: 'cassandra system keyspace files',
      log: "org.apache.cassandra.exceptions.ConfigurationException: Found system keyspace files, but they couldn't be loaded!",
      min: 0.7,
    },
    {
      name: 'zookeeper data directory locked',
      log: 'java.io.IOException: Unable to lock the data directory /data/version-2; another ZooKeeper server may be using it',
      min: 0.65,
    },
    {
      name: 'clickhouse second instance on one directory',
      log: '2025.01.01 10:00:00.000000 [ 1 ] {} <Error> Application: DB::Exception: Cannot lock file /var/lib/clickhouse/status. Another server instance in same directory is already running.',
      min: 0.65,
    },
    {
      name: 'a LevelDB LOCK still held by the previous pod (geth)',
      log: 'INFO [07-09|12:00:01.442] Allocated cache and file handles database=/root/.ethereum/geth/chaindata\nFatal: Failed to register the Ethereum service: IO error: lock /root/.ethereum/geth/chaindata/LOCK: resource temporarily unavailable',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an H2 file opened by a second replica',
      log: 'org.h2.jdbc.JdbcSQLNonTransientConnectionException: Database may be already in use: "Locked by another process: /data/app.mv.db". Possible solutions: close all other connection(s); use the server mode [90020-214]',
      min: 0.85,
    },
    {
      name: 'Derby booted by another instance on the same volume',
      log: 'ERROR XSDB6: Another instance of Derby may have already booted the database /var/lib/app/derby.',
      min: 0.85,
    },
    {
      name: 'a Java FileLock held by the old pod',
      log: 'Exception in thread "main" java.nio.channels.OverlappingFileLockException\n\tat java.base/sun.nio.ch.FileLockTable.checkList(FileLockTable.java:229)',
      min: 0.85,
    },
    {
      name: "git's index.lock left by a killed sync",
      log: "fatal: Unable to create '/srv/content/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'. Please make sure all processes\nare terminated then try again. If it still fails, a git process\nmay have crashed in this repository earlier:\nremove the file manually to continue.",
      exitCode: 128,
      min: 0.75,
    },
    {
      name: "PostgreSQL's socket lock file left in a shared /tmp",
      log: 'FATAL:  lock file "/tmp/.s.PGSQL.5432.lock" already exists\nHINT:  Is another postmaster (PID 12) using socket file "/tmp/.s.PGSQL.5432"?',
      min: 0.75,
    },
    {
      name: "Gitea's code indexer waiting on its bolt lock",
      log: '2024/01/10 10:00:30 ...exer/code/indexer.go:170:func1() [F] [65a1-3] Unable to initialize Repository Indexer at path: /data/gitea/indexers/repos.bleve error: timeout',
      min: 0.75,
    },
    {
      name: 'ZooKeeper snapshot missing beside its transaction logs',
      log: '2024-01-01 00:00:00,000 [myid:2] - ERROR [main:QuorumPeer@1148] - Unable to load database on disk\njava.io.IOException: No snapshot found, but there are log entries. Something is broken!',
      min: 0.75,
    },
    {
      name: 'a PostgreSQL standby whose data belongs to another primary',
      log: "2024-05-02 10:00:01.120 UTC [31] FATAL:  database system identifier differs between the primary and standby\n2024-05-02 10:00:01.120 UTC [31] DETAIL:  The primary's identifier is 7358823941265231899, the standby's identifier is 7312004887120954135.",
      min: 0.85,
    },
    {
      name: 'an Elasticsearch node that joined another cluster before',
      log: '[2024-05-02T10:00:00,000][WARN ][o.e.c.c.Coordinator] [es-data-1] failed to validate incoming join request from node [{es-master-0}]\norg.elasticsearch.cluster.coordination.CoordinationStateRejectedException: join validation on cluster state with a different cluster uuid 2a4bTJqSRQ2 than local cluster uuid 9fXbLm1-T3e, rejecting',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Ceph OSD whose disk was prepared for another cluster',
      log: '2024-05-02T10:00:00.000+0000 7f1c ERROR osd.3 0 OSD::init: cluster fsid mismatch: expected 4b5c8c0a-ff60-454b-a1b4-9747aa737d19, found 1d2e3f40-aaaa-bbbb-cccc-0123456789ab',
      min: 0.85,
    },
    {
      name: "Apache's pid file from the previous container",
      log: 'httpd (pid 1) already running',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'gunicorn finding its own stale pid',
      log: "[2024-05-02 10:00:00 +0000] [1] [INFO] Starting gunicorn 21.2.0\nError: Already running on PID 1 (or pid file '/app/run/gunicorn.pid' is stale)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a RabbitMQ node whose Mnesia remembers peers of an old cluster',
      log: "2024-05-02 10:00:00.000 [error] <0.236.0> Node 'rabbit@rabbitmq-1.rabbitmq-headless' thinks it's clustered with node 'rabbit@rabbitmq-0.rabbitmq-headless', but 'rabbit@rabbitmq-0.rabbitmq-headless' disagrees\nBOOT FAILED",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a CockroachDB store from another cluster',
      log: 'F240502 10:00:00.000000 1 server/server.go:1203 ⋮ [n?] 1  node belongs to cluster "8b7c0a1e-2f3d-4e5f-9a0b-1c2d3e4f5a6b" but is attempting to connect to a gossip network for cluster "1d2e3f40-aaaa-bbbb-cccc-0123456789ab"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a second daemon on the same data directory',
      log: "[err] Another tor process is running with the same data directory.  Waiting 5 seconds to see if it goes away.\n[err] No, it's still there.  Exiting.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a bolt store on a shared volume whose open gives up with a bare timeout',
      log: 'time="2024-06-05T01:00:41Z" level=fatal msg="cannot start" error="open /var/lib/agent/meta.db: timeout"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an OpenTelemetry file_storage checkpoint still locked by the old DaemonSet pod',
      log: 'error\tgraph/graph.go:432\tFailed to start component\t{"error": "storage client: timeout", "type": "Receiver", "id": "filelog"}\nError: cannot start pipelines: storage client: timeout',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'rsyslog refusing a pid file left on the shared /run by the previous container, after a liveness kill',
      log: "rsyslogd: pidfile '/run/rsyslogd.pid' and pid 1 already exist.\nIf you want to run multiple instances of rsyslog, you need to specify different pid files for them (-i option).\nrsyslogd: run failed with error -3000 (see https://www.rsyslog.com/e/3000 for help)",
      exitCode: 1,
      events: [
        {
          type: 'Warning',
          reason: 'Unhealthy',
          message: 'Liveness probe failed: dial tcp 10.42.0.9:514: connect: connection refused',
          count: 3,
        },
      ],
      min: 0.8,
    },
    {
      name: 'a daemon whose pid file still exists from the last run',
      log: 'Error: PID file /var/run/avahi-daemon/pid exists, daemon already started? Exiting.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a KeyDB cluster node meeting a nodes.conf another node owns (not Redis)',
      log: '1:M 01 Mar 2025 10:00:00.000 # Sorry, the cluster configuration file nodes.conf is already used by a different KeyDB Cluster node.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a stale transaction-coordinator log that the server cannot initialise',
      log: "2024-06-01 10:00:00 0 [Note] Recovering after a crash using tc.log\n2024-06-01 10:00:00 0 [ERROR] Can't init tc log\n2024-06-01 10:00:00 0 [ERROR] Aborting",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Tendermint node panicking with the bare EAGAIN of its LevelDB flock (old pod still on the volume)',
      log: 'I[2023-11-02|09:14:00.001] Starting multiAppConn service module=proxy impl=multiAppConn\npanic: resource temporarily unavailable\n\ngoroutine 1 [running]:\ngithub.com/tendermint/tendermint/node.DefaultNewNode(...)',
      exitCode: 2,
      min: 0.6,
    },
    {
      name: "a Go daemon's flock on its pid lock answering EAGAIN",
      log: 'level=fatal msg="cannot start" error="flock /var/lib/agent/agent.lock: resource temporarily unavailable"',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "Python's non-blocking fcntl.flock on a lock another replica holds",
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 12, in <module>\n    fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\nBlockingIOError: [Errno 11] Resource temporarily unavailable',
      exitCode: 1,
      min: 0.55,
    },
    {
      name: 'a launcher that reads its pid file back and signals a zero-downtime restart to itself',
      log: 'Performing zero-downtime restart for the webapp server (pid 1).',
      exitCode: 0,
      min: 0.7,
    },
    {
      name: 'a server refusing to start because the stored data was created under another node name',
      log: 'FATAL: You cannot change the node name after it has been initialised; the data directory belongs to node-a',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Synapse on a database reused from an install with another server_name',
      log: ' Error during initialisation:\n     Found users in database not native to chat.example.net!\n There may be more information in the logs.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a .NET service whose LiteDB file on the volume is held open by the old pod (no MapDB wording)',
      log: "Unhandled exception. System.IO.IOException: The process cannot access the file '/data/orders.db' because it is being used by another process.\n   at Microsoft.Win32.SafeHandles.SafeFileHandle.Init(String path, FileMode mode)",
      exitCode: 134,
      min: 0.85,
    },
    {
      name: 'an embedded store that finds its file already open and locked (a second replica on the volume)',
      log: 'Error: failed to open cache\n\nCaused by:\n    Database already open. Cannot acquire lock.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a single-instance guard worded per config file (a pid file on the volume left by a drained node)',
      log: "Loading configuration from /home/bot/.errbot/config.py\nThere's already an Errbot instance running with this data directory.",
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a desktop-style daemon saying it already runs for this user in a fresh container (a lock left on the NFS config volume)',
      log: '[init] config volume mounted at /config\nSyncthing is already running for this user.',
      exitCode: 0,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a bare already-running message as the whole failure (its lock file survived on the volume)',
      log: 'Starting torrent daemon...\nDeluge is already running.',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: "a lock library's exception class ending a traceback (a second pod writing the shared index)",
      log: 'Traceback (most recent call last):\n  File "/app/reindex.py", line 40, in <module>\n    with lock.acquire(timeout=30):\nlockfile.LockTimeout: Timeout waiting to acquire lock for /srv/search/index.lock',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a locked-database error value naming the lock file (Rust Debug of an error enum)',
      log: 'starting ledger node\nError: DatabaseLocked("/var/lib/ledger/db/LOCK")',
      exitCode: 1,
      min: 0.8,
      max: 0.85,
    },
    {
      name: 'an installer refusing a non-empty directory (Ghost-CLI on a restored volume)',
      log: '+ ghost install local --dir /var/lib/ghost\nCurrent directory is not empty, Ghost cannot be installed here.',
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'an init that demands an empty directory and finds files without its index (a snapshot with a subfolder)',
      log: '[X] This directory seems to already have files in it, but no collection.db present.\n    You must run init in an empty directory, or an existing collection.',
      exitCode: 2,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'Cortex-style index client built on a bolt store that timed out (the old pod holds the file)',
      log: 'level=error ts=2024-03-19T12:01:49Z caller=log.go:230 msg="error initialising module: store" err="error creating index client: timeout"',
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
  ],
  negatives: [
    {
      name: "an asyncio event loop already running is the code's bug, not a lock on the volume",
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 9, in <module>\n    loop.run_until_complete(main())\nRuntimeError: This event loop is already running',
      exitCode: 1,
    },
    {
      name: 'a scheduler started twice in the app is not another copy on the volume',
      log: 'apscheduler.schedulers.SchedulerAlreadyRunningError: Scheduler is already running',
      exitCode: 1,
    },
    {
      name: 'a distributed Redis lock released twice is not a store on the volume',
      log: 'Traceback (most recent call last):\n  File "/app/jobs.py", line 22, in run\n    lock.release()\nredis.exceptions.LockError: Cannot release an unlocked lock',
      exitCode: 1,
    },
    {
      name: 'a locked account error value names no lock file',
      log: 'Error: AccountLocked("alice")',
      exitCode: 1,
    },
    {
      name: 'a cleanup step failing on a non-empty cache folder is no init refusal',
      log: "rmdir: failed to remove '/data/cache': Directory not empty\nfolder has files in it, but not removing it: /data/cache",
      exitCode: 1,
    },
    {
      name: 'an index client that timed out dialling its remote store is the network',
      log: 'level=error msg="error initialising module: store" err="error creating index client: dial tcp 10.0.4.7:9042: i/o timeout"',
      exitCode: 1,
    },
    {
      name: 'an MQTT client whose client id another client is already using is a connection, not a store',
      log: 'ERROR mqtt: connection refused: Another MQTT client is already using this client id (sensor-7), disconnecting',
      exitCode: 1,
    },
    {
      name: 'supervisord finding its HTTP port taken by another program is a port, not a library',
      log: 'Error: Another program is already listening on a port that one of our HTTP servers is configured to use.  Shut this program down first before starting supervisord.',
      exitCode: 2,
    },
    {
      name: 'a start script re-creating a symlink that exists is a script step, not the data file',
      log: "Traceback (most recent call last):\n  File \"/app/entry.py\", line 5, in <module>\n    os.symlink('/data/static', '/app/static')\nFileExistsError: [Errno 17] File exists: '/data/static' -> '/app/static'",
      exitCode: 1,
    },
    {
      name: 'a leader lock held by another instance is an election, not the volume',
      log: 'INFO leaderelection: lock kube-system/ctrl is held by another instance, waiting to become leader',
      exitCode: 143,
    },
    {
      name: 'a configuration that does not match its schema is a bad config, not stored state',
      log: "error Configuration does not match the schema: unknown key 'advanced.pan_idx'\nerror startup failed",
      exitCode: 1,
    },
    {
      name: 'a user account that cannot be locked by an admin API is not a data directory',
      log: 'ERROR admin-api: account cannot be locked: user is a member of the owners group\nTraceback (most recent call last):\nValueError: refusing to lock owner',
      exitCode: 1,
    },
    {
      name: 'single-node discovery refused next to initial master nodes is a config error, not the volume',
      log: 'java.lang.IllegalArgumentException: setting [cluster.initial_master_nodes] is not allowed when [discovery.type] is set to [single-node]',
      exitCode: 1,
    },
    {
      name: 'a lock on a package lockfile refused by a read-only filesystem is not another holder',
      log: 'Error: Unable to acquire lock on /app/yarn.lock: Read-only file system',
      exitCode: 1,
    },
    {
      name: 'an empty plugins folder noted at start-up is not half of the server state lost',
      log: 'INFO plugins directory /opt/app/plugins is empty, nothing to load\nERROR listen tcp :8080: bind: address already in use',
      exitCode: 1,
    },
    {
      name: 'a mutex lock that failed with EAGAIN is a thread limit, not a file lock on the volume',
      log: 'terminate called after throwing an instance of std::system_error\n  what():  mutex lock failed: Resource temporarily unavailable',
      exitCode: 134,
    },
    {
      name: 'a shared-store backup that waited for the primary lock and then obtained it is a normal hand-over',
      log: 'INFO AMQ221034: Waiting indefinitely to obtain primary lock\nINFO AMQ221035: Primary Server Obtained primary lock\nERROR AMQ222010: Critical IO Error, shutting down the server. file=journal, message=Input/output error',
      exitCode: 1,
    },
    {
      name: 'a migration tool waiting for its database migration lock is a migration, not the volume',
      log: 'INFO Waiting to acquire the database lock... Liquibase changelog lock held by 10.0.0.4',
      exitCode: 1,
    },
    {
      name: 'a drive rejected for its ordering hint in a help text is not evidence',
      log: 'usage: storectl drives [--order] list drives of the set in the expected order',
      exitCode: 2,
    },
    {
      name: 'a cleanup step that cannot remove a folder still holding files is not a refused data directory',
      log: '+ rm -r /tmp/build\nError: cannot remove data directory /tmp/build: data directory /tmp/build is not empty',
      exitCode: 1,
    },
    {
      name: 'another replica holding the leader lease while this one waits is leader election, not the volume',
      log: 'level=info msg="another instance is syncing as leader, waiting for the lease"',
      exitCode: 1,
    },
    {
      name: 'the same bare BlockingIOError under a multiprocessing fork is the process limit, not a lock',
      log: 'Traceback (most recent call last):\n  File "/app/ingest.py", line 88, in <module>\n    pool = multiprocessing.Pool(processes=32)\n  File "/usr/local/lib/python3.11/multiprocessing/popen_fork.py", line 66, in _launch\n    self.pid = os.fork()\nBlockingIOError: [Errno 11] Resource temporarily unavailable',
      exitCode: 1,
    },
    {
      name: 'an Erlang node name error in the distribution settings, not stale data (no mismatch with stored data)',
      log: 'Protocol \'inet_tcp\': invalid node name: app@\n{error_logger,{{2024,5,2},{10,1,3}},"Protocol: ~tp: the name app@ seems to be in use by another Erlang node"}',
      exitCode: 1,
    },
    {
      name: 'a package manager lock file that could not be acquired because the disk is full',
      log: "filelock._error.Timeout: The file lock '/root/.cache/pip/x.lock' could not be acquired. OSError: [Errno 28] No space left on device",
      exitCode: 1,
    },
    {
      name: 'removing a directory that still has files (ENOTEMPTY on cleanup) is not a first-run conflict',
      log: "rm: cannot remove '/tmp/build': Directory not empty",
      exitCode: 1,
    },
    {
      name: 'advice to delete a pid file on stop, with nothing already running, is not a conflict',
      log: 'Stopping service... done. You may delete /var/run/app.pid once the process exits.',
      exitCode: 1,
    },
    {
      name: 'a dev server whose port is already in use by another process (a port conflict, not the data directory)',
      log: 'Error: Port 3000 is already in use by another process\n    at Server.listen (node:net:1872:21)',
      exitCode: 1,
    },
    {
      name: "a package manager that couldn't lock its own lockfile (yarn.lock names dependencies, not a data store)",
      log: 'yarn install v1.22.19\nerror An unexpected error occurred: "Couldn\'t lock yarn.lock".',
      exitCode: 1,
    },
    {
      name: 'an etcd member list printed by etcdctl (member words, no validation failure)',
      log: 'etcdctl member list: 8e9e05c52164694d, started, etcd-0, http://etcd-0:2380, http://etcd-0:2379, false\nError: context deadline exceeded',
      exitCode: 1,
    },
    {
      name: 'a Netty TCP bind in use whose class lives in the channel.unix package (a port, not a socket file)',
      log: 'Caused by: io.netty.channel.unix.Errors$NativeIoException: bind(..) failed: Address already in use',
      exitCode: 1,
    },
    {
      name: 'a table row lock a query could not get (a database lock, not a volume lock)',
      log: "ERROR: Couldn't acquire exclusive lock on row 42 of table orders: lock timeout",
      exitCode: 1,
    },
    {
      name: 'a user told they cannot change a password after an administrator set it (not stored server identity)',
      log: 'ERROR: You cannot change the password after it has been set by an administrator',
      exitCode: 1,
    },
    {
      name: 'a subprocess that could not be spawned (EAGAIN naming the program, not a file on the volume)',
      log: 'File "/usr/local/lib/python3.12/subprocess.py", line 1955, in _execute_child\n    raise child_exception_type(errno_num, err_msg, err_filename)\nOSError: [Errno 11] Resource temporarily unavailable: \'ffmpeg\'',
      exitCode: 1,
    },
    {
      name: 'a distributed job lock taken by another worker host is normal scheduling, not the volume',
      log: 'WARN scheduler: Redis distributed lock could not be acquired for job sync-42; another host has acquired it, skipping this run',
      exitCode: 1,
    },
    {
      name: 'a deployment tool announcing a hot deployment of an application, not of a server pid',
      log: 'Starting hot deployment of application orders.war\nERROR deployment failed: missing web.xml',
      exitCode: 1,
    },
    {
      name: 'a Go runtime that cannot create an OS thread panics with the errno too, but names newosproc',
      log: 'runtime: failed to create new OS thread (have 12 already; errno=11)\nruntime: may need to increase max user processes (ulimit -u)\nfatal error: newosproc',
      exitCode: 2,
    },
    {
      name: 'fork/exec of a helper answering EAGAIN is the process limit, not a lock',
      log: 'Error: fork/exec /usr/bin/git: resource temporarily unavailable',
      exitCode: 1,
    },
    {
      name: 'EAGAIN from a full unix-socket backlog while opening a database connection is not a file lock',
      log: 'Error: failed to open database: dial unix /var/run/postgresql/.s.PGSQL.5432: connect: resource temporarily unavailable',
      exitCode: 1,
    },
    {
      name: 'EAGAIN creating a thread while loading an index is a process limit, not a lock',
      log: 'loading index /data/idx\nruntime/cgo: pthread_create failed: Resource temporarily unavailable',
      exitCode: 2,
    },
    {
      name: 'a code mutex that timed out is not the data directory',
      log: 'Error: could not acquire the database lock mutex within 5s\n    at Pool.acquire (/app/node_modules/pool/index.js:44:11)',
      exitCode: 1,
    },
    {
      name: 'a single broken part the server detached and went on',
      log: '<Error> analytics.events: Detaching broken part /var/lib/clickhouse/store/a3f/x/202501_1_2_1. You need to resolve this manually\n<Information> Application: Ready for connections.',
      exitCode: 0,
    },
    {
      name: 'a crash recovery from tc.log that succeeded is not a conflict',
      log: '2024-06-01 10:00:00 0 [Note] Recovering after a crash using tc.log\n2024-06-01 10:00:01 0 [Note] Crash recovery finished.\n2024-06-01 10:00:02 0 [Note] mariadbd: ready for connections.',
    },
    {
      name: 'a start script that notices the storage is formatted and skips the step is not a conflict',
      log: 'Log directory /var/lib/kafka/data is already formatted, skipping format\nKafka Server started',
      exitCode: 1,
    },
    {
      name: 'an instance already running on a port is a port clash, not a stale pid file',
      log: 'Error: an instance is already running on port 8080',
      exitCode: 1,
    },
    {
      name: 'a lock on a database table (not a file on the volume) is not the data directory',
      log: 'ERROR: could not lock table orders: lock timeout exceeded\nFATAL: migration aborted',
      exitCode: 1,
    },
    {
      name: 'a lock file that could not be taken for lack of permissions is not a conflict',
      log: 'Error locking file /data/app.lock: Permission denied',
      exitCode: 1,
    },
    {
      name: 'a node listing its roles at start is not a role conflict',
      log: '[2024-06-04T12:03:46,689][INFO ][o.e.n.Node] node name [es-master-0], node ID [abc], cluster name [logs], roles [master]\n[INFO ][o.e.n.Node] started',
    },
    {
      name: 'a client that refuses to rejoin a chat room is not a data directory',
      log: 'WARN bot: will not rejoin channel #ops after kick\nError: connection closed by server',
      exitCode: 1,
    },
    {
      name: 'a lock taken by someone else in an app mutex is not the volume (a held distributed lock)',
      log: 'level=error msg="leader election: lease held by someone else, standing by"',
      exitCode: 1,
    },
    {
      name: 'a cache node that is not empty is a normal startup report',
      log: 'level=info msg="warm cache: node cache-0 has 1200 keys, skipping preload"',
      exitCode: 1,
    },
    {
      name: 'a daemon removing the pid file of its previous run and starting',
      log: 'Removing stale PID file /run/dbus/pid exists from previous boot\ndbus-daemon[7]: [system] Successfully activated service',
    },
    {
      name: 'a pid file that does not exist is nothing to refuse',
      log: 'WARN: pid file /run/app.pid does not exist, nothing to stop',
    },
    {
      name: 'a database connection that timed out is the network, not a file lock',
      log: 'level=fatal msg="failed to open database: connect: timeout" host=postgres.db.svc',
      exitCode: 1,
    },
    {
      name: 'a store that timed out after waiting names a duration, not the bolt lock',
      log: 'Error: failed to open state store: timeout after 30s waiting for replicas',
      exitCode: 1,
    },
    {
      name: 'an Erlang distribution cookie mismatch is a credential',
      log: '2024-05-14 09:12:02 [error] Connection attempt from node rabbit@rabbitmq-1 rejected. Invalid challenge reply. Cookie mismatch between nodes: check the Erlang cookie',
      exitCode: 1,
    },
    {
      name: 'a state lock that failed on a full disk',
      log: 'Error: Failed to acquire the lock on /var/lib/app/state: No space left on device',
      exitCode: 1,
    },
    {
      name: 'an HTTP API conflict for a site that exists',
      log: 'POST /api/sites returned 409 Conflict: Site shop.example.com already exists',
      exitCode: 1,
    },
    {
      name: 'a node leaving the ring on purpose is not a crash cause',
      log: 'INFO  [RMI TCP Connection(4)] StorageService.java:1820 - DECOMMISSIONING\nINFO  [RMI TCP Connection(4)] StorageService.java:1830 - Announcing that I have left the ring for 30000ms',
    },
    {
      name: 'a TSDB lock that failed because the volume is not writable',
      log: 'ts=2024-05-02T10:00:00.000Z caller=main.go:1166 level=error err="opening storage failed: lock DB directory: open /prometheus/lock: permission denied"',
      exitCode: 1,
    },
    {
      name: 'a standby replica waiting for the leader',
      log: 'INFO another instance is running as leader, standing by\nINFO attempting to acquire leader lease kube-system/controller...',
    },
    {
      name: 'a cluster id printed at start is not a conflict',
      log: 'INFO Cluster ID: m1Ze6AjGRwqarkcxJscgyQ (loaded from meta.properties)\nINFO [KafkaServer id=1] started',
    },
    {
      name: 'a worker that reports its own PID at start',
      log: '[2024-05-02 10:00:00,000: INFO/MainProcess] worker started with pid 7\n[2024-05-02 10:00:01,000: INFO/MainProcess] celery@worker-1 ready.',
    },
    {
      name: 'a cluster that differs by design in a federation note',
      log: 'INFO federation: remote cluster "eu-west" has a different version, using compatibility mode',
    },
    {
      name: 'a web stream locked to a reader is a code bug',
      log: 'TypeError: ReadableStream is already locked\n    at ReadableStream.getReader (node:internal/webstreams/readablestream:353:13)',
    },
    {
      name: 'an entrypoint removing a stale X lock before it starts',
      log: '[entrypoint] Removing stale lock file /tmp/.X99-lock\n[entrypoint] starting Xvfb on :99',
    },
    {
      name: 'a package-manager lockfile is not a process lock',
      log: 'error Your lockfile needs to be updated. Remove the yarn.lock and run `yarn install` again.',
    },
    {
      name: 'a search that timed out is not a lock',
      log: 'WARN bleve search on issues.bleve took 31s: search timeout exceeded',
    },
    {
      name: 'a bolt file the user cannot open is a permission problem',
      log: 'Error initializing storage of type raft: failed to create fsm: failed to open bolt file: open /vault/data/vault.db: permission denied',
    },
    {
      name: 'postgres lock file that cannot be written for space',
      log: 'FATAL:  could not write lock file "postmaster.pid": No space left on device',
    },
    {
      name: 'initdb succeeded',
      log: 'The files belonging to this database system will be owned by user "postgres".\nSuccess. You can now start the database server',
    },
    {
      name: 'kafka reading meta.properties normally',
      log: '[2025-01-01 10:00:00,000] INFO Loaded meta.properties from /var/lib/kafka/data (kafka.server.KafkaRaftServer)',
    },
    {
      name: 'liquibase changelog lock is a migration issue',
      log: 'liquibase.exception.LockException: Could not acquire change log lock.  Currently locked by pod-1',
    },
    {
      name: 'a lock taken and released normally',
      log: 'INFO acquired lock on /data/version-2\nINFO serving on :2181',
    },
    {
      name: "npm unable to lock the project's own package-lock.json is an install step, not a data directory",
      log: 'npm ERR! code ELOCKVERIFY\nnpm ERR! could not lock /app/package-lock.json',
      exitCode: 1,
    },
    {
      name: 'a tool failing to acquire a lock on its Cargo.lock during a build step is not a data directory',
      log: 'error: failed to acquire lock /build/Cargo.lock: another cargo build holds it',
      exitCode: 101,
    },
    {
      name: 'a record opened and locked for editing by a user is not a store file on the volume',
      log: 'ERROR editor: record 42 is already opened and locked by alice, refusing to save',
      exitCode: 1,
    },
  ],
});

describe('data-dir-conflict: names the data directory', () => {
  const listing = (log: string) =>
    dataDirConflict.match(contextFor({ name: 'x', log, exitCode: 1 }))?.nextSteps.find((s) => s.includes('ls -la'));

  test('the directory from the log replaces the placeholder', () => {
    assert.ok(
      listing('initdb: error: directory "/var/lib/postgresql/data" exists but is not empty')?.endsWith(
        'ls -la /var/lib/postgresql/data',
      ),
    );
    assert.ok(
      listing(
        "kafka.common.InconsistentClusterIdException: The Cluster ID abc doesn't match stored clusterId Some(def) in meta.properties. Invalid cluster.id in: /var/lib/kafka/data/meta.properties",
      )?.endsWith('ls -la /var/lib/kafka/data'),
    );
  });

  test('the placeholder stays when no directory is named', () => {
    assert.ok(
      listing('[ERROR] --initialize specified but the data directory has files in it. Aborting.')?.endsWith(
        'ls -la <data-dir>',
      ),
    );
  });
});
