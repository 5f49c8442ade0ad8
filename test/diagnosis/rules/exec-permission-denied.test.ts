import { execPermissionDenied } from '../../../src/diagnosis/rules/exec-permission-denied.ts';
import { failedEvent, ruleTable } from './helpers.ts';

ruleTable(execPermissionDenied, 'exec_permission_denied', {
  positives: [
    {
      name: 'runc cannot stat a tool installed under another user home (0700) when run as non-root',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: [
        failedEvent(
          'Error: container create failed: unable to start container process: exec: "/home/builder/.local/bin/uvicorn": stat /home/builder/.local/bin/uvicorn: permission denied',
          3,
        ),
      ],
      min: 0.85,
    },
    {
      name: 'BusyBox ash cannot exec a binary copied without +x',
      log: '+ exec /usr/local/bin/gateway serve\n/entrypoint.sh: exec: line 14: /usr/local/bin/gateway: Permission denied',
      exitCode: 126,
      min: 0.85,
    },
    {
      name: 'a preStop hook script without +x: the kubelet reports exit 126 from the hook',
      log: 'level=info msg="serving on :8080"',
      exitCode: 137,
      events: [
        {
          type: 'Warning',
          reason: 'FailedPreStopHook',
          message:
            'Exec lifecycle hook ([sh -c /hooks/drain.sh]) for Container "web" in Pod "web-0_shop" failed - error: command \'sh -c /hooks/drain.sh\' exited with 126: sh: /hooks/drain.sh: Permission denied',
          count: 1,
        },
      ],
      min: 0.8,
    },
    {
      name: 'supervisord will not spawn a program whose file is not executable',
      log: "2024-01-09 10:00:01,100 INFO spawnerr: command at '/opt/app/bin/consumer' is not executable\n2024-01-09 10:00:04,100 INFO gave up: consumer entered FATAL state, too many start retries too quickly",
      min: 0.85,
    },
    {
      name: 'runit/s6 cannot exec a service run script (permission denied)',
      log: 'runsv app: warning: unable to exec ./run: Permission denied',
      min: 0.8,
    },
    {
      name: 'dumb-init cannot exec the script',
      log: '[dumb-init] /app/run.sh: Permission denied',
      exitCode: 126,
      min: 0.85,
    },
    { name: 'tini exec failed', log: '[FATAL tini (7)] exec /app/run failed: Permission denied', min: 0.85 },
    {
      name: 'runc exec permission denied',
      log: 'exec /docker-entrypoint.sh: permission denied',
      exitCode: 126,
      min: 0.9,
    },
    { name: 'older runc', log: 'standard_init_linux.go:219: exec user process caused: permission denied', min: 0.9 },
    {
      name: 'status message of a StartError',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message:
        'failed to create containerd task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/run.sh": permission denied: unknown',
      min: 0.9,
    },
    {
      name: 'shell running a script without +x, exit 126',
      log: '/bin/sh: 1: ./start.sh: Permission denied',
      exitCode: 126,
      min: 0.85,
    },
    {
      name: 'script calling a non-executable tool',
      log: '++ kubectl get pod --no-headers\n/opt/cpm/bin/start-watch.sh: line 91: /opt/cpm/bin/kubectl: Permission denied',
      min: 0.6,
    },
    { name: 'exit 126 alone', log: '', exitCode: 126, min: 0.55 },
    {
      name: 'a CI runner script without an extension calls a repo script that lost its +x (dash numbering)',
      log: '+ make release\n/builds/ci/step-script-7f2a: 14: ./scripts/publish: Permission denied',
      exitCode: 126,
      min: 0.85,
    },
    {
      name: 'Java ProcessBuilder: error=13 on a helper binary',
      log: 'Exception in thread "main" java.io.IOException: Cannot run program "/opt/app/bin/wkhtmltopdf" (in directory "/opt/app"): error=13, Permission denied\n\tat java.base/java.lang.ProcessBuilder.start(ProcessBuilder.java:1143)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Go os/exec: fork/exec permission denied on a plugin',
      log: 'level=fatal msg="starting plugin" error="fork/exec /plugins/backup-hook: permission denied"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Python subprocess: PermissionError raised from _execute_child',
      log: 'Traceback (most recent call last):\n  File "/app/render.py", line 9, in <module>\n    subprocess.run(["/app/bin/convert", "in.svg"], check=True)\n  File "/usr/local/lib/python3.12/subprocess.py", line 1953, in _execute_child\n    raise child_exception_type(errno_num, err_msg, err_filename)\nPermissionError: [Errno 13] Permission denied: \'/app/bin/convert\'',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'coreutils timeout cannot run a command without +x',
      log: "timeout: failed to run command '/usr/local/bin/healthwait': Permission denied",
      exitCode: 126,
      min: 0.85,
    },
    {
      name: 'a JNI library unpacked into a noexec /tmp cannot be mapped (Netty)',
      log: 'java.lang.UnsatisfiedLinkError: /tmp/libnetty_transport_native_epoll_x86_64123.so: /tmp/libnetty_transport_native_epoll_x86_64123.so: failed to map segment from shared object\n\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Ruby spawn of a helper committed without +x (Kernel#system, Ruby 3.4 frame style)',
      log: "/app/lib/thumbnailer.rb:9:in 'Kernel#system': Permission denied - /app/bin/vips-thumb (Errno::EACCES)\n\tfrom /app/lib/thumbnailer.rb:9:in 'Thumbnailer.call'",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "an app quotes its child's stderr and exit status 126 (Python subprocess)",
      log: "subprocess.CalledProcessError: Command '/opt/tools/pdftk in.pdf cat output out.pdf' returned non-zero exit status 126.\n  stderr: b'sh: 1: /opt/tools/pdftk: Permission denied'",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'kubelet event quoting the runtime exec error with escaped quotes',
      log: '',
      events: [
        {
          type: 'Warning',
          reason: 'Failed',
          count: 8,
          message:
            'Error: container create failed: time="2025-01-10T08:00:00Z" level=error msg="runc create failed: unable to start container process: exec: \\"/usr/local/bin/start-worker\\": permission denied"',
        },
      ],
      min: 0.85,
    },
    {
      name: 'an image entrypoint skipping a hook script without +x, then the server failing',
      log: "/entrypoint.sh: running /entrypoint.d/*\n/entrypoint.sh: Skipping /entrypoint.d/20-write-config.sh, not executable\nhaproxy: [ALERT] config : parsing [/usr/local/etc/haproxy/haproxy.cfg:12] : unknown keyword 'server-template'",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a process manager (honcho) prefixing the shell denial of a Procfile script',
      log: '09:14:02 system   | web.1 started (pid=8)\n09:14:02 web.1    | /bin/sh: 1: ./scripts/serve: Permission denied\n09:14:02 web.1    | exited with code 126\n09:14:02 system   | sending SIGTERM to all processes',
      exitCode: null,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'a stat denied on a data file (not the exec) is a data permission',
      log: 'Error: open config: stat /etc/app/config.yaml: permission denied',
      exitCode: 1,
    },
    {
      name: 'a postStart hook that cannot write a file is a file permission, not an exec',
      log: 'level=info msg="serving on :8080"',
      exitCode: 137,
      events: [
        {
          type: 'Warning',
          reason: 'FailedPostStartHook',
          message:
            'Exec lifecycle hook ([/bin/sh -c echo ok > /var/run/app/ready]) for Container "web" in Pod "web-0_shop" failed - error: command \'/bin/sh -c echo ok > /var/run/app/ready\' exited with 2: /bin/sh: 1: cannot create /var/run/app/ready: Permission denied',
          count: 1,
        },
      ],
    },
    {
      name: 'Ruby opening a data file (not a spawn) is a data permission',
      log: "/app/lib/store.rb:4:in `initialize': Permission denied @ rb_sysopen - /data/cache.db (Errno::EACCES)\n\tfrom /app/lib/store.rb:4:in `open'",
      exitCode: 1,
    },
    {
      name: 'a child exit status other than 126 with a data permission error',
      log: 'stderr: "cp: cannot create regular file \'/data/out.csv\': Permission denied"\nThe command exited with exit status 1',
      exitCode: 1,
    },
    {
      name: 'a supervisor whose program exited by itself is no permission problem',
      log: '2024-01-09 10:00:01,100 INFO exited: consumer (exit status 1; not expected)\n2024-01-09 10:00:04,100 INFO gave up: consumer entered FATAL state, too many start retries too quickly',
    },
    {
      name: 'shell redirect to an unwritable log file is a data permission',
      log: 'bash: /var/log/app/out.log: Permission denied',
      exitCode: 1,
      best: false,
    },
    {
      name: 'a python permission error on data',
      log: "PermissionError: [Errno 13] Permission denied: '/data/db.sqlite'",
    },
    {
      name: 'Node cannot open a data file (EACCES on open, not on spawn)',
      log: "Error: EACCES: permission denied, open '/data/uploads/index.json'\n    at Object.openSync (node:fs:596:3)",
      exitCode: 1,
    },
    {
      name: 'Python PermissionError on a data file, with no subprocess frame',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 4, in <module>\n    open("/var/lib/app/state.json", "w")\nPermissionError: [Errno 13] Permission denied: \'/var/lib/app/state.json\'',
      exitCode: 1,
    },
    {
      name: 'help text',
      log: '  -x, --exec   exec the command; fails with permission denied if not executable\nstarted',
    },
    {
      name: 'a library that cannot be mapped for lack of memory is an address-space limit',
      log: 'ImportError: /usr/lib/python3/dist-packages/numpy/core/_multiarray_umath.so: failed to map segment from shared object: Cannot allocate memory',
      exitCode: 1,
    },
    {
      name: 'an entrypoint ignoring a non-script file in its hook directory',
      log: '/docker-entrypoint.sh: Ignoring /docker-entrypoint.d/README.md\n/docker-entrypoint.sh: Configuration complete; ready for start up\nnginx: [emerg] unknown "backend_host" variable',
      exitCode: 1,
    },
  ],
});
