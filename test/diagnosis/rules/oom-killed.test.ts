import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oomKilled } from '../../../src/diagnosis/rules/oom-killed.ts';
import { contextFor, ruleTable } from './helpers.ts';

ruleTable(oomKilled, 'oom_killed', {
  positives: [
    { name: 'OOMKilled with a silent log', log: '', exitCode: 137, reason: 'OOMKilled', min: 0.9 },
    {
      name: 'OOMKilled with an ordinary JVM start-up log',
      log: 'Using config: /conf/zoo.cfg\nStarting zookeeper ... STARTED\n[WARN  tini (1)] Reaped zombie process with pid=38',
      exitCode: 137,
      reason: 'OOMKilled',
      min: 0.9,
    },
    {
      name: 'events report OOMKilled (describe output pasted as an event)',
      log: 'worker started',
      exitCode: 137,
      events: [
        {
          type: 'Warning',
          reason: 'BackOff',
          message: 'Last State: Terminated Reason: OOMKilled Exit Code: 137',
          count: 4,
        },
      ],
      min: 0.85,
    },
    {
      name: 'kernel message in the log',
      log: 'Memory cgroup out of memory: Killed process 4242 (java) total-vm:4000000kB',
      min: 0.75,
    },
    {
      name: 'a shell reports its child Killed, exit 137',
      log: 'building index...\n/app/run.sh: line 4:    17 Killed                  python build.py',
      exitCode: 137,
      min: 0.55,
      max: 0.7,
    },
  ],
  negatives: [
    { name: 'exit 1 with no OOM sign', log: 'Error: boom', exitCode: 1 },
    {
      name: 'a word "killed" in app text',
      log: 'INFO job 42 killed by user request\nINFO next job',
      exitCode: 0,
      reason: 'Completed',
    },
  ],
});

test('oom-killed: 137 with a non-OOM reason is only a weak reading', () => {
  const finding = oomKilled.match(contextFor({ name: '', log: '', exitCode: 137, reason: 'Error' }));
  assert.ok(finding && finding.confidence <= 0.5);
});
