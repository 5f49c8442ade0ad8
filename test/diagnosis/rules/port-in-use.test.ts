import { portInUse } from '../../../src/diagnosis/rules/port-in-use.ts';
import { ruleTable } from './helpers.ts';

ruleTable(portInUse, 'port_in_use', {
  positives: [
    {
      name: 'a Zig server whose bind fails with the AddressInUse error name (another container of the pod holds the port)',
      log: 'info(main): listening on 0.0.0.0:8080\nerror: AddressInUse\n/usr/lib/zig/std/posix.zig:3520:27: 0x10a3c1f in bind (server)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Phoenix endpoint whose Ranch listener fails with eaddrinuse',
      log: '** (Mix) Could not start application shop: Shop.Application.start(:normal, []) returned an error: shutdown: failed to start child: ShopWeb.Endpoint\n    ** (EXIT) shutdown: failed to start child: {:ranch_listener_sup, ShopWeb.Endpoint.HTTP}\n        ** (EXIT) {:listen_error, ShopWeb.Endpoint.HTTP, :eaddrinuse}',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "uWSGI's bind error naming its own socket.c source file is still a taken TCP port",
      log: 'probably another instance of uWSGI is running on the same address (:8080).\nbind(): Address already in use [core/socket.c line 769]',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a C server that prints the raw errno=98 and cannot bind its UDP listener',
      log: 'listener: Trying to bind fd 9 to <0.0.0.0:5060>: errno=98\nlistener: Cannot bind UDP listener socket to addr 0.0.0.0:5060',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a server that cannot bind its TCP listener socket, in words only',
      log: 'FATAL relay: Cannot bind TCP listener socket to addr 0.0.0.0:3479, giving up',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a server that tried its port range and gave up (Flink actor system)',
      log: 'Caused by: java.net.BindException: Could not start actor system on any port in port range 6123\n\tat org.apache.flink.runtime.rpc.pekko.PekkoRpcServiceUtils.startRemoteActorSystem(PekkoRpcServiceUtils.java:172)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "Jetty's failed bind with the address",
      log: '2024-05-02 10:01:12.441:WARN:oejuc.AbstractLifeCycle:main: FAILED ServerConnector@6d06d69c{HTTP/1.1}{0.0.0.0:8080}: java.io.IOException: Failed to bind to 0.0.0.0/0.0.0.0:8080\njava.io.IOException: Failed to bind to 0.0.0.0/0.0.0.0:8080',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an Erlang node name held by another node',
      log: "Protocol 'inet_tcp': the name app@10.0.0.7 seems to be in use by another Erlang node\n** (RuntimeError) could not start distribution",
      min: 0.8,
    },
    {
      name: 'a Rust panic naming AddrInUse',
      log: 'thread \'main\' panicked at src/main.rs:64:10:\nfailed to bind: Os { code: 98, kind: AddrInUse, message: "Address in use" }',
      exitCode: 101,
      min: 0.85,
    },
    {
      name: 'a dev server that checks the port itself and says it in words',
      log: '> web@0.1.0 start\n> react-scripts start\n\nSomething is already running on port 3000.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a framework that finds its port taken by another process',
      log: '2024-05-21 09:11:40,512 ERROR [org.acme.Server] (main) Port 9000 is already taken by another process; set server.port to a free port',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a notebook server that probed for a free port and found none',
      log: '[I 2024-06-01 10:02:11.418 ServerApp] The port 8888 is already in use, trying another port.\n[C 2024-06-01 10:02:11.420 ServerApp] ERROR: the Jupyter server could not be started because no available port could be found.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'node EADDRINUSE',
      log: "node:events:495\n      throw er; // Unhandled 'error' event\n      ^\n\nError: listen EADDRINUSE: address already in use :::3000\n    at Server.setupListenHandle [as _listen2] (node:net:1872:16)",
      min: 0.9,
    },
    {
      name: 'php-fpm',
      log: "[10-Jun-2024 23:59:00] ERROR: unable to bind listening socket for address '0.0.0.0:9000': Address in use (98)\n[10-Jun-2024 23:59:00] ERROR: FPM initialization failed",
      min: 0.9,
    },
    {
      name: 'nginx',
      log: '2024/01/01 00:00:00 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] still could not bind()',
      min: 0.9,
    },
    {
      name: 'java BindException',
      log: 'Caused by: java.net.BindException: Address already in use\n\tat java.base/sun.nio.ch.Net.bind0(Native Method)',
      min: 0.9,
    },
    {
      name: 'python errno 98',
      log: "ERROR:    [Errno 98] error while attempting to bind on address ('0.0.0.0', 8000): address already in use",
      min: 0.9,
    },
    {
      name: 'the classic Jupyter notebook finds no free port to fall back on',
      log: '[C 10:02:11.802 NotebookApp] ERROR: the notebook server could not be started because no available port could be found.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a server that says its port is not available',
      log: 'ERROR: the Jupyter server could not be started because port 8888 is not available.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an Alpine (musl) server whose strerror says only "Address in use"',
      log: 'nats-server: [1] 2024/06/01 10:00:01.000 [INF] Starting nats-server\n[1] 2024/06/01 10:00:01.002 [FTL] Error listening on port: 0.0.0.0:4222, "listen tcp 0.0.0.0:4222: bind: Address in use"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a game server that words a taken UDP port as occupied',
      log: '[Server thread/INFO]: Starting query listener\n[Server thread/ERROR]: Query port is already in use, stopping server',
      exitCode: 1,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'a non-root Jupyter server denied every privileged port it retried is not a taken port (permission_denied)',
      log: '[Voila] WARNING | Permission to listen on port 80 denied\n[Voila] WARNING | Permission to listen on port 81 denied\n[Voila] CRITICAL | ERROR: the Voil\u00e0 server could not be started because no available port could be found.',
      exitCode: 1,
    },
    {
      name: 'a Java bind failure on port 80 whose cause is Permission denied (non-root user), not a taken port',
      log: 'ERROR Server died unexpectedly:\njava.io.IOException: Failed to bind to /0.0.0.0:80\n\tat org.eclipse.jetty.server.ServerConnector.openAcceptChannel(ServerConnector.java:349)\nCaused by: java.net.SocketException: Permission denied\n\tat java.base/sun.nio.ch.Net.bind0(Native Method)',
      exitCode: 1,
    },
    {
      name: 'a Zig server whose Unix socket path is in use is a stale socket file, not a port',
      log: 'info(main): binding /run/app/app.sock\nerror: AddressInUse on /run/app/app.sock',
      exitCode: 1,
    },
    {
      name: 'a Unix socket file left on a kept volume by an unclean stop is a stale file, not a taken port',
      log: "Error: listen EADDRINUSE: address already in use /var/run/app/api.sock\n    at Server.setupListenHandle [as _listen2] (node:net:1817:16)\n  code: 'EADDRINUSE'",
      exitCode: 1,
    },
    {
      name: 'an IP address handed out twice by IPAM is not a taken listen port',
      log: 'ERROR ipam: failed to assign 10.42.0.17: IP address in use by another pod\nFATAL cni plugin exited',
      exitCode: 1,
    },
    {
      name: 'a listener socket refused for a privileged port is a permission problem, not a taken port',
      log: 'FATAL Cannot bind TCP listener socket to addr 0.0.0.0:443: Permission denied',
      exitCode: 1,
    },
    {
      name: 'another errno on a bind is not a taken port',
      log: 'Trying to bind fd 9 to <10.9.9.9:3478>: errno=99\nCannot assign requested address',
      exitCode: 1,
    },
    {
      name: 'a client with no open port to connect to is not a taken listen port',
      log: 'Error: no open ports found on host db.internal; is the service running?',
    },
    {
      name: 'a bind address the node does not have is not a taken port',
      log: 'Exception in thread "main" java.net.BindException: Cannot assign requested address\n\tat java.base/sun.nio.ch.Net.bind0(Native Method)',
    },
    {
      name: "Spring's property binding is not a socket bind",
      log: "Failed to bind properties under 'server.port' to java.lang.Integer:\n    Reason: failed to convert java.lang.String to java.lang.Integer",
    },
    {
      name: 'a Unix socket whose directory is missing is not a taken port',
      log: "[ERROR] unable to bind listening socket for address '/run/php/php8.2-fpm.sock': No such file or directory (2)",
    },
    {
      name: 'a retry that later bound',
      log: 'WARN listen tcp :8080: bind: address already in use, retrying in 1s\nINFO Listening on :8080',
    },
    {
      name: 'a port check being announced is not a failure',
      log: 'INFO checking whether port 8080 is in use before binding\nINFO starting HTTP server',
    },
    {
      name: 'docs about the port',
      log: '  --port   port to listen on (fails with "address already in use" if taken)\nServer started',
    },
    {
      name: 'a port reported available is no failure',
      log: 'Port 8888 is available, starting server',
      exitCode: 0,
    },
    {
      name: 'a bind refused because the node has IPv6 disabled is an address family, not a taken port',
      log: 'Failed to bind [::]:8080: unable to bind socket, errno: 97 (Address family not supported by protocol)',
      exitCode: 1,
    },
  ],
});
