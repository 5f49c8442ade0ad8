import { diskFull } from '../../../src/diagnosis/rules/disk-full.ts';
import { ruleTable } from './helpers.ts';

ruleTable(diskFull, 'disk_full', {
  positives: [
    {
      name: 'an installer that checks free space before it writes and names both numbers',
      log: 'INFO setup: unpacking model bundle to /models\nERROR setup: free disk space is 1.2 GB, but 4.5 GB is required to unpack the bundle',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a downloader that says there is not enough disk space before it starts',
      log: 'Traceback (most recent call last):\n  File "/app/fetch.py", line 12, in <module>\n    fetch_all(dest)\nOSError: Not enough disk space. Needed: 8.20 GiB, available: 3.10 GiB',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a storage server above its configured disk-usage threshold',
      log: 'WARN storage: disk usage exceeds the configured threshold (97.1% > 95%) on /var/lib/data, refusing writes\nERROR storage: no writable data directory left, shutting down',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "BookKeeper's disk checker over its threshold",
      log: 'WARN  org.apache.bookkeeper.util.DiskChecker - Space left on device /bk/journal : 1048576, Used space fraction: 0.991 > threshold 0.95.\nERROR org.apache.bookkeeper.bookie.BookieImpl - Journal directory is full',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'SQL Server cannot allocate space for a table because its filegroup (the volume) is full',
      log: "Error: 1105, Severity: 17, State: 2.\nCould not allocate space for object 'dbo.Orders'.'PK_Orders' in database 'shop' because the 'PRIMARY' filegroup is full. Create disk space by deleting unneeded files.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a compaction cannot reserve room on the data volume',
      log: 'ERROR compaction: failed to reserve 512 MiB for segment 000412: not enough free disk space on /var/lib/tsdb',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "PyTorch's zip writer closing an archive that came out short",
      log: 'Traceback (most recent call last):\n  File "/opt/conda/lib/python3.11/site-packages/torch/serialization.py", line 475, in __exit__\n    self.file_like.write_end_of_file()\nRuntimeError: [enforce fail at inline_container.cc:603] . unexpected pos 734003200 vs 734003088',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "a dump tool's bare errno 28 on write",
      log: 'pg_dumpall: dumping database "shop"\nmysqldump: Error 3 (OS errno 28 - No space left on device) while writing /backup/orders.sql\nbackup: dump failed',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'a device reported full by the writer',
      log: 'tar: /backup/db-2024-06-02.tar: Wrote only 4096 of 10240 bytes\ntar: Error writing to archive: device is full',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'a server that stops itself when free space is critically low',
      log: '2024-06-02T04:10:00Z WARN storage: free disk space is 6%, below the 10% warning threshold\n2024-06-02T04:15:00Z WARN storage: free disk space is critically low (2%), shutting down to protect data',
      exitCode: 0,
      reason: 'Completed',
      min: 0.75,
    },
    {
      name: 'a write that failed because the filesystem is full',
      log: 'ERROR: could not save snapshot /var/lib/app/snapshots/000042.snap: write failed, filesystem is full',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "RabbitMQ's disk alarm",
      log: '2024-09-01 10:07:00.100 [warning] <0.400.0> Free disk space is insufficient. Free bytes: 41943040. Limit: 50000000\n2024-09-01 10:07:00.101 [warning] <0.400.0> disk resource limit alarm set on node rabbit@rabbitmq-0.',
      min: 0.35,
      best: false,
    },
    {
      name: "steamcmd's 0x202 state",
      log: "Update state (0x61) downloading, progress: 57.12 (19543212032 / 34215443210)\nError! App '730' state is 0x202 after update job.",
      min: 0.8,
    },
    {
      name: 'postgres cannot write its WAL',
      log: '2024-05-02 10:01:12.001 UTC [1] LOG:  starting PostgreSQL 16.2\n2024-05-02 10:01:12.310 UTC [27] PANIC:  could not write to file "pg_wal/xlogtemp.27": No space left on device\n2024-05-02 10:01:12.400 UTC [1] LOG:  startup process (PID 27) was terminated by signal 6: Aborted',
      min: 0.9,
    },
    {
      name: 'node ENOSPC on write',
      log: "Error: ENOSPC: no space left on device, write\n    at Object.writeSync (node:fs:927:3)\n    at /app/src/cache.js:44:8 {\n  errno: -28,\n  code: 'ENOSPC',\n  syscall: 'write'\n}",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'python OSError errno 28',
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 88, in <module>\n    fh.write(chunk)\nOSError: [Errno 28] No space left on device',
      min: 0.85,
    },
    {
      name: 'elasticsearch flood stage watermark',
      log: '[2024-03-01T10:00:00,000][WARN ][o.e.c.r.a.DiskThresholdMonitor] [es-0] flood stage disk watermark [95%] exceeded on [es-0][/usr/share/elasticsearch/data] free: 1.1gb[4.2%], all indices on this node will be marked read-only\n[2024-03-01T10:00:05,000][ERROR][o.e.b.ElasticsearchUncaughtExceptionHandler] flood stage watermark exceeded, index blocked',
      min: 0.7,
    },
    {
      name: 'mysql disk quota (JSON docker wrapper)',
      log: '{"log":"2024-01-01T00:00:00.000000Z 0 [ERROR] [MY-012639] [InnoDB] Write to file ./ibtmp1 failed at offset 0, 1048576 bytes should have been written, only 0 were written. Operating system error number 122: Disk quota exceeded\\n","stream":"stderr"}',
      min: 0.8,
    },
    {
      name: "SQLite's SQLITE_FULL",
      log: 'Traceback (most recent call last):\n  File "/app/ingest.py", line 57, in flush\n    conn.commit()\nsqlite3.OperationalError: database or disk is full',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "MySQL's bare error code 28",
      log: "2024-02-01T10:00:00.000000Z 12 [ERROR] [MY-000035] [Server] Error writing file '/var/lib/mysql/binlog.000042' (errno: 28 - No space left on device) (Errcode: 28)",
      min: 0.85,
    },
    {
      name: 'a short write in PHP',
      log: '   ErrorException\n\n  file_put_contents(/var/www/storage/framework/views/8f1c.php): Failed to open stream: Only 0 of 5120 bytes written\n\n  at vendor/laravel/framework/src/Illuminate/Filesystem/Filesystem.php:204',
      exitCode: 1,
      min: 0.7,
      max: 0.8,
    },
    {
      name: 'minio drive below its free threshold',
      log: 'Error: Storage reached its minimum free drive threshold. (*errors.errorString)\nError: drive path full (cmd.StorageFull)',
      min: 0.8,
    },
    {
      name: "a Zig program's write answered error.NoSpaceLeft (no errno words)",
      log: 'info(segment): flushing segment 412 (16777216 bytes)\nerror: NoSpaceLeft\n/opt/app/src/segment.zig:88:13: 0x10d2f4 in flush (app)\n            return error.NoSpaceLeft;',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Rust WAL writer whose error keeps only io::ErrorKind::StorageFull',
      log: 'thread \'main\' panicked at src/wal.rs:77:14:\nfailed to append WAL record: Custom { kind: StorageFull, error: "segment preallocation failed" }\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
      exitCode: 101,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: "PostgreSQL's semaphore sets over the node's SEMMNI (ENOSPC from semget) are not a full disk",
      log: 'FATAL:  could not create semaphores: No space left on device\nDETAIL:  Failed system call was semget(5432129, 17, 03600).',
      exitCode: 1,
    },
    {
      name: 'free space in a memory buffer that is below what is required is not a full disk',
      log: 'FATAL ring: free space of 512 bytes, but 4096 bytes is required in the shared buffer; aborting',
      exitCode: 1,
    },
    {
      name: 'a CPU usage above its threshold is not a full disk',
      log: 'WARN autoscaler: cpu usage above the threshold for 5m\nERROR autoscaler: failed to reach metrics API: connection refused',
      exitCode: 1,
    },
    {
      name: 'ledger directories refused for a permission error are not a full disk',
      log: 'ERROR LedgerDirsManager - All ledger directories are non writable: /bk/ledgers: Permission denied',
      exitCode: 1,
    },
    {
      name: 'the Windows/Solaris ENOMEM text "Not enough space" for a memory allocation is not a full disk',
      log: 'fatal: cannot allocate 268435456 bytes for the read buffer: Not enough space (ENOMEM)',
      exitCode: 1,
    },
    {
      name: 'a checkpoint write refused for permissions is not a full disk',
      log: 'ERROR trainer: checkpoint write failed: [Errno 13] Permission denied: /checkpoints/epoch_003.pt',
      exitCode: 1,
    },
    {
      name: 'ENOSPC from unshare of a user namespace is a kernel limit, not a full disk',
      log: 'unshare: unshare failed: No space left on device',
      exitCode: 1,
    },
    {
      name: 'a session keyring quota reads as disk quota but is the kernel key limit',
      log: 'Error: failed to create containerd task: OCI runtime create failed: runc create failed: unable to start container process: unable to join session keyring: unable to create session key: disk quota exceeded: unknown',
      exitCode: 128,
    },
    {
      name: 'a full queue or buffer is not a full disk',
      log: 'WARN event buffer is full, dropping 120 events\nINFO flushed buffer, 0 events pending',
    },
    {
      name: 'a full /dev/shm is not a full volume',
      log: 'ERROR:  could not resize shared memory segment "/PostgreSQL.1" to 16777216 bytes: No space left on device',
    },
    {
      name: 'inotify watcher limit is a kernel limit, not a full disk',
      log: "Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src'\n    at FSWatcher.<computed> (node:internal/fs/watchers:247:19)",
    },
    {
      name: 'running out of memory is not running out of disk',
      log: 'fatal: Out of memory, malloc failed (tried to allocate 536870912 bytes)\nfatal: index-pack failed',
      exitCode: 128,
    },
    { name: 'a disk usage report', log: 'INFO disk usage 42% of 20Gi, 11Gi free\nINFO ready to accept connections' },
    {
      name: 'help text',
      log: '  --max-disk-usage   stop writing when the disk is full (default 95%)\nListening on :8080',
    },
    {
      name: 'a drive path listing',
      log: 'Formatting 1st pool, 1 set(s), 4 drives per set.\nStatus: 4 Online, 0 Offline.',
    },
    {
      name: "a Haskell dev server's addWatch answered ENOSPC is the inotify limit, not the disk",
      log: 'Watching /app for changes\nRunDevServer: /app/Web/View/Users: addWatch: resource exhausted (No space left on device)',
      exitCode: 1,
      best: 'host_kernel_limit',
    },
    {
      name: 'a Zig watcher whose inotify watch fails with NoSpaceLeft is the watch limit',
      log: 'info: watching /srv/site via inotify\nerror: NoSpaceLeft',
      exitCode: 1,
    },
  ],
});
