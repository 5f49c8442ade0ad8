/**
 * The one list of crash causes exitcode can name. The ids from ../shared/crashlogs/TAXONOMY.md are a
 * contract (classify --json reports them, benchmarks compare against them); the ones after them are
 * causes that show in the pod's status, spec or events rather than in its log.
 */
export const TAXONOMY = {
  missing_env_var: {
    description: 'A required environment variable was not set, or not passed into the container.',
    hint: 'Set the variable in the pod spec (env / envFrom) or the Secret/ConfigMap it comes from, then restart.',
  },
  permission_denied: {
    description: 'The container user lacks permission on a file, directory, volume, socket or privileged port.',
    hint: 'Align runAsUser/fsGroup with the volume owner, or listen on a port >= 1024.',
  },
  bad_command_args: {
    description: "The container's command, args or entrypoint invocation is wrong.",
    hint: 'Compare command/args in the pod spec with the program usage; check quoting and removed flags.',
  },
  db_migration_failure: {
    description: 'A schema migration run at start-up failed.',
    hint: 'Inspect the migration history table; fix or squash the offending migration before rolling out again.',
  },
  runtime_version_mismatch: {
    description: 'The runtime in the image is too old or too new for the app or its config.',
    hint: 'Build the image on the runtime version the app targets (check the base image tag).',
  },
  data_dir_conflict: {
    description: 'The persisted data directory is in a state the server refuses (not empty, stale id, locked).',
    hint: 'Point the server at an empty sub-directory of the volume, or remove the stale lock/cluster id.',
  },
  exec_format_error: {
    description: 'The binary was built for a different CPU architecture than the node.',
    hint: 'Build a multi-arch image (docker buildx --platform linux/amd64,linux/arm64) or pin the pod to matching nodes.',
  },
  exec_permission_denied: {
    description: 'The entrypoint exists but is not executable by the container user (exit 126).',
    hint: 'chmod +x the entrypoint in the Dockerfile (COPY --chmod=755) or invoke it through its interpreter.',
  },
  missing_dependency: {
    description: 'A library, package, gem or module the app imports is not installed in the image.',
    hint: 'Declare the dependency in the manifest (package.json, requirements.txt, Gemfile, go.mod) and rebuild the image.',
  },
  script_crlf_line_endings: {
    description: 'A shell entrypoint has Windows CRLF line endings, so its shebang or commands break.',
    hint: 'Convert the script to LF (dos2unix, or .gitattributes "*.sh text eol=lf") and rebuild.',
  },
  bad_config: {
    description: 'A configuration file or value is syntactically or semantically invalid.',
    hint: 'Validate the config the container actually receives (ConfigMap contents, mounted file) against the server version.',
  },
  command_not_found: {
    description: 'The configured executable does not exist in the image or on PATH (exit 127).',
    hint: 'Check the command in the pod spec against the image contents (an absolute path avoids PATH surprises).',
  },
  disk_full: {
    description: 'A volume or filesystem has no space left.',
    hint: 'Free or grow the volume (PVC resize, emptyDir sizeLimit, log rotation).',
  },
  heap_out_of_memory: {
    description: 'The runtime hit its own heap limit inside the process (V8, JVM), not a cgroup kill.',
    hint: 'Raise the runtime heap limit (--max-old-space-size, -Xmx) in line with the container memory limit, or fix the leak.',
  },
  missing_file: {
    description: 'A file or directory the process needs is absent from the container.',
    hint: 'Ship the file in the image or mount it; check that a volume mount is not hiding it.',
  },
  read_only_filesystem: {
    description: 'The app writes to a path on a read-only root filesystem.',
    hint: 'Mount an emptyDir at the path the app writes to, or make the app write elsewhere.',
  },
  auth_failure: {
    description: 'Credentials are rejected by a dependency or by the persisted database.',
    hint: 'Check that the Secret holds the credentials the dependency (or the existing data volume) expects.',
  },
  data_version_incompatible: {
    description: 'Persisted data was created by a different major version of the server than the image runs.',
    hint: 'Run the image version that created the data, or upgrade the data (pg_upgrade, dump and restore).',
  },
  dependency_unreachable: {
    description: 'A dependency resolves but cannot be connected to (connection refused or timeout).',
    hint: 'Check that the dependency is running and that the app points at its Service name and port, not localhost.',
  },
  dns_resolution_failure: {
    description: 'A dependency hostname cannot be resolved.',
    hint: 'Check the host name against the Service (name.namespace.svc) and that the Service exists.',
  },
  missing_shared_library: {
    description: 'A dynamically linked binary cannot load its loader or libc in the image (glibc vs musl, cgo).',
    hint: 'Build statically (CGO_ENABLED=0) or use a base image with the matching libc.',
  },
  oom_killed: {
    description: 'The container was killed by the kernel OOM killer for exceeding its memory limit.',
    hint: 'Raise resources.limits.memory, or lower the app memory use; compare usage with the limit.',
  },
  port_in_use: {
    description: 'The listen port is already bound by another process in the same network namespace.',
    hint: 'Give each container of the pod its own port (containers share the pod network namespace).',
  },
  tls_certificate_error: {
    description: 'TLS verification fails at start-up (unknown authority, self-signed chain, missing CA bundle).',
    hint: 'Install the CA bundle in the image (ca-certificates) or mount the internal CA and point the app at it.',
  },
  app_bug: {
    description: "A bug in the application's own code (unhandled exception or panic).",
    hint: 'Fix the code at the top frame of the stack trace; roll back to the last good revision meanwhile.',
  },
  host_kernel_limit: {
    description: 'A node-level kernel setting is below what the software requires.',
    hint: 'Raise the setting on the nodes (for example with a privileged init container or node tuning).',
  },
  probe_failure: {
    description: 'The kubelet killed a running container because its liveness probe failed.',
    hint: 'Check the probe path and port, and give slow starters a startupProbe or a longer initialDelaySeconds.',
  },
  segfault: {
    description: 'The process crashed natively (SIGSEGV, exit 139).',
    hint: 'Look for a libc/musl or seccomp incompatibility in the base image; get a core dump if it persists.',
  },
  missing_config_reference: {
    description:
      'The pod references a ConfigMap, Secret or key that does not exist, so the container cannot be created.',
    hint: 'Create the referenced ConfigMap/Secret (or key) in the namespace, or mark the reference optional.',
  },
  image_pull_failure: {
    description: 'The image cannot be pulled (wrong name or tag, missing credentials, registry unreachable).',
    hint: 'Check the image reference and tag exist, and that imagePullSecrets grant access to the registry.',
  },
  init_container_failure: {
    description: 'An init container keeps failing, so the app containers never start.',
    hint: "Diagnose the init container's own log; the app containers wait for it.",
  },
  sigterm_shutdown: {
    description: 'The container stopped on SIGTERM (exit 143): a normal shutdown, unless nothing asked for one.',
    hint: 'If nobody drained or deleted the pod, look for evictions, preemption or a failing probe in the events.',
  },
  exited_successfully: {
    description: 'The process exited 0, but the pod restarts it: a long-running container that finishes is restarted.',
    hint: 'Make the main process stay in the foreground, or run finite work as a Job.',
  },
  bad_rollout: {
    description: 'The crashes began right after the workload rolled out a new revision.',
    hint: 'Compare the new revision with the previous one; roll back (kubectl rollout undo) while you fix it.',
  },
  evicted: {
    description: 'The kubelet evicted the pod because the node ran short of memory, disk or PIDs.',
    hint: 'Look at the node conditions; set requests so the scheduler places the pod where it fits.',
  },
  unknown: {
    description: 'Nothing in the evidence matches a known cause.',
    hint: 'Read the full previous log and the events; exit codes and the last lines before the crash are the best leads.',
  },
} as const satisfies Record<string, { description: string; hint: string }>;

export type CategoryId = keyof typeof TAXONOMY;

export const CATEGORY_IDS = Object.keys(TAXONOMY) as CategoryId[];

export const isCategoryId = (value: string): value is CategoryId => Object.hasOwn(TAXONOMY, value);
