/**
 * The ordered rule registry. Order is the tie-break when two rules are equally confident, so more
 * specific causes come before the generic ones. Adding a rule: one import and one entry here.
 */
import type { Rule } from '../rule.ts';
import { missingConfigReference } from './missing-config-reference.ts';
import { oomLimit } from './oom-limit.ts';
import { probeFailure } from './probe-failure.ts';
import { readOnlyRootfs } from './read-only-rootfs.ts';
import { nonRootPort } from './non-root-port.ts';
import { nonRootVolume } from './non-root-volume.ts';
import { archMismatch } from './arch-mismatch.ts';
import { badRollout } from './bad-rollout.ts';
import { initContainerFailure } from './init-container-failure.ts';
import { imagePullFailure } from './image-pull-failure.ts';
import { evicted } from './evicted.ts';
import { sigtermShutdown } from './sigterm-shutdown.ts';
import { exitedSuccessfully } from './exited-successfully.ts';
// Log-based rules (H1): specific causes first, generic readings (connection, stack trace) last.
import { execFormatError } from './exec-format-error.ts';
import { scriptCrlfLineEndings } from './script-crlf-line-endings.ts';
import { missingSharedLibrary } from './missing-shared-library.ts';
import { execPermissionDenied } from './exec-permission-denied.ts';
import { commandNotFound } from './command-not-found.ts';
import { readOnlyFilesystem } from './read-only-filesystem.ts';
import { diskFull } from './disk-full.ts';
import { heapOutOfMemory } from './heap-out-of-memory.ts';
import { oomKilled } from './oom-killed.ts';
import { segfault } from './segfault.ts';
import { hostKernelLimit } from './host-kernel-limit.ts';
import { portInUse } from './port-in-use.ts';
import { tlsCertificateError } from './tls-certificate-error.ts';
import { dnsResolutionFailure } from './dns-resolution-failure.ts';
import { authFailure } from './auth-failure.ts';
import { dataVersionIncompatible } from './data-version-incompatible.ts';
import { dataDirConflict } from './data-dir-conflict.ts';
import { dbMigrationFailure } from './db-migration-failure.ts';
import { runtimeVersionMismatch } from './runtime-version-mismatch.ts';
import { missingDependency } from './missing-dependency.ts';
import { missingEnvVar } from './missing-env-var.ts';
import { missingFile } from './missing-file.ts';
import { permissionDenied } from './permission-denied.ts';
import { badCommandArgs } from './bad-command-args.ts';
import { badConfig } from './bad-config.ts';
import { dependencyUnreachable } from './dependency-unreachable.ts';
import { appBug } from './app-bug.ts';

export const RULES: readonly Rule[] = [
  missingConfigReference,
  oomLimit,
  probeFailure,
  readOnlyRootfs,
  nonRootPort,
  nonRootVolume,
  archMismatch,
  badRollout,
  initContainerFailure,
  imagePullFailure,
  evicted,
  sigtermShutdown,
  exitedSuccessfully,
  execFormatError,
  scriptCrlfLineEndings,
  missingSharedLibrary,
  execPermissionDenied,
  commandNotFound,
  readOnlyFilesystem,
  diskFull,
  heapOutOfMemory,
  oomKilled,
  segfault,
  hostKernelLimit,
  portInUse,
  tlsCertificateError,
  dnsResolutionFailure,
  authFailure,
  dataVersionIncompatible,
  dataDirConflict,
  dbMigrationFailure,
  runtimeVersionMismatch,
  missingDependency,
  missingEnvVar,
  missingFile,
  permissionDenied,
  badCommandArgs,
  badConfig,
  dependencyUnreachable,
  appBug,
];
