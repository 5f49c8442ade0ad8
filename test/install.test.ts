/**
 * Static checks on what gets installed: Docker is not available in CI, so the Dockerfile is checked for
 * the facts that matter, and the Slack manifest and Kubernetes manifests are parsed and inspected.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../src/config.ts';
import { renderChart } from './helpers/helm-template.ts';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is inspected structurally; the assertions are the type check.
type Doc = Record<string, any>;
const docsOf = (path: string): Doc[] =>
  parseAllDocuments(read(path)).map((doc) => {
    assert.deepEqual(doc.errors, [], `${path} parses`);
    return doc.toJS() as Doc;
  });

/** What both the plain Deployment and the chart's must hold: non-root, read-only, no privileges, probed, sized. */
const assertLockedDown = (pod: Doc): void => {
  const [container] = pod.containers;
  assert.equal(pod.securityContext.runAsNonRoot, true);
  assert.equal(pod.securityContext.runAsUser, 10001);
  assert.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault');
  assert.equal(container.securityContext.readOnlyRootFilesystem, true);
  assert.equal(container.securityContext.allowPrivilegeEscalation, false);
  assert.deepEqual(container.securityContext.capabilities.drop, ['ALL']);
  assert.equal(container.livenessProbe.httpGet.path, '/healthz');
  assert.equal(container.readinessProbe.httpGet.path, '/readyz');
  assert.ok(container.resources.limits.memory && container.resources.requests.cpu);
};

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const instructions = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const froms = [...instructions.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)];
  const runtimeStart = instructions.lastIndexOf(froms.at(-1)![0]);
  const runtime = instructions.slice(runtimeStart);

  test('multi-stage on Node 24', () => {
    assert.ok(froms.length >= 2);
    for (const from of froms) assert.match(from[1]!, /^node:24(-|@|$)/);
  });

  test('production stage: production dependencies only, compiled dist/, run as non-root uid', () => {
    assert.match(instructions, /npm ci --omit=dev/);
    assert.doesNotMatch(runtime, /npm ci(?! --omit=dev)/, 'the runtime stage never installs dev dependencies');
    const users = [...runtime.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]!);
    assert.equal(users.length, 1);
    assert.match(users[0]!, /^10001(:10001)?$/);
    assert.match(runtime, /^ENTRYPOINT \["node", "dist\/cli\/main\.js", "serve"\]$/m);
    assert.match(runtime, /^EXPOSE 3000$/m);
    assert.match(runtime, /HOME=\/tmp/);
    assert.doesNotMatch(instructions, /^HEALTHCHECK/m);
    // USER comes after every COPY/RUN, so nothing the bot runs as can write the app files.
    assert.ok(runtime.lastIndexOf('USER') > runtime.lastIndexOf('COPY'));
  });

  test('never copies secrets or the whole context into the image', () => {
    assert.doesNotMatch(instructions, /^COPY\s+.*\.env/m);
    assert.doesNotMatch(instructions, /^COPY\s+\.\s/m);
    assert.doesNotMatch(instructions, /^ADD\s/m);
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['.env', 'node_modules', '.git']) assert.ok(ignored.includes(entry), entry);
  });
});

describe('Slack app manifest', () => {
  const [manifest] = docsOf('manifest.yml');

  test('slash command, mention event, interactivity and Socket Mode', () => {
    const [command] = manifest!.features.slash_commands;
    assert.equal(command.command, '/exitcode');
    assert.match(command.usage_hint, /<pod>/);
    assert.equal(manifest!.features.bot_user.display_name, 'exitcode');
    assert.deepEqual(manifest!.settings.event_subscriptions.bot_events, ['app_mention']);
    assert.equal(manifest!.settings.interactivity.is_enabled, true);
    assert.equal(manifest!.settings.socket_mode_enabled, true);
    assert.equal(manifest!.settings.org_deploy_enabled, false);
  });

  test('only the minimal bot scopes, and no user scopes', () => {
    assert.deepEqual([...manifest!.oauth_config.scopes.bot].sort(), [
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'usergroups:read',
      'users:read',
    ]);
    assert.equal(manifest!.oauth_config.scopes.user, undefined);
  });
});

