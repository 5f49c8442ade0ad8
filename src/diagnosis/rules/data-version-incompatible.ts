/** data_version_incompatible: the data on the volume was written by another major version of the server. */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/database files are incompatible with server/],
    confidence: 0.95,
    title: 'The data directory was created by another PostgreSQL major version',
  },
  {
    all: [/The data directory was initialized by PostgreSQL version/],
    confidence: 0.93,
    title: 'The data directory was created by another PostgreSQL major version',
  },
  {
    all: [
      /UPGRADE PROBLEM: The data files need to be fully upgraded|Invalid feature compatibility version|featureCompatibilityVersion/,
    ],
    confidence: 0.85,
    title: 'The MongoDB data files are from an incompatible version',
  },
  {
    all: [
      /[Cc]annot downgrade a node from version|cannot upgrade a node from version|but the minimum compatible version/,
    ],
    confidence: 0.88,
    title: 'The Elasticsearch data is from an incompatible version',
  },
  {
    all: [
      /Invalid MySQL server downgrade|Unsupported redo log format|The redo log was created with (?:MySQL|MariaDB) \d|Cannot boot server version \d+ on data directory built by version|Upgrade is not supported after a crash|Upgrade after a crash is not supported|downgrade is not supported/i,
    ],
    confidence: 0.85,
    title: 'The MySQL/MariaDB data is from an incompatible version',
  },
  {
    all: [/unsupported WiredTiger file version|this build only supports versions up to \d+/],
    confidence: 0.85,
    title: 'The MongoDB data files were written by a newer MongoDB than the image runs',
  },
  {
    all: [/Can't handle RDB format version \d+/],
    confidence: 0.88,
    title: 'The Redis dump was written by a newer Redis than the image runs',
  },
  {
    all: [/created (?:in|with) version \[[0-9.]{1,16}\]/, /upgrad|minimum compatible|re-?index/i],
    confidence: 0.85,
    title: 'An Elasticsearch index was created by a version this one cannot read',
  },
  {
    // MinIO dropped the single-drive "fs" backend: old data needs a migration, not a restart.
    all: [/found backend type fs, expected xl|[Uu]nsupported backend format/],
    confidence: 0.85,
    title: 'The MinIO data uses a backend format this version no longer supports',
  },
  {
    all: [
      /[Ii]ncompatible (?:data|storage|on-disk) (?:format|version)|data format version \d+ is not supported|created by a newer version|unsupported (?:data|storage) version/,
    ],
    confidence: 0.7,
    title: 'The stored data is from an incompatible version',
    // A lockfile from a newer package manager is the runtime's version, not the data's.
    not: /lockfile|lock file|bun\.lock|deno\.lock/i,
  },
  {
    all: [/Incompatible SSTable found|Please run upgradesstables/],
    confidence: 0.85,
    title: 'The Cassandra data files are from another version (upgradesstables)',
  },
];

export const dataVersionIncompatible = signatureRule({
  id: 'data-version-incompatible',
  category: 'data_version_incompatible',
  signatures: SIGNATURES,
  steps: (ctx) => [
    `Compare the image version with the one that wrote the data: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].image}')}`,
    `If the image changed recently, roll back while you plan the upgrade: ${kubectl.rolloutHistory(ctx.target)}`,
    'Upgrade the data explicitly (pg_upgrade, dump and restore) rather than pointing a new major version at old data',
  ],
});
