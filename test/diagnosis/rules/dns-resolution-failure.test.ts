import { dnsResolutionFailure } from '../../../src/diagnosis/rules/dns-resolution-failure.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contextFor, ruleTable } from './helpers.ts';

ruleTable(dnsResolutionFailure, 'dns_resolution_failure', {
  positives: [
    {
      name: 'a ZooKeeper ensemble member whose peer names (StatefulSet pods under the wrong headless Service) do not resolve, then finds itself nowhere',
      log: 'INFO  [main:QuorumPeerConfig] Reading configuration from: /conf/zoo.cfg\nWARN  [main:QuorumPeer$QuorumServer] Failed to resolve address: zk-1.zookeeper.kafka.svc.cluster.local\nINFO  lookup zk-2.zookeeper.kafka.svc.cluster.local on 10.96.0.10:53: no such host, retrying\nERROR [main:QuorumPeerMain] Invalid config, exiting abnormally: My id 1 not in the peer list',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "a Zig client whose std.net lookup returned error.UnknownHostName (the resolver's error kind, no sentence)",
      log: 'info(sync): pushing 12 batches to http://ledger-api:8080/v1/batch\nerror: UnknownHostName\n/usr/local/zig/lib/std/net.zig:1030:13: 0x1097a5e in getAddressList (sync)\n            return error.UnknownHostName;',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "a Crystal HTTP client's Socket::Addrinfo::Error for a Service name that does not exist",
      log: "Unhandled exception: Hostname lookup for orders-db failed: No address found (Socket::Addrinfo::Error)\n  from /usr/share/crystal/src/socket/addrinfo.cr:86:15 in 'resolve'",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: '.NET reporting SocketError.HostNotFound by its enum name',
      log: 'fail: Worker[0] connect failed: SocketError.HostNotFound while dialling inventory-grpc:5001',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Ruby HTTP client that only prints the SocketError class of its failed lookup',
      log: "I, [2020-02-03T10:00:00] INFO -- : syncing catalog\nFaraday::ConnectionFailed: Failed to open TCP connection to catalog-api:8080 (SocketError)\n/usr/local/bundle/gems/faraday-0.17.3/lib/faraday/adapter/net_http.rb:57:in `rescue in call'",
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'an HAProxy-style config host that cannot be resolved at load is a DNS failure',
      log: '[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:31] : \'server api1\' : host "orders-api" could not be resolved.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Varnish-style backend that could not be resolved to an IP address',
      log: 'Message from VCC-compiler:\nBackend host "catalog": could not be resolved to an IP address!\nVCL compilation failed',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: "a gRPC client whose resolver produced no address for the target (grpc-go's words in another service)",
      log: 'level=error msg="dial failed" err="rpc error: code = Unavailable desc = name resolver error: produced zero addresses"',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a resolver error naming no host right after the server started binding is its own --host value, not a dependency',
      log: 'INFO:     Started server process [7]\nINFO:     Application startup complete.\nERROR:    [Errno -3] Temporary failure in name resolution',
      exitCode: 1,
      max: 0.5,
      best: false,
    },
    {
      name: 'a tracing exporter that cannot resolve its Jaeger collector steps back: the exporter does not stop the app',
      log: '2025/01/09 10:00:01 traces export: Post "http://jaeger-collector.tracing:14268/api/traces": dial tcp: lookup jaeger-collector.tracing on 10.96.0.10:53: no such host\npanic: assignment to entry in nil map',
      exitCode: 2,
      min: 0.2,
      max: 0.3,
      best: false,
    },
    {
      name: 'an Angie resolver directive naming a DNS Service that does not resolve from this namespace',
      log: 'angie: [emerg] host not found in resolver "coredns.kube-system" in /etc/angie/http.d/default.conf:4',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a cloud metadata host that does not resolve steps back behind the unset credentials variable',
      log: 'level=fatal msg="token source" err="Get \\"http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token\\": dial tcp: lookup metadata.google.internal on 10.100.0.10:53: no such host"',
      exitCode: 1,
      min: 0.3,
      max: 0.5,
      best: false,
    },
    {
      name: 'an endpoint built from a zone where the region belongs is not a confident DNS answer',
      log: 'operation error S3: GetObject, https response error StatusCode: 0, request send failed, Get "https://s3.eu-west-1b.amazonaws.com/assets/logo.png": dial tcp: lookup s3.eu-west-1b.amazonaws.com on 10.96.0.10:53: no such host',
      exitCode: 1,
      min: 0.5,
      max: 0.6,
      best: false,
    },
    {
      name: 'a regional endpoint that does not resolve stays confident',
      log: 'request send failed, Post "https://sqs.eu-west-1.amazonaws.com/": dial tcp: lookup sqs.eu-west-1.amazonaws.com on 10.96.0.10:53: no such host',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a default host name after the app said it runs on defaults is a weak DNS reading',
      log: 'No custom config.js found, loading config.default.js\nMongoServerSelectionError: getaddrinfo ENOTFOUND mongodb',
      exitCode: 1,
      min: 0.5,
      max: 0.6,
      best: 'missing_env_var',
    },
    {
      name: 'Kafka cannot resolve a broker it was given',
      log: '\tbootstrap.servers = [kafka-0.kafak.infra.svc:9092]\norg.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an empty server list steps back behind the unset variable',
      log: '\tbootstrap.servers = []\norg.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers',
      exitCode: 1,
      min: 0.3,
      max: 0.5,
      best: 'missing_env_var',
    },
    {
      name: 'a host that is still a placeholder steps back',
      log: 'Caused by: java.net.UnknownHostException: $DB_HOST: Name or service not known',
      exitCode: 1,
      min: 0.3,
      max: 0.5,
      best: false,
    },
    {
      name: 'steamcmd cannot resolve its CDN',
      log: 'Failed to connect to Steam: could not resolve host steamcdn-a.akamaihd.net',
      min: 0.8,
    },
    {
      name: "an image's default host name is not a confident answer",
      log: 'MySQL Connection Error: (2002) php_network_getaddresses: getaddrinfo for mysql failed: Name or service not known',
      min: 0.5,
      max: 0.8,
    },
    {
      name: 'HAProxy cannot resolve a server at start-up',
      log: "[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:41] : 'server api1' : could not resolve address 'api-v1.default.svc.cluster.local'.\n[ALERT]    (1) : config : Fatal errors found in configuration.",
      min: 0.8,
    },
    {
      name: 'node ENOTFOUND',
      log: 'db: Could not connect. Will try again. getaddrinfo ENOTFOUND host.docker.internal\ndb: Could not connect. Will try again. getaddrinfo ENOTFOUND host.docker.internal',
      min: 0.85,
    },
    {
      name: 'nginx upstream',
      log: '2024/01/01 00:00:00 [emerg] 1#1: host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:12',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'go no such host',
      log: 'level=fatal msg="connect" err="dial tcp: lookup redis-master on 10.96.0.10:53: no such host"',
      min: 0.85,
    },
    {
      name: 'postgres libpq',
      log: 'psql: error: could not translate host name "postgres-db" to address: Name or service not known',
      min: 0.85,
    },
    {
      name: 'java UnknownHostException',
      log: 'Caused by: java.net.UnknownHostException: kafka-0.kafka-headless\n\tat java.base/java.net.InetAddress$CachedAddresses.get(InetAddress.java:801)',
      min: 0.85,
    },
    {
      name: 'python socket.gaierror',
      log: 'socket.gaierror: [Errno -3] Temporary failure in name resolution',
      min: 0.7,
    },
    {
      name: '.NET HttpClient reports EAI_AGAIN as "Resource temporarily unavailable"',
      log: 'Unhandled exception. System.Net.Http.HttpRequestException: Resource temporarily unavailable (catalog-api:80)\n ---> System.Net.Sockets.SocketException (11): Resource temporarily unavailable\n   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)\n   at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)',
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'a .NET database client whose lookup failed with EAI_AGAIN',
      log: 'Unhandled exception. System.Net.Sockets.SocketException (00000001, 11): Resource temporarily unavailable\n   at System.Net.Dns.GetHostEntryOrAddressesCore(String hostName, Boolean justAddresses, AddressFamily addressFamily, Int64 startingTimestamp)\n   at System.Net.Dns.GetHostAddresses(String hostNameOrAddress, AddressFamily family)\n   at MySqlConnector.Core.ServerSession.OpenTcpSocketAsync(ConnectionSettings cs, ILoadBalancer loadBalancer, Activity activity, IOBehavior ioBehavior, CancellationToken cancellationToken)',
      exitCode: 134,
      min: 0.7,
    },
    {
      name: '.NET on Windows wording',
      log: 'Unhandled exception. System.Net.Http.HttpRequestException: No such host is known. (identity.auth.svc:443)',
      exitCode: 134,
      min: 0.85,
    },
    {
      name: 'go lookup that times out against the cluster DNS',
      log: 'level=fatal msg="connect" err="dial tcp: lookup nats.messaging.svc.cluster.local on 10.96.0.10:53: read udp 10.244.1.5:41234->10.96.0.10:53: i/o timeout"',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'an AsyncHTTPClient whose SwiftNIO resolver found no address for the host',
      log: '[ ERROR ] request failed: NIOConnectionError(host: "payments-api.billing", port: 8080, dnsAError: Optional(NIOPosix.SocketAddressError.unknown(host: "payments-api.billing", port: 8080)), dnsAAAAError: nil, connectionErrors: [])',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Salt minion whose master FQDN names the old namespace',
      log: "[ERROR   ] DNS lookup or connection check of 'salt.ops.svc.cluster.local' failed.\n[ERROR   ] Master address: 'salt.ops.svc.cluster.local' could not be resolved. Invalid or unresolveable address. Set 'master' value in minion config.",
      exitCode: 42,
      min: 0.8,
    },
    {
      name: 'a client that names the broker host it could not resolve (another product and wording)',
      log: '2024-05-03 12:00:01 FATAL Broker host "kafka-0.kafka-headless.data" could not be resolved; giving up',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an unresolvable host named by a proxy at start',
      log: "[emerg] backend 'orders': unresolvable host orders-api.shop.svc.cluster.local",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an HBase ZooKeeper client that calls a quorum host not resolvable (the reconnect loop is a consequence)',
      log: "WARN  [main-SendThread(zk-0.zk-hs:2181)] zookeeper.ClientCnxn: Session 0x0 for server zk-0.zk-hs:2181, unexpected error, closing socket connection and attempting reconnect\njava.lang.IllegalArgumentException: Unable to canonicalize address zk-0.zk-hs:2181 because it's not resolvable\n\tat org.apache.zookeeper.SaslServerPrincipal.getServerPrincipal(SaslServerPrincipal.java:78)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Netty-based Redis client whose target address stayed unresolved (Java NIO)',
      log: 'Caused by: java.nio.channels.UnresolvedAddressException: null\n\tat java.base/sun.nio.ch.Net.checkAddress(Net.java:149)\n\tat io.netty.channel.socket.nio.NioSocketChannel.doConnect(NioSocketChannel.java:330)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a proxy that says the host of its backend is not resolvable',
      log: "[fatal] host 'minio-svc.storage' is not resolvable, refusing to start",
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'a ZooKeeper peer whose resolved address refuses the connection is not a lookup failure',
      log: 'WARN  [QuorumConnectionThread-[myid=1]-2] QuorumCnxManager: Cannot open channel to 2 at election address zk-2.zk-hs/10.244.1.7:3888\njava.net.ConnectException: Connection refused (Connection refused)',
      exitCode: 1,
    },
    {
      name: 'a build dependency that is not resolvable is not a host name',
      log: "FAILURE: Build failed with an exception.\n* What went wrong: Dependency 'com.example:billing-client:2.1.0' is not resolvable from the configured repositories",
      exitCode: 1,
    },
    {
      name: 'a peer list that does not contain this node, without any failed lookup, is a config mistake',
      log: '{"level":"fatal","msg":"couldn\'t find local name \\"etcd-3\\" in the initial cluster configuration"}',
      exitCode: 1,
    },
    {
      name: 'a resolver asked for the host "None" (an f-string over an unset os.getenv) is not a wrong Service name',
      log: 'psycopg.OperationalError: connection failed: could not translate host name "None" to address: Name or service not known',
      exitCode: 1,
    },
    {
      name: 'a Zig client whose connection was refused reports error.ConnectionRefused, a host that resolved',
      log: 'info(sync): pushing 12 batches to http://ledger-api:8080/v1/batch\nerror: ConnectionRefused\n/usr/local/zig/lib/std/net.zig:751:13: 0x10a1b2c in tcpConnectToAddress (sync)',
      exitCode: 1,
    },
    {
      name: 'a Ruby client whose connection was refused raises an Errno class, not SocketError',
      log: 'Error connecting to Redis on redis:6379 (Errno::ECONNREFUSED)',
      exitCode: 1,
    },
    {
      name: 'a build tool whose dependencies could not be resolved is not a host name',
      log: '[ERROR] Failed to execute goal on project shop: Could not resolve dependencies for project com.example:shop:jar:1.0: The following artifacts could not be resolved: com.example:lib:jar:2.1',
      exitCode: 1,
    },
    {
      name: 'a resolver directive missing is a config gap, not a name that does not resolve',
      log: '2024/05/02 10:11:12 [error] 7#7: *3 no resolver defined to resolve api.internal, client: 10.0.0.4',
      exitCode: 1,
    },
    {
      name: 'EAGAIN from a socket read is not a lookup',
      log: 'Unhandled exception. System.Net.Sockets.SocketException (11): Resource temporarily unavailable\n   at System.Net.Sockets.Socket.Receive(Byte[] buffer, Int32 offset, Int32 size, SocketFlags socketFlags)\n   at Telemetry.UdpListener.Run() in /src/UdpListener.cs:line 30',
      exitCode: 134,
    },
    {
      name: 'the name stopped resolving because its container died first',
      log: 'mongo    | standard_init_linux.go:211: exec user process caused "no such file or directory"\nmongo exited with code 1\nConnection error:  MongoNetworkError: failed to connect to server [mongo:27017] on first connect [Error: getaddrinfo ENOTFOUND mongo',
    },
    { name: 'resolved after a retry', log: 'WARN getaddrinfo EAI_AGAIN db\nINFO connected to db:5432' },
    { name: 'a 404 page is not DNS', log: 'GET /hosts 404 Not Found\nINFO ok' },
    {
      name: 'a module name that could not be resolved is not a host',
      log: "Error: Module 'lodash-es' could not be resolved from /app/src/index.ts",
      exitCode: 1,
    },
    {
      name: "a master address that resolved but could not be reached (dependency_unreachable's)",
      log: "[ERROR   ] Master address: 'salt-master.salt.svc.cluster.local' could not be reached: Connection refused",
      exitCode: 42,
    },
  ],
});

describe('dns-resolution-failure: names the host', () => {
  const lookup = (log: string) =>
    dnsResolutionFailure
      .match(contextFor({ name: 'x', log, exitCode: 1 }))
      ?.nextSteps.find((s) => s.includes('nslookup'));

  test('the host from the log replaces the placeholder', () => {
    assert.ok(lookup('Error: getaddrinfo ENOTFOUND redis-master')?.endsWith('-- nslookup redis-master'));
    assert.ok(
      lookup('panic: dial tcp: lookup postgres.db.svc.cluster.local on 10.96.0.10:53: no such host')?.endsWith(
        '-- nslookup postgres.db.svc.cluster.local',
      ),
    );
    assert.ok(
      lookup('java.net.UnknownHostException: kafka-0.kafka: Name or service not known')?.endsWith(
        'nslookup kafka-0.kafka',
      ),
    );
    assert.ok(
      lookup('psql: error: could not translate host name "db" to address: Name or service not known')?.endsWith(
        'nslookup db',
      ),
    );
  });

  test('the placeholder stays when no host is named', () => {
    assert.ok(lookup('socket.gaierror: [Errno -3] Temporary failure in name resolution')?.endsWith('nslookup <host>'));
  });
});