describe('deploy/', () => {
  const files = readdirSync(join(root, 'deploy')).filter((name) => name.endsWith('.yaml'));
  const all = files.flatMap((name) => docsOf(join('deploy', name)).map((doc) => ({ name, doc })));
  const byKind = (kind: string) => all.filter(({ doc }) => doc.kind === kind).map(({ doc }) => doc);

  test('every file parses and every object has apiVersion, kind and a name', () => {
    assert.ok(files.length >= 8);
    for (const { name, doc } of all) {
      assert.ok(doc.apiVersion && doc.kind, name);
      if (doc.kind !== 'Kustomization') assert.ok(doc.metadata?.name, name);
    }
  });

  test('kustomization lists files that exist, and not the optional remediation RBAC', () => {
    const [kustomization] = byKind('Kustomization');
    for (const resource of kustomization!.resources) assert.ok(files.includes(resource), resource);
    assert.ok(!kustomization!.resources.includes('remediation-rbac.yaml'));
  });

  test('read-only RBAC: get/list/watch on what diagnosis and the scanner read, never secrets, never a write verb', () => {
    const reader = byKind('ClusterRole').find((role) => role.metadata.name === 'exitcode-reader')!;
    const granted = reader.rules.flatMap((rule: Doc) => rule.resources as string[]);
    for (const resource of [
      'pods',
      'pods/log',
      'events',
      'replicasets',
      'deployments',
      'statefulsets',
      'daemonsets',
      'controllerrevisions',
      'jobs',
      'cronjobs',
    ]) {
      assert.ok(granted.includes(resource), resource);
    }
    for (const role of byKind('ClusterRole')) {
      for (const rule of role.rules) {
        assert.ok(!rule.resources.includes('secrets') && !rule.resources.includes('configmaps'));
        assert.ok(!rule.resources.includes('*') && !rule.verbs.includes('*'));
        for (const verb of rule.verbs)
          assert.ok(['get', 'list', 'watch'].includes(verb), `${role.metadata.name}: ${verb}`);
      }
    }
    const binding = byKind('RoleBinding').find((b) => b.roleRef.name === 'exitcode-reader')!;
    assert.equal(binding.roleRef.kind, 'ClusterRole');
    assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: 'exitcode', namespace: 'exitcode' }]);
  });

  test('remediation RBAC is a namespaced Role with exactly the action verbs', () => {
    const [role] = docsOf('deploy/remediation-rbac.yaml').filter((doc) => doc.kind === 'Role');
    const verbs = Object.fromEntries(
      role!.rules.flatMap((rule: Doc) => rule.resources.map((r: string) => [r, rule.verbs])),
    );
    assert.deepEqual(verbs.pods, ['delete']);
    assert.deepEqual(verbs.deployments, ['patch']);
    assert.deepEqual(verbs.events, ['create']);
    assert.ok(!verbs.leases.includes('*'));
  });

  test("scanner RBAC: get/create/update on Leases only, only in the bot's own namespace", () => {
    const role = byKind('Role').find((r) => r.metadata.name === 'exitcode-scanner')!;
    assert.equal(role.metadata.namespace, 'exitcode');
    assert.deepEqual(role.rules, [
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] },
    ]);
    const binding = byKind('RoleBinding').find((b) => b.roleRef.name === 'exitcode-scanner')!;
    assert.equal(binding.metadata.namespace, 'exitcode');
    assert.equal(binding.roleRef.kind, 'Role');
    assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: 'exitcode', namespace: 'exitcode' }]);
  });

  test('deployment: restrictive security context, probes, env from the secret, writable /tmp only', () => {
    const [deployment] = byKind('Deployment');
    const pod = deployment!.spec.template.spec;
    const [container] = pod.containers;
    assert.equal(pod.serviceAccountName, 'exitcode');
    assertLockedDown(pod);
    assert.ok(container.envFrom.some((source: Doc) => source.secretRef?.name === 'exitcode'));
    assert.deepEqual(container.volumeMounts, [{ name: 'tmp', mountPath: '/tmp' }]);
    assert.ok(pod.volumes.find((v: Doc) => v.name === 'tmp').emptyDir);
  });

  test('the ConfigMap holds settings the bot accepts; the Service selects the Deployment on its http port', () => {
    const [config] = docsOf('deploy/configmap.yaml');
    const loaded = loadConfig(
      { ...config!.data, SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'signing-secret' },
      () => {
        throw new Error('no settings file is named');
      },
    );
    assert.deepEqual(loaded.access.defaultNamespaces, ['shop']);
    const [service] = byKind('Service');
    const [deployment] = byKind('Deployment');
    assert.deepEqual(service!.spec.selector, deployment!.spec.selector.matchLabels);
    const ports = deployment!.spec.template.spec.containers[0].ports.map((p: Doc) => p.name);
    assert.ok(ports.includes(service!.spec.ports[0].targetPort));
  });

  test('the example secret carries keys only, no values', () => {
    const [secret] = docsOf('deploy/secret.example.yaml');
    assert.ok('SLACK_BOT_TOKEN' in secret!.stringData && 'SLACK_SIGNING_SECRET' in secret!.stringData);
    for (const value of Object.values(secret!.stringData)) assert.equal(value, '');
  });
});

