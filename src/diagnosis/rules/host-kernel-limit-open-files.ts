/**
 * host_kernel_limit's readings of the open-file limit (nofile) as a framework words it without EMFILE: PyTorch's
 * DataLoader passes tensors between workers as file descriptors (the file_descriptor sharing strategy), so a
 * low `ulimit -n` surfaces as a short SCM_RIGHTS message, not as "Too many open files". The host-kernel-limit
 * rule lists these among its own signatures, with a server's accept() running out of descriptors, which names the
 * limit (one descriptor per client) rather than a leak.
 */
import type { Signature } from './log-helpers.ts';

export const OPEN_FILE_LIMIT_SIGNATURES: Signature[] = [
  {
    // multiprocessing's recvfds gets fewer descriptors than were sent when the receiver's nofile limit is
    // reached ("RuntimeError: received 0 items of ancdata"); PyTorch's own hint says the same in words ("Too
    // many open files. Communication with the workers is no longer possible. Please increase the limit using
    // `ulimit -n` ... set_sharing_strategy('file_system')").
    all: [
      /\breceived \d{1,6} items of ancdata\b|\bCommunication with the workers is no longer possible\b|\bincrease the limit using `?ulimit -n`?|\bset_sharing_strategy\(['"]file_system['"]\)/,
    ],
    confidence: 0.82,
    title: 'The open-file limit (ulimit -n) is too low for the descriptors the DataLoader workers pass',
  },
  {
    // A server whose accept() runs out of descriptors: it holds one per client (websockets, long polls), so the
    // soft nofile limit (1024 under some runtimes) caps the clients, and the kubelet's probe connections are
    // refused next. asyncio's "socket.accept() out of system resource", Go's "http: Accept error: accept tcp
    // [::]:8080: accept4: too many open files", libuv/nginx "accept4() failed (24: Too many open files)".
    all: [
      /\baccept\(\) out of system resource\b|\baccept4?(?:\(\))?(?: failed)?:? \(?(?:24: )?(?:[Tt]oo many open files|EMFILE)\b|\bAccept error: accept tcp[^\n]{0,120}: too many open files\b/,
    ],
    confidence: 0.8,
    title: 'The open-file limit (ulimit -n) caps the connections the server can accept',
  },
];

/**
 * The log counts thousands of files the app opens at once ("Loading 3912 segments from /data/log", "Opening
 * 12000 SSTables", "Found 5120 shards"): an EMFILE right after is the open-file limit sized below the data set,
 * not a descriptor leak, which needs time to pile up. The rule raises its EMFILE reading when this is in the log.
 */
export const MANY_FILES_OPENED =
  /\b(?:[Ll]oading|[Oo]pening|[Ss]canning|[Ff]ound|[Rr]eplaying|[Rr]ecovering|[Ii]ndexing|[Mm]apping|[Ww]atching) \d{1,3}(?:,?\d{3}){1,3} (?:log |data |index |WAL |wal |segment |journal )?(?:segments?|files|shards|partitions|sstables|SSTables|indices|indexes|tables|chunks|blocks|logs|journals)\b/;
