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
  {
    // The same bare "timeout" as the cause an index or store client was built on, wrapped Go-style (pkg/errors
    // puts the cause first: Loki/Cortex boltdb-shipper 'err="timeout\\nerror creating index client"', or
    // "error creating index client: timeout"): a rolling update over an RWX claim, the old pod holds the file.
    all: [
      /\berr(?:or)?[=:] ?"?timeout(?:\\n|: )(?:error|failed to) (?:creating|create|opening|open|initiali[sz]ing|init) (?:the )?(?:[\w-]{1,30} )?(?:index|store|storage|db|database|table)\b|\b(?:creating|opening|initiali[sz]ing) (?:the )?(?:[\w-]{1,30} )?(?:index|store|storage|table) (?:client|manager|store): timeout\b(?! (?:after|waiting|exceeded|expired|of)\b)/,
    ],
    confidence: 0.78,
    title: 'The local index store is locked by another process (bolt lock timeout; the old pod still holds it)',
    not: /[Cc]onnect|\bdial\b|\btcp\b|i\/o timeout|[Dd]eadline|[Ll]ookup|[Hh]andshake|[Rr]equest|HTTP|[Qq]uery|\bping\b|[Rr]edis|[Pp]ostgres|MySQL|[Mm]ongo|[Cc]assandra|[Bb]ig[Tt]able|[Dd]ynamo|bolt:\/\/|neo4j/,
  },
];
