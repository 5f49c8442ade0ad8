/** tls_certificate_error: TLS verification fails (unknown authority, self-signed chain, no CA bundle). */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/x509: certificate signed by unknown authority|x509: failed to load system roots/],
    confidence: 0.93,
    title: 'TLS verification failed: the CA is unknown (x509)',
  },
  {
    all: [
      /x509: certificate has expired|x509: certificate is valid for|x509: cannot validate certificate|tls: failed to verify certificate/,
    ],
    confidence: 0.9,
    title: 'TLS verification failed (x509)',
  },
  {
    all: [/CERTIFICATE_VERIFY_FAILED|certificate verify failed/],
    confidence: 0.92,
    title: 'TLS verification failed (certificate verify failed)',
  },
  {
    all: [
      /unable to get local issuer certificate|self[- ]signed certificate in certificate chain|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT/,
    ],
    confidence: 0.92,
    title: 'TLS verification failed: the certificate chain is not trusted',
  },
  {
    all: [/CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID/],
    confidence: 0.88,
    title: 'TLS verification failed (certificate expired or wrong name)',
  },
  {
    all: [/PKIX path building failed|unable to find valid certification path/],
    confidence: 0.92,
    title: 'TLS verification failed: Java does not trust the certificate (PKIX)',
  },
  {
    all: [/The remote certificate is invalid|RemoteCertificateNameMismatch|RemoteCertificateChainErrors/],
    confidence: 0.88,
    title: 'TLS verification failed (.NET)',
  },
  {
    // rustls / native-certs in a scratch or distroless image without a CA bundle.
    all: [
      /no CA certificates found|[Nn]o (?:native )?root (?:CA )?certificates? (?:found|available)|could not load (?:native|platform) (?:root )?certs|invalid peer certificate: UnknownIssuer/,
    ],
    confidence: 0.86,
    title: 'No CA certificates in the image, or an unknown issuer: TLS verification fails',
  },
  {
    // rustls (tonic, reqwest, hyper: Temporal and many Rust/Python bridges) names the verification failure
    // as a variant: InvalidCertificate(UnknownIssuer), .NET says UntrustedRoot or PartialChain.
    all: [
      /\bInvalidCertificate\((?:UnknownIssuer|BadSignature|NotValidForName|Expired|NotValidYet|UnknownRevocationStatus)|\bUnknownIssuer\b|\bUntrustedRoot\b|\bremote certificate was rejected by the provided RemoteCertificateValidationCallback/,
    ],
    confidence: 0.88,
    title: 'TLS verification failed: the certificate issuer is not trusted',
  },
  {
    // The peer's certificate is one the TLS library refuses to parse or accept at all, whatever the CA: Go
    // 1.23 "tls: failed to parse certificate from server: x509: negative serial number" (a legacy AD or
    // appliance certificate), "x509: unhandled critical extension", "x509: certificate relies on legacy
    // Common Name field", "x509: malformed certificate". The fix is the certificate (or a GODEBUG), not the code.
    all: [
      /\btls: failed to parse certificate\b|\bx509: (?:negative serial number|unhandled critical extension|certificate relies on legacy Common Name field|malformed (?:certificate|tbs certificate|serial number|validity|extension|issuer|subject|spki)|unsupported elliptic curve|inner and outer signature algorithm identifiers don't match|invalid (?:signature|RDNSequence))/,
    ],
    confidence: 0.86,
    title: "TLS fails: the peer's certificate is malformed or uses a form this TLS library rejects",
  },
  {
    // The peer's certificate does not name the host the client dialled (an alias, an ExternalName Service, an
    // IP): rustls "invalid peer certificate: NotValidForName" (or "certificate not valid for name"), libpq
    // 'server certificate for "x" does not match host name "y"', Node "Hostname/IP does not match certificate's
    // altnames", Java "No subject alternative (?:DNS )?names matching", Python "hostname 'x' doesn't match".
    all: [
      /\binvalid peer certificate(?: contents)?: (?:[A-Za-z]{0,40}NotValidForName|Expired|NotValidYet|BadSignature|BadEncoding|UnknownIssuer|certificate not valid for name)|\bcertificate (?:is )?not valid for name\b|\bserver certificate for "[^"\n]{1,200}" does not match host name\b|\bHostname\/IP does not match certificate's altnames\b|\bNo subject alternative (?:DNS )?names? matching\b|\bhostname '[^'\n]{1,200}' doesn't match\b/,
    ],
    confidence: 0.88,
    title: 'TLS verification failed: the certificate does not name the host dialled (or is not valid)',
  },
  {
    all: [/Fatal - Unknown CA\b|\bunknown_ca\b|root certificate file "[^"\s]{1,300}" does not exist/],
    confidence: 0.86,
    title: 'TLS verification fails: the CA is unknown or its bundle is not in the image',
  },
  {
    // Haskell's tls/x509-validation name the rejected chain by its FailedReason: "certificate has unknown CA"
    // (UnknownCa), "certificate rejected: [SelfSigned]", "[Expired]", "[NameMismatch ...]".
    all: [
      /\bcertificate has unknown CA\b|\bUnknownCa\b|\bcertificate rejected: \[(?:UnknownCA|SelfSigned|Expired|InFuture|NameMismatch|EmptyChain|CacheSaysNo)\b/,
    ],
    confidence: 0.88,
    title: 'TLS verification failed: the certificate chain is not trusted (Haskell tls)',
  },
  { all: [/SSL certificate problem/], confidence: 0.9, title: 'TLS verification failed (SSL certificate problem)' },
  {
    // GnuTLS and NSS builds of curl (git, apt, Debian/RHEL images) word the untrusted chain their own way:
    // "server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none",
    // "The certificate is NOT trusted. The certificate issuer is unknown", NSS "Peer's Certificate issuer is
    // not recognized", "Peer's certificate issuer has been marked as not trusted by the user".
    all: [
      /\b(?:[Ss]erver|[Pp]eer|[Rr]emote) certificate verification failed\b|\bThe certificate is NOT trusted\b|\bThe certificate issuer is unknown\b|\bPeer's [Cc]ertificate issuer (?:is not recognized|has been marked as not trusted)/,
    ],
    confidence: 0.9,
    title:
      'TLS verification failed: the server certificate is not trusted (GnuTLS/NSS: a private CA not in the image?)',
  },
  {
    all: [/SSLHandshakeException|SSL routines|sslv3 alert|tlsv1 alert|handshake failure/i],
    confidence: 0.6,
    title: 'The TLS handshake failed',
  },
  {
    all: [/unable to verify the first certificate|certificate has expired|certificate is not trusted/],
    confidence: 0.88,
    title: 'TLS verification failed: the certificate is not trusted',
  },
];

export const tlsCertificateError = signatureRule({
  id: 'tls-certificate-error',
  category: 'tls_certificate_error',
  signatures: SIGNATURES,
  options: { recoverable: true },
  steps: (ctx) => [
    `Check that the image has a CA bundle: ${kubectl.debugCopy(ctx.target, 'ls /etc/ssl/certs')}`,
    'For an internal CA, mount it (ConfigMap) and point the runtime at it (SSL_CERT_FILE, NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE, a Java truststore)',
  ],
});
