/** port_in_use: the listen port is already bound (containers of a pod share one network namespace). */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/[Aa]ddress already in use|\bEADDRINUSE\b|\bkind: AddrInUse\b/],
    confidence: 0.92,
    title: 'The listen port is already in use',
  },
  {
    all: [/[Aa]ddress in use \(98\)|\(98: Address in use\)|errno 98|\[Errno 98\]/],
    confidence: 0.92,
    title: 'The listen port is already in use',
  },
  {
    all: [/port is already allocated|[Pp]ort \d+ (?:is|was) already in use|Only one usage of each socket address/],
    confidence: 0.9,
    title: 'The listen port is already in use',
  },
  { all: [/already bound|Address already bound/], confidence: 0.75, title: 'The listen address is already bound' },
  {
    // Erlang distribution: the node name (and its port via epmd) is held by another node.
    all: [/seems to be in use by another Erlang node/],
    confidence: 0.82,
    title: 'The Erlang node name/port is already in use by another node',
  },
  // gunicorn's wording for EADDRINUSE.
  { all: [/\bConnection in use: \(/], confidence: 0.88, title: 'The listen port is already in use' },
];

export const portInUse = signatureRule({
  id: 'port-in-use',
  category: 'port_in_use',
  signatures: SIGNATURES,
  options: { recoverable: true },
  steps: (ctx) => [
    `List the ports of every container in the pod (they share one network): ${kubectl.podSpec(ctx.target, '{range .spec.containers[*]}{.name}: {.ports[*].containerPort}{"\\n"}{end}')}`,
    'Check for a second process in the same container binding the port (supervisor, a restarted daemon, hostNetwork)',
  ],
});
