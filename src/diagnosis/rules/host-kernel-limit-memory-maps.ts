/**
 * host_kernel_limit's readings of memory the kernel refuses to map or pin for reasons other than the pod's
 * memory limit: a runtime's up-front virtual address reservation under strict overcommit (vm.overcommit_memory=2)
 * or a small ulimit -v, and RDMA memory registration under a low RLIMIT_MEMLOCK. The host-kernel-limit rule
 * lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const MEMORY_MAP_SIGNATURES: Signature[] = [
  {
    // Runtimes reserve a large virtual range at start and fail before any allocation is charged to the cgroup:
    // .NET "GC heap initialization failed with error 0x8007000E" / "Failed to create CoreCLR, HRESULT:
    // 0x8007000E" (E_OUTOFMEMORY), Go "runtime: cannot reserve arena virtual address space", "failed to reserve
    // page summary memory". Nothing was OOM-killed even when the exit code is 137: the node's overcommit policy
    // or an address-space ulimit refused the reservation.
    all: [
      /\bGC heap initialization failed\b|\bFailed to create CoreCLR, HRESULT: 0x8007000E\b|\bcannot reserve arena virtual address space\b|\bfailed to reserve page summary memory\b/,
    ],
    confidence: 0.72,
    title:
      'The runtime could not reserve its address space at start (strict overcommit, vm.overcommit_memory=2, or ulimit -v)',
  },
  {
    // HotSpot commits its heap (-Xms, AlwaysPreTouch) or other reserved ranges with mmap at start: "os::commit_memory
    // (0x..., 1073741824, 0) failed; error='Not enough space' (errno=12)" (or 'Cannot allocate memory'), then
    // "Native memory allocation (mmap) failed to map N bytes for committing reserved memory". The cgroup never
    // refuses an mmap (it OOM-kills on use instead), so ENOMEM here is the node's overcommit policy
    // (vm.overcommit_memory=2) or an address-space ulimit. A failed malloc is left out: real exhaustion words it so.
    all: [
      /\bos::commit_memory\([^()\n]{0,80}\) failed; error='[^'\n]{1,60}' \(errno=12\)|\bNative memory allocation \(mmap\) failed to map \d{1,20} bytes for committing reserved memory\b/,
    ],
    confidence: 0.76,
    title:
      'The JVM could not commit its reserved heap at start: the node refuses the mapping (strict overcommit, vm.overcommit_memory=2, or ulimit -v)',
  },
  {
    // RDMA verbs pin the buffers they register, charged to RLIMIT_MEMLOCK: NCCL "Call to ibv_reg_mr failed with
    // error Cannot allocate memory", UCX/libfabric/MPI "ibv_reg_mr(...) failed: Cannot allocate memory",
    // "ibv_create_cq failed: Cannot allocate memory", Open MPI's "registered memory limit" warning. A pod with
    // the default 64 KiB memlock limit fails at the first registration, whatever memory is free.
    all: [
      /\bibv_(?:reg_mr|reg_dmabuf_mr|create_cq|create_qp|create_srq)\b[^\n]{0,120}(?:Cannot allocate memory|\bENOMEM\b|errno:? ?12\b)|\b(?:[Ff]ailed to|[Cc]ould(?:n't| not)|[Uu]nable to) (?:register|pin) (?:the )?(?:memory|buffers?)\b[^\n]{0,80}(?:RDMA|InfiniBand|\bibv|verbs|memlock|locked memory)|\bregistered memory limit\b[^\n]{0,80}(?:too low|memlock|ulimit)/,
    ],
    confidence: 0.84,
    title: 'RDMA memory registration failed: the memlock limit (ulimit -l) is too low for InfiniBand/RoCE',
  },
];
