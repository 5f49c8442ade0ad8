import { readOnlyFilesystem } from '../../../src/diagnosis/rules/read-only-filesystem.ts';
import { ruleTable } from './helpers.ts';

ruleTable(readOnlyFilesystem, 'read_only_filesystem', {
  positives: [
    {
      name: 'a Node app whose bundled SQLite file cannot be written is a likely read-only root (a toss-up reading)',
      log: 'QueryFailedError: SQLITE_READONLY: attempt to write a readonly database\n    at Statement.handler (/app/node_modules/typeorm/driver/sqlite/SqliteQueryRunner.js:113:26)',
      exitCode: 1,
      min: 0.6,
      max: 0.7,
      // A root-owned volume says the same, so the ownership reading stays just ahead and this one is next.
      best: 'permission_denied',
    },
    {
      name: "umap's numba-compiled layouts find no writable cache location",
      log: 'Traceback (most recent call last):\n  File "/app/embed.py", line 4, in <module>\n    import umap\n  File "/usr/local/lib/python3.10/site-packages/numba/core/caching.py", line 337, in __init__\n    raise RuntimeError("cannot cache function %r: no locator available "\nRuntimeError: cannot cache function \'rdist\': no locator available for file \'/usr/local/lib/python3.10/site-packages/umap/layouts.py\'',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: "the .NET host's generic CoreCLR start-up failure",
      log: 'Failed to create CoreCLR, HRESULT: 0x80004005',
      exitCode: 137,
      reason: 'Error',
      min: 0.6,
      max: 0.8,
    },
    {
      name: 'a start script that finds /tmp not writable (only a read-only root does that)',
      log: '+ exec /opt/app/bin/start\nERROR: /tmp is not writable; set TMPDIR to a writable directory\n',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a directory of the image not writable, with no errno: likely, not certain',
      log: '[init] rendering templates\n[ERROR] Path /opt/app/config is not writable by the current user, aborting',
      exitCode: 1,
      min: 0.6,
      max: 0.7,
    },
    {
      name: "RabbitMQ's erofs atom",
      log: '2024-07-01 11:15:00.100 [error] <0.228.0> Could not write to the enabled plugins file /etc/rabbitmq/enabled_plugins: {error,erofs}\nBOOT FAILED',
      min: 0.85,
    },
    {
      name: 'nginx cannot create its temp dir',
      log: '2024/01/01 10:00:00 [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)\nnginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
      exitCode: 1,
      min: 0.9,
    },
    {
      name: 'python OSError errno 30',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 12, in <module>\n    os.makedirs("/app/.cache")\nOSError: [Errno 30] Read-only file system: \'/app/.cache\'',
      min: 0.9,
    },
    {
      name: 'node EROFS',
      log: "Error: EROFS: read-only file system, open '/usr/src/app/logs/app.log'\n    at Object.openSync (node:fs:596:3)",
      min: 0.9,
    },
    {
      name: 'java FileSystemException',
      log: 'Exception in thread "main" java.nio.file.FileSystemException: /opt/app/tmp/lock: Read-only file system\n\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:100)',
      min: 0.9,
    },
    {
      name: 'go mkdir',
      log: 'level=fatal msg="failed to create data dir" error="mkdir /data/wal: read-only file system"',
      min: 0.9,
    },
    {
      name: 'a self-extracting .NET app finds no writable place to unpack its native libraries',
      log: 'Failure processing application bundle.\nFailed to determine location for extracting embedded files.\nA fatal error was encountered. Could not extract contents of the bundle',
      exitCode: 159,
      min: 0.86,
    },
    {
      name: 'a onefile binary that cannot create its extraction directory',
      log: '[PYI-12:ERROR] Could not create temporary directory for extraction!\n',
      exitCode: 255,
      min: 0.86,
    },
    {
      name: 'kubelet cannot create a subPath on an immutable node root (only a Failed event tells)',
      log: '',
      exitCode: null,
      events: [
        {
          type: 'Warning',
          reason: 'Failed',
          message:
            'Error: failed to prepare subPath for volumeMount "plugins" of container "agent": mkdir /opt/cni/plugins: read-only file system',
          count: 4,
          container: 'agent',
        },
      ],
      min: 0.85,
    },
    {
      name: 'an Elixir release whose file write fails with the errno atom erofs',
      log: '** (File.Error) could not write to file "/app/tmp/cache/manifest.json": erofs\n    (elixir 1.16.2) lib/file.ex:1112: File.write!/3',
      exitCode: 1,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'SQLite refusing a write with the errno of a permission problem is ownership, not a read-only root',
      log: 'Error: SQLITE_READONLY: attempt to write a readonly database (os error: Permission denied)',
      exitCode: 1,
    },
    {
      name: 'Matplotlib falling back to a temporary cache directory is a notice, not the failure',
      log: "Matplotlib created a temporary cache directory at /tmp/matplotlib-k2x9 because the default path (/home/app/.config/matplotlib) is not a writable directory; it is highly recommended to set the MPLCONFIGDIR environment variable\nTraceback (most recent call last):\nKeyError: 'REPORT_BUCKET'",
      exitCode: 1,
    },
    {
      name: 'CoreCLR out of memory at start is not a read-only /tmp',
      log: 'GC heap initialization failed with error 0x8007000E\nFailed to create CoreCLR, HRESULT: 0x8007000E',
      exitCode: 137,
      reason: 'OOMKilled',
    },
    {
      name: 'a data directory on a volume that is not writable is ownership (permission_denied)',
      log: '[2024-03-01T10:00:00,000][ERROR][o.o.b.OpenSearchUncaughtExceptionHandler] /usr/share/opensearch/data is not writable',
    },
    {
      name: 'a write check that names the errno it got',
      log: 'ERROR: cannot write to /tmp/uploads: Permission denied',
    },
    {
      name: 'mount info that mentions read-only',
      log: 'INFO mounted config volume read-only at /etc/app\nINFO server started',
    },
    {
      name: 'unrelated crash',
      log: 'panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:12 +0x1d',
    },
    {
      name: 'a bundle that says where it extracted itself is no failure',
      log: 'info: Extracting embedded files to /home/app/.net/pricing/abc123\nApplication started.',
      exitCode: 0,
    },
    {
      name: 'an image pull that fails on a read-only node store is not the container writing',
      log: '',
      exitCode: null,
      events: [
        {
          type: 'Warning',
          reason: 'Failed',
          message:
            'Failed to pull image "busybox:1.36": failed to create temp dir: mkdir /var/lib/containerd/tmp: read-only file system',
          count: 2,
          container: 'app',
        },
      ],
    },
    {
      name: 'a containerd snapshotter that mounts image layers as EROFS is a filesystem type, not a refused write',
      log: 'level=info msg="mounting erofs layer" snapshotter=erofs fstype: erofs path=/var/lib/containerd/io.containerd.snapshotter.v1.erofs/snapshots/12',
      exitCode: 0,
    },
  ],
});
