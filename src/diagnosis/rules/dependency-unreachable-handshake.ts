/**
 * dependency_unreachable read from a protocol handshake that never got an answer in the dependency's own
 * protocol (not a rule itself: dependency-unreachable imports these). The TCP connection opened, but what
 * sits on that port is not the server the client speaks to: the usual cause is a port variable pointing at
 * a neighbouring port (RabbitMQ's management HTTP port 15672 instead of AMQP 5672, a Kafka or Redis client
 * aimed at an HTTP listener). The server never answers as the protocol expects, so the client sees the
 * stream end (EOF) or bytes of an HTTP response. A server that answered and refused the login is
 * auth_failure, not this.
 */
import type { Signature } from './log-helpers.ts';

export const HANDSHAKE_SIGNATURES: readonly Signature[] = [
  {
    // The AMQP opening handshake cut short: the RabbitMQ Java client's bare "ShutdownSignalException:
    // connection error" (a refusal by the broker carries "; protocol method: ... reply-code=403"), pika's
    // IncompatibleProtocolError / "Transport indicated EOF", amqplib's "Socket closed abruptly during
    // opening handshake".
    all: [
      /ShutdownSignalException: connection error|\bIncompatibleProtocolError\b|\bTransport indicated EOF\b|Socket closed abruptly during opening handshake/,
    ],
    confidence: 0.72,
    title: 'The broker connection closed during the protocol handshake: the port does not serve that protocol',
    not: /reply-code|ACCESS_REFUSED|NOT_ALLOWED|PRECONDITION_FAILED|[Ll]ogin was refused|protocol method|vhost/,
  },
  {
    // Bytes of an HTTP response read as the protocol's own framing: 1195725856 and 1213486160 are "GET "
    // and "HTTP" read as a 4-byte frame size (Kafka's "Invalid receive (size = 1213486160 ...)"), and a
    // Redis reply that starts with "H" is "HTTP/1.1 ..." (redis-py and ioredis: "Protocol error, got "H"
    // as reply type byte"). The client is talking to an HTTP port.
    all: [
      /\bsize = (?:1195725856|1213486160)\b|\b[Ii]nvalid (?:response|receive|frame) size:? (?:1195725856|1213486160)\b|Protocol error, got "H" as reply type byte/,
    ],
    confidence: 0.76,
    title: 'The client reached an HTTP listener instead of the dependency: the port is wrong',
  },
  {
    // libpq opened the TCP connection and could not even send its first packet ("could not send SSL
    // negotiation packet: Connection reset by peer", "could not send startup packet: Resource temporarily
    // unavailable"): the far end reset or stalled before PostgreSQL spoke, as a proxy, a mesh sidecar not yet
    // ready or a policy-dropped path does. "received invalid response to SSL negotiation: H" is an HTTP port.
    all: [
      /\bcould not send (?:SSL negotiation|startup|GSSAPI negotiation) packet: |\breceived invalid response to (?:SSL|GSSAPI) negotiation: /,
    ],
    confidence: 0.7,
    title: 'The connection to PostgreSQL opened but broke before the server answered',
  },
];
