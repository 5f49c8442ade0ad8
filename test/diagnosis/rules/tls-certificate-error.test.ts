import { tlsCertificateError } from '../../../src/diagnosis/rules/tls-certificate-error.ts';
import { ruleTable } from './helpers.ts';

ruleTable(tlsCertificateError, 'tls_certificate_error', {
  positives: [
    {
      name: 'apt over a GnuTLS curl build behind a TLS-intercepting proxy whose CA the image lacks',
      log: 'Err:1 https://apt.corp.example/debian bookworm InRelease\n  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.  Could not handshake: Error in the certificate verification. [IP: 10.0.0.9 443]',
      exitCode: 100,
      min: 0.85,
    },
    {
      name: 'git on an NSS curl build cloning from a server signed by a private CA',
      log: "Cloning into 'repo'...\nfatal: unable to access 'https://git.internal/repo.git/': Peer's Certificate issuer is not recognized.",
      exitCode: 128,
      min: 0.85,
    },
    {
      name: 'a Haskell http-client (tls) rejecting a self-signed internal certificate',
      log: 'backup-agent: HttpExceptionRequest Request {\n  host = "minio.storage.svc"\n  port = 9000\n  secure = True\n}\n (InternalException (HandshakeFailed (Error_Protocol ("certificate rejected: [SelfSigned]",True,CertificateUnknown))))',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Go client that rejects a malformed peer certificate (unhandled critical extension)',
      log: 'Error: Post "https://idp.corp.example/token": tls: failed to verify certificate: x509: unhandled critical extension',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "a Go 1.23 client that cannot parse a legacy appliance's certificate",
      log: 'FATAL could not connect to vCenter: tls: failed to parse certificate from server: x509: malformed serial number',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Rust gRPC client that does not trust the internal CA',
      log: 'Error: status: Unavailable, message: "error trying to connect: invalid certificate: InvalidCertificate(NotValidForName)", details: [], metadata: MetadataMap { headers: {} }',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an Erlang TLS client with an unknown CA',
      log: '[error] Postgrex.Protocol failed to connect: ** (DBConnection.ConnectionError) ssl connect: TLS client: In state certify at ssl_handshake.erl:2140 generated CLIENT ALERT: Fatal - Unknown CA',
      min: 0.85,
    },
    {
      name: "libpq's missing root certificate file",
      log: 'psycopg.OperationalError: connection failed: connection to server at "10.1.2.3", port 5432 failed: root certificate file "/root/.postgresql/root.crt" does not exist',
      min: 0.8,
    },
    {
      name: 'a Rust service (sqlx over rustls) dialling Postgres through an alias the certificate does not name',
      log: 'WARN db: retrying connection error=error occurred while attempting to establish a TLS connection: invalid peer certificate: NotValidForName\nError: error occurred while attempting to establish a TLS connection: invalid peer certificate: NotValidForName',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'libpq with sslmode=verify-full against a host name the server certificate lacks',
      log: 'django.db.utils.OperationalError: connection to server at "pg-alias.db.svc" (10.0.4.7), port 5432 failed: server certificate for "pg.prod.cloudsql.example" does not match host name "pg-alias.db.svc"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "a Node client whose certificate's altnames lack the host",
      log: "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: redis-alias. is not in the cert's altnames: DNS:redis.prod.internal",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Java client whose server certificate has no matching subject alternative name',
      log: 'javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching kafka-0.kafka.svc found.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a scratch image without CA roots (rustls)',
      log: "thread 'main' panicked at src/client.rs:31:6:\nno CA certificates found",
      exitCode: 101,
      min: 0.85,
    },
    {
      name: 'node leaf signature',
      log: "Error: unable to verify the first certificate\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34) {\n  code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'\n}",
      min: 0.85,
    },
    {
      name: 'go x509 unknown authority',
      log: 'FATA[0024] Get "https://api.internal.example/v1": x509: certificate signed by unknown authority',
      min: 0.9,
    },
    {
      name: 'python requests',
      log: "requests.exceptions.SSLError: HTTPSConnectionPool(host='vault.corp', port=443): Max retries exceeded with url: /v1/sys/health (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
      min: 0.9,
    },
    {
      name: 'node self-signed chain',
      log: "Error: self-signed certificate in certificate chain\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34) {\n  code: 'SELF_SIGNED_CERT_IN_CHAIN'\n}",
      min: 0.9,
    },
    {
      name: 'java PKIX',
      log: 'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
      min: 0.9,
    },
    { name: 'curl', log: 'curl: (60) SSL certificate problem: unable to get local issuer certificate', min: 0.9 },
  ],
  negatives: [
    {
      name: 'a signature check of a package file is not TLS: a bad GPG signature words verification differently',
      log: 'W: GPG error: https://repo.example bookworm InRelease: The following signatures were invalid: EXPKEYSIG 1234',
      exitCode: 100,
    },
    {
      name: 'a CA inventory that lists an unknown CA count without any failed handshake',
      log: 'INFO trust store refreshed: 142 roots, 0 with unknown CA constraints\nINFO listening on :8443',
      exitCode: 0,
    },
    {
      name: 'a certificate file the app parses for its own listener, logged as loaded',
      log: 'INFO parsed certificate from /etc/tls/tls.crt: serial number 0x3f1a, issuer CN=corp-ca\nINFO listening on :8443',
      exitCode: 0,
    },
    {
      name: 'a TLS policy setting named after the issuer check',
      log: 'level=info msg="loaded trust settings" UnknownIssuerPolicy=reject roots=142',
      exitCode: 0,
    },
    {
      name: 'a database refusing a verify-full connection is unreachable, not a certificate mismatch',
      log: 'INFO DATABASE_URL host=db.prod.svc sslmode=verify-full\nWARN could not connect to database: Connection refused (os error 111)\nError: Connection refused (os error 111)',
      exitCode: 1,
    },
    {
      name: 'hostname verification reported as switched off, not failed',
      log: 'WARN tls: hostname verification disabled; the certificate is not checked against the name dialled\nINFO connected to postgres',
      exitCode: 0,
    },
    {
      name: 'a certificate loaded fine',
      log: 'INFO loaded certificate /etc/tls/tls.crt (expires 2027-01-01)\nINFO listening on :443',
    },
    {
      name: 'a retry that succeeded',
      log: 'WARN x509: certificate signed by unknown authority, reloading CA bundle\nINFO connected to https://vault.corp',
    },
  ],
});