describe('Helm chart (rendered with the subset renderer in test/helpers/helm-template.ts)', () => {
  const chartDir = join(root, 'deploy/helm/exitcode');
  const kindOf = (objects: Doc[], kind: string) => objects.filter((object) => object.kind === kind);

  test('Chart.yaml and values.yaml parse; defaults are the safe ones', () => {
    const [chart] = docsOf('deploy/helm/exitcode/Chart.yaml');
    assert.equal(chart!.apiVersion, 'v2');
    assert.equal(chart!.name, 'exitcode');
    const [values] = docsOf('deploy/helm/exitcode/values.yaml');
    assert.deepEqual(values!.namespaces, ['default'], 'no cluster-wide read by default');
    assert.equal(values!.remediation.enabled, false, 'no actions by default');
    assert.equal(values!.existingSecret, 'exitcode');
  });

  test('default values render a Deployment as locked down as deploy/deployment.yaml, and no write RBAC', () => {
    const objects = renderChart({ chartDir }) as Doc[];
    const [deployment] = kindOf(objects, 'Deployment');
    const pod = deployment!.spec.template.spec;
    const [container] = pod.containers;
    assertLockedDown(pod);
    const [plain] = docsOf('deploy/deployment.yaml').filter((doc) => doc.kind === 'Deployment');
    assert.deepEqual(container.resources, plain!.spec.template.spec.containers[0].resources, 'same sizing as deploy/');
    for (const object of objects) {
      for (const rule of (object.rules ?? []) as Doc[]) {
        for (const verb of rule.verbs)
          assert.ok(['get', 'list', 'watch'].includes(verb), `${object.metadata.name}: ${verb}`);
      }
    }
    const bindings = kindOf(objects, 'RoleBinding').filter((b) => b.roleRef.name === 'exitcode-reader');
    assert.deepEqual(
      bindings.map((b) => b.metadata.namespace),
      ['default'],
    );
  });

  test('the reader ClusterRole grants what deploy/rbac.yaml grants', () => {
    const rendered = kindOf(renderChart({ chartDir }) as Doc[], 'ClusterRole').find(
      (role) => role.metadata.name === 'exitcode-reader',
    );
    const plain = docsOf('deploy/rbac.yaml').find(
      (doc) => doc.kind === 'ClusterRole' && doc.metadata.name === 'exitcode-reader',
    );
    assert.deepEqual(rendered!.rules, plain!.rules);
  });

  test("namespaces '*' binds cluster-wide; a list binds one RoleBinding per namespace", () => {
    const wide = renderChart({ chartDir, values: { namespaces: ['*'] } }) as Doc[];
    assert.ok(kindOf(wide, 'ClusterRoleBinding').some((b) => b.roleRef.name === 'exitcode-reader'));
    assert.equal(kindOf(wide, 'RoleBinding').filter((b) => b.roleRef.name === 'exitcode-reader').length, 0);
    const listed = renderChart({ chartDir, values: { namespaces: ['shop', 'payments'] } }) as Doc[];
    assert.deepEqual(
      kindOf(listed, 'RoleBinding')
        .filter((b) => b.roleRef.name === 'exitcode-reader')
        .map((b) => b.metadata.namespace),
      ['shop', 'payments'],
    );
    const [config] = kindOf(listed, 'ConfigMap');
    assert.equal(config!.data.EXITCODE_NAMESPACES, 'shop,payments');
  });

  test('every setting the chart renders is one the bot accepts (the ConfigMap and files fed to loadConfig)', () => {
    const objects = renderChart({
      chartDir,
      values: {
        namespaces: ['shop', 'payments'],
        channels: { C0123ABCD: ['shop'] },
        remediation: {
          enabled: true,
          policy: 'rules:\n  - namespaces: [shop]\n    actions: [restart-pod]\n    approvers: { users: [U0123ABCD] }\n',
        },
        scanner: {
          schedule: '*/5 * * * *',
          channel: 'C0123ABCD',
          minRestarts: 5,
          resolveAfter: '15m',
          reopenWithin: '2h',
          ignoreNamespaces: ['kube-system', 'monitoring'],
          ignoreSelectors: ['team=batch', 'canary'],
          digest: '0 9 * * 1-5',
        },
        explain: { mode: 'on-request' },
      },
    }) as Doc[];
    const config = kindOf(objects, 'ConfigMap').find((c) => c.metadata.name === 'exitcode')!;
    const files = kindOf(objects, 'ConfigMap').find((c) => c.metadata.name === 'exitcode-files')!;
    const mounted: Record<string, string> = {
      '/etc/exitcode/config.yaml': files.data['config.yaml'],
      '/etc/exitcode/policy.yaml': files.data['policy.yaml'],
    };
    const loaded = loadConfig(
      {
        ...config.data,
        SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
        SLACK_SIGNING_SECRET: 'signing-secret',
        OPENAI_API_KEY: 'sk-test',
      },
      (path) => {
        const text = mounted[path];
        if (text === undefined) throw new Error(`no file ${path}`);
        return text;
      },
    );
    assert.equal(loaded.scanner.minRestarts, 5);
    assert.deepEqual(loaded.scanner.ignoreNamespaces, ['kube-system', 'monitoring']);
    assert.equal(loaded.scanner.ignoreSelectors.length, 2);
    assert.equal(loaded.scanner.digest, '0 9 * * 1-5');
    assert.ok(loaded.remediation.policy);
  });

  test('a ClusterIP Service on the http port, as in deploy/service.yaml', () => {
    const [service] = kindOf(renderChart({ chartDir }) as Doc[], 'Service');
    const [plain] = docsOf('deploy/service.yaml');
    assert.equal(service!.spec.type, 'ClusterIP');
    assert.deepEqual(service!.spec.ports, plain!.spec.ports);
    const [deployment] = kindOf(renderChart({ chartDir }) as Doc[], 'Deployment');
    assert.deepEqual(service!.spec.selector, deployment!.spec.selector.matchLabels);
  });

  test('remediation and scanner render only when enabled, and refuse to render half-configured', () => {
    const objects = renderChart({
      chartDir,
      values: {
        remediation: { enabled: true, policy: 'rules: []\n' },
        scanner: { schedule: '*/5 * * * *', channel: 'C0123ABCD' },
      },
    }) as Doc[];
    const config = kindOf(objects, 'ConfigMap').find((c) => c.metadata.name === 'exitcode')!;
    assert.equal(config.data.EXITCODE_POLICY_FILE, '/etc/exitcode/policy.yaml');
    assert.equal(config.data.EXITCODE_SCAN_CHANNEL, 'C0123ABCD');
    const files = kindOf(objects, 'ConfigMap').find((c) => c.metadata.name === 'exitcode-files')!;
    assert.equal(files.data['policy.yaml'], 'rules: []\n');
    assert.throws(
      () => renderChart({ chartDir, values: { scanner: { schedule: '*/5 * * * *' } } }),
      /scanner.channel is required/,
    );
  });
});
