import { permissionDenied } from '../../../src/diagnosis/rules/permission-denied.ts';
import { ruleTable } from './helpers.ts';

ruleTable(permissionDenied, 'permission_denied', {
  positives: [
    {
      name: 'a server that checks its data folder and names the uid it runs as (capitalised "Folder")',
      log: 'Folder /var/lib/arangodb3 is not accessible for user: 1000 or group 1000, this is commonly a file permissions issue on the mounted folder.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a start-up check worded as the user having no write access to its volume (no errno)',
      log: 'INFO  Running as uid 1000 (sonar)\nERROR Directory /opt/sonarqube/data does not have write access for user sonar. Check the ownership of the volume',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an entrypoint whose redirect into a root-owned volume is refused, then a misleading later error',
      log: 'Generating the instance id\n/docker-entrypoint.sh: line 42: /var/lib/grafana-agent/instance.id: Permission denied\ncat: /var/lib/grafana-agent/instance.id: No such file or directory\nError: required environment variable AGENT_ID is not set',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Go's PathError writing a file on a root-owned volume (lower-case errno text)",
      log: 'time=2024-05-02T10:00:01Z level=info msg="starting"\nError: failed to initialize store: mkdir /var/lib/drone/cache: permission denied',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a server that cannot open the log file its config names, no errno (MongoDB FileNotOpen)',
      log: '{"s":"F","c":"CONTROL","msg":"Error during global initialization","attr":{"error":{"code":38,"codeName":"FileNotOpen","errmsg":"Failed to open /var/log/mongodb/audit.log"}}}',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'rsync over ssh: the mounted key is ignored for its mode, so the login fails',
      log: 'Load key "/home/backup/.ssh/id_rsa": bad permissions\nbackup@nas.internal: Permission denied (publickey,password).\nrsync: connection unexpectedly closed (0 bytes received so far) [Receiver]\nrsync error: unexplained error (code 255) at io.c(231) [Receiver=3.2.7]',
      exitCode: 255,
      min: 0.85,
    },
    {
      name: 'a work directory that the agent user cannot access',
      log: 'SEVERE: Workspace directory /home/agent/work is not accessible by the current user (uid 1000)\nException in thread "main" java.io.IOException: refusing to start',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Solr cannot create a directory on a volume owned by root (no errno named)',
      log: '2024-06-03 08:01:12.338 INFO  (main) [   ] o.a.s.c.CoreContainer Initializing CoreContainer\n2024-06-03 08:01:12.371 ERROR (main) [   ] o.a.s.s.SolrDispatchFilter Could not start Solr\norg.apache.solr.common.SolrException: Could not create directory: /var/solr/data/logs\n\tat org.apache.solr.core.CoreContainer.load(CoreContainer.java:721)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'PostgreSQL refuses a data directory whose mode the volume widened',
      log: 'FATAL:  data directory "/var/lib/postgresql/data/pgdata" has invalid permissions\nDETAIL:  Permissions should be u=rwx (0700) or u=rwx,g=rx (0750).',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "libuv's EPERM opening a file on a network volume",
      log: "Error: EPERM: operation not permitted, open '/app/uploads/.write-test'\n    at Object.openSync (node:fs:573:18) {\n  errno: -1,\n  code: 'EPERM',\n  syscall: 'open',\n  path: '/app/uploads/.write-test'\n}",
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a directory of the image not writable is not a confident ownership reading (read-only root?)',
      log: 'FATAL: /etc/app/conf.d is not writable, cannot render the configuration',
      exitCode: 1,
      min: 0.55,
      max: 0.6,
      best: 'read_only_filesystem',
    },
    {
      name: 'Nextcloud cannot write its data directory',
      log: 'Cannot write into "data" directory. This can usually be fixed by giving the web server write access to the data directory.',
      min: 0.8,
    },
    {
      name: 'a key file mounted too open',
      log: '{"t":{"$date":"2024-08-01T10:09:00.100+00:00"},"s":"I","c":"ACCESS","msg":"Read security file failed","attr":{"error":{"code":30,"errmsg":"permissions on /etc/mongo/keyfile are too open"}}}',
      min: 0.8,
    },
    {
      name: 'cassandra commitlog directory',
      log: 'ERROR [main] 2024-05-02 10:20:02,414 CassandraDaemon.java:911 - Exception encountered during startup\njava.lang.RuntimeException: Insufficient permissions on directory /var/lib/cassandra/commitlog',
      exitCode: 3,
      min: 0.8,
    },
    {
      name: 'apache on port 80 as non-root',
      log: '(13)Permission denied: AH00072: make_sock: could not bind to address [::]:80\n(13)Permission denied: AH00072: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down',
      min: 0.85,
    },
    {
      name: 'node listen EACCES',
      log: 'Error: listen EACCES: permission denied 0.0.0.0:80\n    at Server.setupListenHandle [as _listen2] (node:net:1855:21)',
      min: 0.85,
    },
    {
      name: 'elasticsearch data dir',
      log: 'Caused by: java.nio.file.AccessDeniedException: /usr/share/elasticsearch/data/nodes/0/node.lock\n\tat sun.nio.fs.UnixException.translateToIOException(UnixException.java:84)',
      min: 0.85,
    },
    { name: 'python volume', log: "PermissionError: [Errno 13] Permission denied: '/data/uploads/tmp'", min: 0.85 },
    {
      name: 'postgres chmod on a volume',
      log: 'chmod: changing permissions of \'/var/lib/postgresql/data\': Operation not permitted\ninitdb: error: could not change permissions of directory "/var/lib/postgresql/data": Operation not permitted',
      min: 0.8,
    },
    {
      name: 'erlang cookie mode',
      log: '"Cookie file /var/lib/rabbitmq/.erlang.cookie must be accessible by owner only"',
      min: 0.75,
    },
    { name: 'go open', log: 'level=fatal msg="open /var/lib/app/state.db: permission denied"', min: 0.6 },
    {
      name: "a Rust io::Error printed with Debug (no ': Permission denied' to match)",
      log: 'Error: failed to open the index store\n\nCaused by:\n    Os { code: 13, kind: PermissionDenied, message: "Permission denied" }',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a server that words an unwritable data directory as read-only (legacy mongod text log)',
      log: '2019-06-11T08:02:41.716+0000 I STORAGE  [initandlisten] exception in initAndListen: IllegalOperation: Attempted to create a lock file on a read-only directory: /data/db, terminating\n2019-06-11T08:02:41.716+0000 I CONTROL  [initandlisten] shutting down with code:100',
      exitCode: 100,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'squid cannot open its access log for writing',
      log: "2024/06/01 10:00:00| FATAL: Cannot open '/var/log/squid/access.log' for writing.\n\tThe parent directory must be writeable by the\n\tuser 'squid', which is the cache_effective_user\n\tset in squid.conf.",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a start-up check names the directory and the user it cannot write as',
      log: '[entrypoint] ERROR: Unable to write to /bitnami/kafka/data as 1001:0\n[entrypoint] Check the ownership of the volume (fsGroup)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a data directory that must be writable by the service user',
      log: 'FATAL: /opt/sonarqube/data must be writable by the sonarqube user',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'SQLite cannot open its database in a directory the user cannot write (node-sqlite3)',
      log: "[Error: SQLITE_CANTOPEN: unable to open database file] {\n  errno: 14,\n  code: 'SQLITE_CANTOPEN'\n}",
      exitCode: 1,
      min: 0.65,
      max: 0.84,
    },
    {
      name: 'a touch in an entrypoint cannot write a file on a root-owned volume (coreutils wording)',
      log: "+ touch /var/lib/grafana/.init\ntouch: cannot touch '/var/lib/grafana/.init': Permission denied\nexiting",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'BusyBox mkdir cannot create a directory on a volume owned by root',
      log: "mkdir: can't create directory '/data/redis/appendonlydir': Permission denied",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Twig cannot write its cache directory',
      log: 'PHP Fatal error:  Uncaught RuntimeException: Unable to write in the cache directory (/var/www/html/var/cache/twig).',
      exitCode: 255,
      min: 0.8,
    },
    {
      name: "Laravel's bootstrap cache directory must be writable by the container user",
      log: 'In PackageManifest.php line 179:\n  The /var/www/html/bootstrap/cache directory must be present and writable.',
      exitCode: 1,
      min: 0.8,
    },
  ],
  negatives: [
    {
      name: 'an HTTP resource that is not accessible to a user is an authorisation answer, not a folder on a volume',
      log: 'ERROR sync: remote endpoint https://reports.example.com/api/v2/export is not accessible for user svc-reporting (HTTP 403)',
      exitCode: 1,
    },
    {
      name: 'a shell denied running a script it calls is an exec failure, not a denied data file',
      log: '/entrypoint.sh: line 7: /app/bin/start-server.sh: Permission denied',
      exitCode: 126,
    },
    {
      name: 'a missing write access because the mount is read-only is not ownership',
      log: 'ERROR: directory /data has no write access: Read-only file system',
      exitCode: 1,
    },
    {
      name: "Go's exec of a program that is not executable is the exec rule's",
      log: 'Error: fork/exec /usr/local/bin/plugin-runner: permission denied',
      exitCode: 1,
    },
    {
      name: 'a log file that cannot be opened because its directory does not exist',
      log: 'FATAL: Failed to open /var/log/app/app.log: No such file or directory',
      exitCode: 1,
    },
    {
      name: 'an ssh key file that is absent is not a mode problem',
      log: 'Warning: Identity file /keys/id_ed25519 not accessible: No such file or directory.\ngit@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.',
      exitCode: 128,
    },
    {
      name: 'mkdir refused by a read-only mount is not ownership',
      log: "mkdir: cannot create directory '/etc/nginx/conf.d/cache': Read-only file system",
      exitCode: 1,
      best: false,
    },
    {
      name: 'an unreachable URL is not an inaccessible directory',
      log: 'ERROR: endpoint https://api.example.com is not reachable (timeout after 30s)',
      exitCode: 1,
    },
    {
      name: 'a directory that already exists is not a permission problem',
      log: "mkdir: cannot create directory '/data/logs': File exists\nstarting server",
      exitCode: 1,
    },
    {
      name: "MinIO's drive that is really full stays disk_full",
      log: 'ERROR Unable to use the drive /data: drive path full (minimum free drive threshold reached)',
    },
    {
      name: 'a git server rejecting a deploy key',
      log: "Cloning into '/config'...\ngit@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.",
      exitCode: 128,
    },
    {
      name: 'help text',
      log: 'Usage: tool [options]\n  -o FILE   write output to FILE (fails with permission denied if unwritable)\nstarted',
    },
    {
      name: 'an HTTP 403 from the app',
      log: 'INFO GET /admin 403 Forbidden (permission check failed for user bob)\nINFO GET / 200',
    },
    { name: 'a read-only filesystem', log: "OSError: [Errno 30] Read-only file system: '/app/cache'" },
    {
      name: 'a log file that cannot be opened because its directory is absent',
      log: 'Error: Unable to open log file /var/log/broker/broker.log for writing: No such file or directory',
      exitCode: 1,
    },
    {
      name: "a subprocess the app starts is not executable (Python's PermissionError on the program)",
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 14, in <module>\n    subprocess.run(["/app/bin/render", "--fast"], check=True)\n  File "/usr/local/lib/python3.12/subprocess.py", line 548, in run\n    with Popen(*popenargs, **kwargs) as process:\n  File "/usr/local/lib/python3.12/subprocess.py", line 1955, in _execute_child\n    raise child_exception_type(errno_num, err_msg, err_filename)\nPermissionError: [Errno 13] Permission denied: \'/app/bin/render\'',
      exitCode: 1,
    },
    {
      name: "Node's spawn of a program that is not executable",
      log: "node:internal/child_process:421\n    throw errnoException(err, 'spawn');\n    ^\n\nError: spawn /app/bin/convert EACCES\n    at ChildProcess.spawn (node:internal/child_process:421:11)\n    at spawn (node:child_process:761:9)\n    at Object.<anonymous> (/app/index.js:4:1) {\n  errno: -13,\n  code: 'EACCES',\n  syscall: 'spawn /app/bin/convert',\n  path: '/app/bin/convert',\n  spawnargs: [ '--in', '/data/a.png' ]\n}",
      exitCode: 1,
    },
    {
      name: 'a Rust io::Error that is a missing file, not a denied one',
      log: 'Error: failed to read the configuration\n\nCaused by:\n    Os { code: 2, kind: NotFound, message: "No such file or directory" }',
      exitCode: 1,
    },
    {
      name: 'a write refused because the disk is full is not ownership',
      log: 'ERROR: Cannot write to /var/lib/app/cache: No space left on device',
      exitCode: 1,
    },
    {
      name: 'a write refused by a read-only root filesystem is not ownership',
      log: 'Unable to write in the "/var/www/app/var/cache/prod" directory: Read-only file system',
      exitCode: 1,
    },
  ],
});
