/**
 * data_dir_conflict's bolt family: bolt/bbolt (InfluxDB, etcd, Consul, Vault, OpenTelemetry's file_storage)
 * waits for the flock on its database file and gives up with a bare "timeout" while another process (the old
 * pod, a second replica on the volume) holds it. The data-dir-conflict rule lists these after its lock signatures.
 */
import type { Signature } from './log-helpers.ts';

export const BOLT_TIMEOUT_SIGNATURES: Signature[] = [
  {
    // bolt/bbolt (InfluxDB, etcd, Consul, Vault) waits for an flock that another process holds.
    all: [/open boltdb: timeout|bolt(?: file|db)?: timeout|[Ff]ailed opening bolt/],
    confidence: 0.75,
    title: 'The database file is locked by another process (bolt lock timeout)',
  },
  {
    // bolt/bbolt's open waits for the flock and then fails with a bare "timeout" (its ErrTimeout), wrapped
    // by whatever opened the store: OpenTelemetry's file_storage "storage client: timeout", "failed to open
    // state store: timeout", "open /data/meta.db: timeout". Two pods on one hostPath or volume (a
    // DaemonSet surge, a Deployment rolling over an RWO claim): the old one still holds the lock.
    all: [
      /(?:\bstorage client|\bfile_storage|\b(?:open|opening) (?:the )?(?:[\w-]{1,40} )?(?:database|db|store|storage|state|index)(?: \/[^\s:]{1,200})?|\w\.(?:db|bolt|boltdb)): timeout\b(?! (?:after|waiting|exceeded|expired|of)\b)/,
    ],
    confidence: 0.8,
    title: 'The local store is locked by another process (bolt lock timeout; the old pod still holds it)',
    // A connection or a request that timed out is a network dependency, not a file lock.
    not: /[Cc]onnect|\bdial\b|\btcp\b|i\/o timeout|[Dd]eadline|[Ll]ookup|[Hh]andshake|[Rr]equest|HTTP|[Qq]uery|\bping\b|[Rr]edis|[Pp]ostgres|MySQL|[Mm]ongo|bolt:\/\/|neo4j/,
  },
];
