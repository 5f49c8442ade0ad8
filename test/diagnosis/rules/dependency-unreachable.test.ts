import { dependencyUnreachable } from '../../../src/diagnosis/rules/dependency-unreachable.ts';
import { ruleTable } from './helpers.ts';

ruleTable(dependencyUnreachable, 'dependency_unreachable', {
  positives: [
    {
      name: 'the address on the line above a wrapped .NET error is localhost: the moderate localhost reading',
      log: 'fail: Microsoft.Extensions.Hosting.Internal.Host[11]\n      Connection Failed: rabbitmq://localhost/\n      RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable',
      exitCode: 134,
      min: 0.4,
      max: 0.55,
      best: false,
    },
    {
      name: 'Node 17+ dials localhost as IPv6 and prints the loopback bare: still the pod itself',
      log: 'Error: connect ECONNREFUSED ::1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
      exitCode: 1,
      min: 0.4,
      max: 0.55,
      best: false,
    },
    {
      name: 'no server reached because the name never resolved: the DNS failure is the cause',
      log: 'WARN connection attempt failed: java.net.UnknownHostException: redis.cache-layer.svc\nERROR Unable to connect to any servers',
      exitCode: 1,
      min: 0.3,
      max: 0.4,
      best: 'dns_resolution_failure',
    },
    {
      name: 'Kafka cannot reach ZooKeeper',
      log: '[2024-10-04 09:00:00,100] ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)\nkafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING',
      min: 0.7,
    },
    {
      name: 'SQL Server not reachable',
      log: 'Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible.',
      exitCode: 134,
      min: 0.7,
    },
    {
      name: "a SQL Server driver's login timeout (firewall dropping packets), in the JDBC and tedious wordings",
      log: 'com.microsoft.sqlserver.jdbc.SQLServerException: The TCP/IP connection to the host 10.40.8.21, port 1433 has failed. Error: "connect timed out. Verify the connection properties."',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'tedious gives up after its connect timeout',
      log: 'ConnectionError: Failed to connect to 10.40.8.21:1433 in 15000ms\n    at Connection.socketError (/app/node_modules/tedious/lib/connection.js:1395:28)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'wait-for-it gives up',
      log: '+ ./wait-for-it.sh db:5432 -t 30\nwait-for-it.sh: waiting 30 seconds for db:5432\nwait-for-it.sh: timeout occurred after waiting 30 seconds for db:5432\n+ exit 1',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'prisma P1001',
      log: "Error: P1001: Can't reach database server at `db.internal`:`5432`\n\nPlease make sure your database server is running at `db.internal`:`5432`.",
      min: 0.7,
    },
    {
      name: 'kafka broker not available (java client)',
      log: '[2024-01-01 00:00:00,000] ERROR [Consumer clientId=app] Connection to node -1 (kafka.messaging.svc/10.0.4.4:9092) could not be established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)',
      min: 0.7,
    },
    {
      name: 'node pg refused on a service IP',
      log: 'Error: connect ECONNREFUSED 10.96.14.3:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'postgres client',
      log: 'psql: error: connection to server at "db" (10.0.0.7), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?',
      min: 0.75,
    },
    {
      name: 'java timeout',
      log: 'Caused by: java.net.SocketTimeoutException: Connect timed out\norg.springframework.dao.DataAccessResourceFailureException: Communications link failure',
      min: 0.7,
    },
    { name: 'go i/o timeout', log: 'level=fatal msg="dial tcp 10.0.3.4:6379: i/o timeout"', min: 0.7 },
    {
      name: 'localhost: moderate, with missing_env_var as alternative',
      log: '{"errno":"ECONNREFUSED","code":"ECONNREFUSED","syscall":"connect","address":"127.0.0.1","port":5432}',
      min: 0.5,
      max: 0.6,
    },
    {
      name: '.NET refused in Windows wording',
      log: 'Unhandled exception. System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (inventory-api:8080)',
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'a refusal reported as an error kind (Bun, Rust): code "ConnectionRefused"',
      log: 'error: Unable to connect. Is the computer able to access the url?\n  path: "http://search.shop.svc:7700/indexes",\n errno: 0,\n  code: "ConnectionRefused"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'pg_isready never gets an answer from a named host',
      log: 'orders-db.shop.svc.cluster.local:5432 - no response\nwaiting for database...\norders-db.shop.svc.cluster.local:5432 - no response',
      min: 0.65,
    },
    {
      name: 'a refusal whose only "host:port" is a clock stays moderate',
      log: '08:20:00.100 [error] Failed to connect to RabbitMQ: :econnrefused\n08:20:00.102 [notice] Application worker exited: shutdown',
      exitCode: 1,
      min: 0.5,
      max: 0.65,
    },
    {
      name: 'requests gives up on a connect timeout (NetworkPolicy drops the packets)',
      log: "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='vault.security.svc', port=8200): Max retries exceeded with url: /v1/sys/health (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f2a1c>, 'Connection to vault.security.svc timed out. (connect timeout=5)'))",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a client that timed out trying to connect',
      log: 'ERROR worker: timed out trying to connect to tcp://scheduler.batch.svc:8786 after 30s\nINFO worker: shutting down',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'NATS with no server that answers',
      log: '[FTL] 2024/06/03 10:00:05 nats: no servers available for connection',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Cassandra driver that reached no host',
      log: "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'10.96.3.7:9042': OSError(None, \"Tried connecting to [('10.96.3.7', 9042)]. Last error: timed out\")})",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a database client on its local socket was given no host: only an alternative to missing_env_var',
      log: "DBI connect('database=shop;host=;port=3306','shop',...) failed: Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2) at /app/lib/Shop/Model.pm line 12.",
      exitCode: 255,
      min: 0.5,
      max: 0.6,
      best: 'missing_env_var',
    },
    {
      name: 'PyMongo gives up on server selection against a named service (traffic dropped by a NetworkPolicy)',
      log: 'pymongo.errors.ServerSelectionTimeoutError: orders-mongo.data.svc.cluster.local:27017: timed out, Timeout: 30s, Topology Description: <TopologyDescription id: 665d, topology_type: Unknown>',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'the MongoDB Java driver timed out waiting for a matching server',
      log: 'com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting for a server that matches ReadPreferenceServerSelector{readPreference=primary}. Client view of cluster state is {type=UNKNOWN, servers=[{address=mongo-0.mongo.data.svc:27017, type=UNKNOWN, state=CONNECTING}]',
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'server selection that failed because the name did not resolve is a DNS failure',
      log: 'MongooseServerSelectionError: getaddrinfo ENOTFOUND mongo.data.svc.cluster.local',
      exitCode: 1,
    },
    {
      name: 'a SQL Server login that reached the server and was refused is a credential, not a timeout',
      log: "pyodbc.InterfaceError: ('28000', \"[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'app'. (18456) (SQLDriverConnect)\")",
      exitCode: 1,
    },
    {
      name: "a driver's give-up summary that wraps a name that did not resolve",
      log: 'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\nCaused by: java.net.UnknownHostException: mysql-primary.db.svc.cluster.local: Name or service not known',
      exitCode: 1,
    },
    {
      name: "code that was thought unreachable is the app's bug",
      log: 'Unhandled exception. System.Diagnostics.UnreachableException: The program executed an instruction that was thought to be unreachable.\n   at Billing.Invoice.Total() in /src/Invoice.cs:line 40',
      exitCode: 134,
    },
    {
      name: 'a driver summary over a credential rejection',
      log: "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'10.96.3.7:9042': AuthenticationFailed('Failed to authenticate to 10.96.3.7:9042: Error from server: code=0100 [Bad credentials] message=\"Provided username app and/or password are incorrect\"')})",
      exitCode: 1,
    },
    {
      name: 'a wait-for timeout before a signal death is not the cause',
      log: 'timeout: unrecognized option: t\nwait-for-it.sh: timeout occurred after waiting 15 seconds for db:5432\napp exited with code 139',
      exitCode: 139,
    },
    {
      name: 'refused then connected',
      log: 'WARN redis: connection refused, retrying in 2s\nINFO Connected to redis at redis:6379\nINFO ready',
    },
    {
      name: 'DNS failure is not this cause',
      log: 'Error: getaddrinfo ENOTFOUND db\n    at GetAddrInfoReqWrap.onlookup',
    },
    {
      name: 'pg_isready that got an answer',
      log: 'orders-db.shop.svc.cluster.local:5432 - accepting connections\nINFO starting orders-api',
    },
    { name: 'HTTP server says connection closed', log: 'INFO client 10.0.0.3 closed connection\nINFO GET / 200' },
  ],
});
