import { hostKernelLimit } from '../../../src/diagnosis/rules/host-kernel-limit.ts';
import { ruleTable } from './helpers.ts';

ruleTable(hostKernelLimit, 'host_kernel_limit', {
  positives: [
    {
      name: "PostgreSQL outgrowing the container's /dev/shm",
      log: '2024-09-01 10:09:00.100 UTC [68] ERROR:  could not resize shared memory segment "/PostgreSQL.2871637364" to 16777216 bytes: No space left on device',
      min: 0.85,
    },
    {
      name: 'elasticsearch bootstrap checks',
      log: 'ERROR: [1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\nbootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]',
      exitCode: 78,
      min: 0.9,
    },
    {
      name: 'elasticsearch file descriptors',
      log: '[1]: max file descriptors [4096] for elasticsearch process is too low, increase to at least [65535]',
      min: 0.85,
    },
    {
      name: 'node file watchers',
      log: "Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src'",
      min: 0.85,
    },
    {
      name: 'too many open files',
      log: 'accept tcp [::]:8080: accept4: too many open files; retrying in 1s\nlevel=fatal msg="accept: too many open files"',
      min: 0.55,
    },
  ],
  negatives: [
    { name: 'a sysctl mentioned in docs', log: 'INFO tip: tune net.core.somaxconn for high load\nINFO ready' },
    { name: 'a real disk full', log: 'ERROR: could not write block: No space left on device' },
  ],
});
