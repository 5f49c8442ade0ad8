import { authFailure } from '../../../src/diagnosis/rules/auth-failure.ts';
import { ruleTable } from './helpers.ts';

ruleTable(authFailure, 'auth_failure', {
  positives: [
    {
      name: 'a home-automation bridge whose MQTT broker refuses the login in its CONNACK (mqtt.js)',
      log: 'info: z2m: Connecting to MQTT server at mqtt://mosquitto.home.svc:1883\nerror: z2m: MQTT error: Connection refused: Not authorized\nerror: z2m: MQTT failed to connect, exiting... (Connection refused: Not authorized)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a mosquitto_sub health script after the broker password file was regenerated',
      log: 'Connection error: Connection Refused: bad user name or password.\nmqtt check failed',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Paho Java client refused by an EMQX broker',
      log: 'Exception in thread "main" Not authorized to connect (5)\n\tat org.eclipse.paho.client.mqttv3.internal.ExceptionHelper.createMqttException(ExceptionHelper.java:28)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "a payments SDK's AuthenticationError for a key that was sent and refused (rotated key)",
      log: 'Traceback (most recent call last):\n  File "/app/sync.py", line 12, in <module>\n    stripe.Price.list(limit=10)\nstripe.error.AuthenticationError: Invalid API Key provided: sk_live_****************3xQa',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an impacket-based share sync whose domain password expired (STATUS_LOGON_FAILURE, no prose)',
      log: '[*] Connecting to \\\\nas02.corp.local\\exports\nimpacket.smbconnection.SessionError: SMB SessionError: STATUS_LOGON_FAILURE(The attempted logon is invalid. This is either due to a bad username or authentication information.)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'kinit refused a keytab-less service password after rotation (Kerberos preauthentication)',
      log: 'kinit: Preauthentication failed while getting initial credentials\nerror: cannot obtain a Kerberos ticket for svc-report@CORP.LOCAL',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'the kubernetes Python client printing a refused token as "(401)" and "Reason: Unauthorized"',
      log: "kubernetes.client.exceptions.ApiException: (401)\nReason: Unauthorized\nHTTP response headers: HTTPHeaderDict({'Audit-Id': '9c1f', 'Content-Type': 'application/json'})",
      exitCode: 1,
      min: 0.6,
      max: 0.8,
    },
    {
      name: 'an OpenAI client whose key in the Secret was revoked and regenerated (Incorrect API key provided)',
      log: "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-proj-****abcd.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a web login or warehouse that refuses the pair in one vague sentence (Invalid username or password)',
      log: 'Error: failed to log in to registry: Invalid username or password.\nfatal: could not authenticate the sync job',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'STS refuses the web identity (IRSA trust policy names another ServiceAccount), boto3',
      log: 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Azure AD finds no federated credential for the pod (workload identity subject mismatch)',
      log: "Error: AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://oidc.prod-aks.azure.com/1234/'. Assertion Subject: 'system:serviceaccount:billing-v2:renderer'.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'GKE Workload Identity without its IAM binding, from the Go client',
      log: 'level=fatal msg="read secret" err="compute: Received 403 `Unable to generate access token; IAM returned 403 Forbidden: Permission \'iam.serviceAccounts.getAccessToken\' denied on resource (or it may not exist).`"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an ActiveMQ broker refusing a rotated password',
      log: 'Caused by: javax.jms.JMSSecurityException: User name [billing] or password is invalid.\n\tat org.apache.activemq.util.JMSExceptionSupport.create(JMSExceptionSupport.java:52)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an encryption key that differs from the one on the volume',
      log: 'Error: Mismatching encryption keys. The encryption key in the settings file /home/node/.n8n/config does not match the N8N_ENCRYPTION_KEY env var.',
      min: 0.8,
    },
    {
      name: 'RBAC denial with escaped quotes',
      log: 'time="2024-09-01T10:12:00Z" level=error msg="Failed to watch *v1alpha1.IngressRoute: ingressroutes.traefik.io is forbidden: User \\"system:serviceaccount:ingress:traefik\\" cannot list resource \\"ingressroutes\\" in API group \\"traefik.io\\" at the cluster scope"',
      min: 0.75,
    },
    {
      name: 'an Elasticsearch keystore password that no longer matches',
      log: 'org.elasticsearch.bootstrap.StartupException: org.elasticsearch.common.settings.SettingsException: Provided keystore password was incorrect',
      min: 0.85,
    },
    {
      name: 'a ServiceAccount without RBAC',
      log: 'Error from server (Forbidden): configmaps "app-config" is forbidden: User "system:serviceaccount:shop:migrator" cannot patch resource "configmaps" in API group "" in the namespace "shop"',
      min: 0.75,
    },
    {
      name: 'a revoked deploy key',
      log: "Cloning into '/config'...\ngit@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.",
      exitCode: 128,
      min: 0.85,
    },
    {
      name: 'S3 answering 403 to a rotated key',
      log: 'botocore.exceptions.ClientError: An error occurred (403) when calling the HeadBucket operation: Forbidden',
      min: 0.7,
    },
    {
      name: 'postgres',
      log: '2024-01-01 10:00:00.000 UTC [88] FATAL:  password authentication failed for user "app"\n2024-01-01 10:00:00.000 UTC [88] DETAIL:  Connection matched pg_hba.conf line 99: "host all all all scram-sha-256"',
      min: 0.9,
    },
    {
      name: 'a user name that reached the server as an unexpanded $(NAME) reference is a missing variable',
      log: "ERROR 1045 (28000): Access denied for user '$(MYSQL_USER)'@'10.42.1.7' (using password: YES)",
      exitCode: 1,
      max: 0.6,
      best: 'missing_env_var',
    },
    {
      name: 'mariadb upgrade wrapper',
      log: "mariadb_1 | 2021-06-24 7:04:16 8 [Warning] Access denied for user 'root'@'localhost' (using password: NO)\nmariadb_1 | ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\nmariadb_1 | FATAL ERROR: Upgrade failed",
      min: 0.85,
    },
    {
      name: 'redis',
      log: 'redis.exceptions.AuthenticationError: WRONGPASS invalid username-password pair or user is disabled.',
      min: 0.85,
    },
    {
      name: 'rabbitmq',
      log: 'amqp.exceptions.AccessRefused: (0, 0): (403) ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN.',
      min: 0.85,
    },
    {
      name: 'mongo',
      log: 'MongoServerError: Authentication failed.\n    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:202:30)',
      min: 0.8,
    },
    {
      name: 'mssql',
      log: "Login failed for user 'sa'. Reason: Password did not match that for the login provided.",
      min: 0.85,
    },
    {
      name: 'the Neo4j Java driver refused at login',
      log: 'org.neo4j.driver.exceptions.AuthenticationException: The client is unauthorized due to authentication failure.\n\tat org.neo4j.driver.internal.util.ErrorUtil.newNeo4jError(ErrorUtil.java:76)',
      min: 0.8,
    },
    {
      name: 'NATS refusing the user',
      log: '[ERR] nats: Authorization Violation\npanic: nats: authorization violation',
      min: 0.8,
    },
    {
      name: 'Cassandra credentials that do not match the cluster',
      log: "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'10.0.0.5:9042': AuthenticationFailed('Failed to authenticate to 10.0.0.5:9042: Error from server: code=0100 [Bad credentials] message=\"Provided username app and/or password are incorrect\"')})",
      min: 0.8,
    },
    {
      name: 'a Go service whose gocql session is refused by ScyllaDB (user named inside the sentence)',
      log: 'level=fatal msg="open store" error="gocql: unable to create session: unable to discover protocol version: Provided username inventory_rw and/or password are incorrect"',
      min: 0.85,
    },
    {
      name: 'a Vault login refused on one line (vault-k8s, consul-template)',
      log: '2024-03-12T09:41:05.131Z [ERROR] auth.handler: error authenticating: error="Error making API request. URL: PUT https://vault.vault.svc:8200/v1/auth/kubernetes/login Code: 403. Errors: * permission denied" backoff=1s',
      min: 0.8,
    },
    {
      name: 'an OIDC client whose secret was rotated',
      log: 'level=fatal msg="failed to authenticate with the identity provider" error="oauth2: cannot fetch token: 401 Unauthorized"',
      min: 0.75,
    },
    {
      name: "a rejected password followed by Ecto's advice, which is not a recovery",
      log: "09:04:31.517 [error] MyXQL.Connection (#PID<0.160.0>) failed to connect: ** (MyXQL.Error) (1045) (ER_ACCESS_DENIED_ERROR) Access denied for user 'shop'@'10.0.0.7' (using password: YES)\n** (DBConnection.ConnectionError) connection not available and request was dropped from queue after 2986ms. You can address this by:\n\n  1. Ensuring your database is available and that you can connect to it\n  2. Tracking down slow queries and making sure they are running fast enough",
      min: 0.85,
    },
    {
      name: 'a CI agent whose registration token was rotated',
      log: '2024-05-02 10:00:00 NOTICE Starting buildkite-agent v3.70.0\n2024-05-02 10:00:01 WARN POST https://agent.buildkite.com/v3/register: 401 Invalid registration token (Attempt 1/30 Retrying in 10s)\n2024-05-02 10:00:11 FATAL Failed to register agent: POST https://agent.buildkite.com/v3/register: 401 Invalid registration token',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an enrollment refused with 403 after the token was revoked',
      log: 'level=error msg="enroll failed" err="POST https://fleet.internal:8220/api/agents/enroll: 403 Forbidden: enrollment token revoked"',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'boto3 against a Ceph gateway whose secret key was rotated (the S3 error in words)',
      log: 'ERROR upload failed: botocore.exceptions.ClientError: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an access key the object store no longer knows',
      log: 'Error: S3 error: The AWS Access Key Id you provided does not exist in our records.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an Oracle schema user whose account is locked after failed logins (ORA-28000)',
      log: 'sqlalchemy.exc.DatabaseError: (oracledb.exceptions.DatabaseError) ORA-28000: The account is locked.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'MySQL refusing a user whose password expired',
      log: 'Error: ER_MUST_CHANGE_PASSWORD_LOGIN: Your password has expired. To log in you must change it using a client that supports expired passwords.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'OpenLDAP refusing the bind DN (result code 49), from a Go client',
      log: 'level=fatal msg="ldap bind failed" err="LDAP Result Code 49 \\"Invalid Credentials\\": "',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Active Directory refusing a disabled service account, from a Java LDAP client',
      log: 'javax.naming.AuthenticationException: [LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 533, v4563]',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Azure Blob Storage refusing a managed identity without a data role',
      log: 'Azure.RequestFailedException: This request is not authorized to perform this operation using this permission.\nStatus: 403 (This request is not authorized to perform this operation using this permission.)\nErrorCode: AuthorizationPermissionMismatch',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a GCP service account without its grant on a Pub/Sub subscription, from the Go client',
      log: "panic: rpc error: code = PermissionDenied desc = User not authorized to perform this action. Permission 'pubsub.subscriptions.consume' denied on resource (or it may not exist). 403 Forbidden",
      exitCode: 2,
      min: 0.7,
    },
    {
      name: 'a Python client whose HTTP API rejected the credentials with 401 (requests wording)',
      log: 'Traceback (most recent call last):\n  File "/app/sync.py", line 31, in <module>\n    r.raise_for_status()\nrequests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://registry.internal/api/v2/projects',
      exitCode: 1,
      min: 0.55,
    },
    {
      name: 'a gRPC server answering that the client is not authenticated',
      log: 'grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.UNAUTHENTICATED\n\tdetails = "invalid token"',
      exitCode: 1,
      min: 0.6,
    },
  ],
  negatives: [
    {
      name: 'an MQTT broker that is not listening is unreachable, not a refused login',
      log: 'info: z2m: Connecting to MQTT server at mqtt://mosquitto.home.svc:1883\nerror: z2m: MQTT error: connect ECONNREFUSED 10.43.12.7:1883\nerror: z2m: MQTT failed to connect, exiting...',
      exitCode: 1,
    },
    {
      name: 'an MQTT CONNACK saying the server is unavailable (code 3) is not a credential refusal',
      log: 'Connection error: Connection Refused: broker unavailable.\nmqtt check failed',
      exitCode: 1,
    },
    {
      name: "a payments SDK's AuthenticationError that says no API key was sent at all (an unset variable)",
      log: 'Stripe::AuthenticationError: No API key provided. Set your API key using "Stripe.api_key = <API-KEY>".\n  /usr/local/bundle/gems/stripe-10.1.0/lib/stripe/api_requestor.rb:714:in `check_api_key!\'',
      exitCode: 1,
    },
    {
      name: 'a share that refuses access after a successful logon is a permission, not a rejected password',
      log: 'Domain=[CORP] OS=[] Server=[]\ntree connect failed: NT_STATUS_ACCESS_DENIED',
      exitCode: 1,
    },
    {
      name: 'an OpenAPI client reporting a 404 is not an authentication failure',
      log: 'influxdb_client.rest.ApiException: (404)\nReason: Not Found\nHTTP response body: {"code":"not found","message":"bucket \\"sensors\\" not found"}',
      exitCode: 1,
    },
    {
      name: 'a client reporting that the provided API key is valid is not a refused key',
      log: 'INFO search-api: provided API key is valid (scopes: search, documents.add)\nINFO search ready on :7700',
      exitCode: 0,
    },
    {
      name: 'a driver note that the username and/or password are optional is not a refused login',
      log: 'INFO cassandra: username and/or password are optional when the authenticator is AllowAllAuthenticator\nINFO session ready',
      exitCode: 0,
    },
    {
      name: 'a login form hint about a username or password field is not a refused login',
      log: 'hint: set the username or password field in values.yaml to change the admin account',
      exitCode: 0,
    },
    {
      name: 'a handler documenting that it returns 401 when the caller is not authenticated, while serving',
      log: 'INFO route /api/runs: returns 401 if the request is unauthenticated\nINFO listening on :5000',
      exitCode: 0,
    },
    {
      name: 'a password that will expire soon still logs in (ORA-28002 is a warning)',
      log: 'WARN ORA-28002: the password will expire within 7 days\nINFO HikariPool-1 - Start completed.',
      exitCode: 0,
    },
    {
      name: 'an expired TLS certificate is not a rejected password',
      log: 'x509: certificate has expired or is not yet valid: current time 2024-06-01T00:00:00Z is after 2024-05-30T23:59:59Z',
      exitCode: 1,
    },
    {
      name: 'a role that assumed fine but lacks a permission on a bucket is not a rejected identity',
      log: 'AccessDenied: User: arn:aws:sts::111122223333:assumed-role/renderer/botocore-session is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::templates/v3/a.html"',
      exitCode: 1,
    },
    {
      name: 'a JMS user that logged in but lacks a permission',
      log: "org.springframework.jms.JmsSecurityException: AMQ229032: User: billing does not have permission='SEND' on address orders\nCaused by: jakarta.jms.JMSSecurityException: AMQ229032: User: billing does not have permission='SEND' on address orders",
      exitCode: 1,
    },
    {
      name: 'a MySQL login that sent no password is an unset variable, not a rejected secret',
      log: "Error: failed to connect: Error 1045 (28000): Access denied for user 'gitea'@'10.42.0.9' (using password: NO)",
      exitCode: 1,
    },
    {
      name: 'a credential the client calls empty was never set, not rejected',
      log: 'time="2024-06-11T08:14:02Z" level=fatal msg="failed to initialize dns provider: invalid credentials: api token must not be empty"',
      exitCode: 1,
    },
    {
      name: 'a parser reading an unexpected token',
      log: 'SyntaxError: Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON\n    at JSON.parse (<anonymous>)',
      exitCode: 1,
    },
    {
      name: 'an access token refreshed before it expired',
      log: 'WARN access token expired, refreshing\nINFO token refreshed\nINFO Listening on :8080',
    },
    {
      name: 'a login that could not reach the server is not a rejection',
      log: 'level=error msg="failed to authenticate" error="dial tcp 10.0.0.5:8200: connect: connection refused"',
    },
    {
      name: 'a TLS handshake during login is not a credential problem',
      log: 'org.apache.kafka.common.errors.SslAuthenticationException: SSL handshake failed\nCaused by: javax.net.ssl.SSLHandshakeException: PKIX path building failed',
    },
    {
      name: 'a key too short is a bad value, not a rejected credential',
      log: 'ERROR Invalid credentials: Access key length should be at least 3, and secret key length at least 8 characters',
    },
    {
      name: 'failure then success',
      log: 'WARN password authentication failed for user "app", rotating credentials\nINFO connected to database',
    },
    {
      name: 'docs text',
      log: '  --password   database password (login fails with "Authentication failed" when wrong)\nstarted',
    },
    {
      name: 'an LDAP search that returned no entry is not a rejected bind',
      log: 'WARN LDAP Result Code 32 "No Such Object": user not found in ou=people\nINFO serving on :9091',
      exitCode: 0,
    },
    {
      name: 'an IAM permission named in help text, without a refusal',
      log: 'INFO the loader needs storage.objects.get on the bucket; grant roles/storage.objectViewer\nINFO downloaded 3 files',
      exitCode: 0,
    },
  ],
});
