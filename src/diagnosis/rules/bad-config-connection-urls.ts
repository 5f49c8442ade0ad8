/**
 * bad_config's connection-URL family: a broker, cache or database URL that is set (not empty) but malformed
 * for its client: a TLS scheme without the parameter the client demands, a query parameter missing, a password
 * with a reserved character read as the port. The bad-config rule reads these among its value signatures; an
 * unset variable gives other words (an empty URL, "undefined", no scheme), which missing_env_var reads.
 */
import type { Signature } from './log-helpers.ts';

export const CONNECTION_URL_SIGNATURES: Signature[] = [
  {
    // Celery/kombu "A rediss:// URL must have parameter ssl_cert_reqs and this must be set to CERT_REQUIRED,
    // CERT_OPTIONAL, or CERT_NONE", "amqps:// URL must include the parameter ...", "connection string is missing
    // the required parameter 'sslmode'", "DSN is missing parameter dbname".
    all: [
      /\b(?:rediss?|valkeys?|amqps?|mongodb(?:\+srv)?|postgres(?:ql)?|mysql|mariadb|nats|mqtts?|kafka|sqs|ldaps?|https?|wss?|sentinel|memcached?|s3|grpcs?) ?:\/\/ URL (?:must|needs to|should) (?:have|include|contain|specify) (?:the )?(?:query )?(?:parameters?|options?|arguments?) ['"`]?[\w.-]{1,40}\b|\b(?:URL|URI|DSN|[Cc]onnection (?:string|URL|URI)) (?:is )?missing (?:the )?(?:required )?(?:query )?(?:parameter|option|argument) ['"`]?[\w.-]{1,40}/,
    ],
    confidence: 0.8,
    title: 'A connection URL lacks a parameter its client requires (a TLS scheme without its options?)',
    not: /['"`](?:undefined|None|null)?['"`]|\bundefined\b|\bNone\b/,
  },
  {
    // A password with a reserved character (#, /, ?, @) left unescaped in a URL: the parser reads what follows as
    // the port. Python urllib "ValueError: Port could not be cast to integer value as 'p4ss'", Go "invalid port
    // ":p4ss@db:5432" after host", Node "Invalid URL" with the password in the port.
    all: [
      /\bPort could not be cast to integer value as ['"][^'"\n]{1,200}['"]|\binvalid port "?:\d{0,5}[^\d\s"][^\s"]{0,200}"? after host\b/,
    ],
    confidence: 0.8,
    title: 'A connection URL is malformed: an unescaped character in the password or host was read as the port',
  },
];
