/**
 * The handshake readings of dependency-unreachable-handshake.ts: a client whose protocol handshake met a
 * port that does not speak its protocol is claimed for other clients than the batch's Spring AMQP case,
 * and a broker that answered and refused the login is not; libpq that could not send its first packet is
 * claimed too, and a server without SSL asked for it is not.
 */
import { dependencyUnreachable } from '../../../src/diagnosis/rules/dependency-unreachable.ts';
import { ruleTable } from './helpers.ts';

ruleTable(dependencyUnreachable, 'dependency_unreachable', {
  positives: [
    {
      name: 'a pika consumer pointed at the management port sees the stream end during the handshake',
      log: 'INFO:pika.adapters.utils.connection_workflow:Pika version 1.3.2 connecting to (\'10.0.4.12\', 15672)\nERROR:pika.adapters.blocking_connection:Connection workflow failed: AMQPConnectionWorkflowFailed\npika.exceptions.IncompatibleProtocolError: StreamLostError: ("Transport indicated EOF",)',
      exitCode: 1,
      min: 0.7,
      best: 'dependency_unreachable',
    },
    {
      name: 'an amqplib worker whose socket closes during the opening handshake',
      log: 'Error: Socket closed abruptly during opening handshake\n    at Socket.endWhileOpening (/app/node_modules/amqplib/lib/connection.js:260:17)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a redis-py client aimed at an HTTP port reads "HTTP/1.1" as a reply',
      log: 'redis.exceptions.InvalidResponse: Protocol error, got "H" as reply type byte',
      exitCode: 1,
      min: 0.7,
      best: 'dependency_unreachable',
    },
    {
      name: 'a psycopg connection whose first packet to PostgreSQL could not be sent',
      log: 'django.db.utils.OperationalError: connection to server at "orders-pg" (10.96.0.12), port 5432 failed: could not send SSL negotiation packet: Resource temporarily unavailable',
      exitCode: 1,
      min: 0.65,
      best: 'dependency_unreachable',
    },
  ],
  negatives: [
    {
      name: 'libpq asked for SSL by a server that has none is a setting, not an unreachable server',
      log: 'psql: error: connection to server at "orders-pg" (10.96.0.12), port 5432 failed: server does not support SSL, but SSL was required',
      exitCode: 2,
    },
    {
      name: 'a RabbitMQ broker that answered and refused the login is an auth failure',
      log: 'Caused by: com.rabbitmq.client.ShutdownSignalException: connection error; protocol method: #method<connection.close>(reply-code=403, reply-text=ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN, class-id=0, method-id=0)',
      exitCode: 1,
    },
    {
      name: 'a Redis protocol error from a malformed command is not a wrong port',
      log: 'redis.exceptions.ResponseError: Protocol error: invalid multibulk length',
      exitCode: 1,
    },
  ],
});
