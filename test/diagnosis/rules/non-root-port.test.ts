import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nonRootPort } from '../../../src/diagnosis/rules/non-root-port.ts';
import { boundPort } from '../../../src/diagnosis/rules/privileged-bind-clues.ts';
import { containerFacts, contextFor, security } from '../../fixtures/pods.ts';

const nonRoot = containerFacts({
  security: security({ runAsUser: 1000 }),
  ports: [{ containerPort: 80, protocol: 'TCP' }],
});

describe('boundPort', () => {
  test('reads the port from the usual bind errors', () => {
    assert.equal(boundPort('Error: listen EACCES: permission denied 0.0.0.0:80'), 80);
    assert.equal(boundPort('2026/11/25 12:00:01 listen tcp :443: bind: permission denied'), 443);
    assert.equal(boundPort('nginx: [emerg] bind() to [::]:80 failed (13: Permission denied)'), 80);
    assert.equal(
      boundPort("[Errno 13] error while attempting to bind on address ('0.0.0.0', 80): permission denied"),
      80,
    );
    assert.equal(boundPort('java.net.BindException: Permission denied'), undefined);
  });
});

describe('non-root-port', () => {
  test('runAsUser plus a bind error on port 80 is certain and suggests both fixes', () => {
    const log = ['Error: listen EACCES: permission denied 0.0.0.0:80'];
    const finding = nonRootPort.match(contextFor({ container: nonRoot, logLines: log }));
    assert.ok(finding);
    assert.equal(finding.category, 'permission_denied');
    assert.equal(finding.title, 'A non-root process cannot bind privileged port 80 (runAsUser 1000)');
    assert.ok(finding.confidence >= 0.95);
    assert.ok(finding.nextSteps.some((s) => s.includes('>= 1024')));
    assert.ok(finding.nextSteps.some((s) => s.includes('NET_BIND_SERVICE')));
  });

  test('without a port in the message, the declared containerPort < 1024 is used', () => {
    const finding = nonRootPort.match(
      contextFor({ container: nonRoot, logLines: ['java.net.BindException: Permission denied'] }),
    );
    assert.ok(finding);
    assert.match(finding.title, /port 80/);
  });

  test('the user may be non-root through the image: less confidence without the spec saying so', () => {
    const container = containerFacts({ ports: [{ containerPort: 80, protocol: 'TCP' }] });
    const finding = nonRootPort.match(contextFor({ container, logLines: ['listen tcp :80: bind: permission denied'] }));
    assert.ok(finding);
    assert.ok(finding.confidence < 0.9);
  });

  test('no finding for a high port, or a permission error that is not a bind', () => {
    const high = ['Error: listen EACCES: permission denied 0.0.0.0:8080'];
    const noLowPort = containerFacts({ security: security({ runAsUser: 1000 }) });
    assert.equal(nonRootPort.match(contextFor({ container: noLowPort, logLines: high })), null);
    const file = ["Error: EACCES: permission denied, open '/data/x'"];
    assert.equal(nonRootPort.match(contextFor({ container: nonRoot, logLines: file })), null);
  });

  test('a bind failure whose cause below is Permission denied (Kestrel, Jetty): a privileged port, not a taken one', () => {
    const kestrel = [
      'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
      '      Unable to start Kestrel.',
      '      System.IO.IOException: Failed to bind to address http://[::]:80.',
      '       ---> System.Net.Sockets.SocketException (13): Permission denied',
      '         at System.Net.Sockets.Socket.DoBind(EndPoint endPointSnapshot, SocketAddress socketAddress)',
    ];
    const finding = nonRootPort.match(contextFor({ container: containerFacts({}), logLines: kestrel }));
    assert.ok(finding);
    assert.match(finding.title, /port 80\b/);
    const jetty = [
      'java.io.IOException: Failed to bind to /0.0.0.0:443',
      '\tat org.eclipse.jetty.server.ServerConnector.openAcceptChannel(ServerConnector.java:349)',
      'Caused by: java.net.SocketException: Permission denied',
    ];
    assert.ok(nonRootPort.match(contextFor({ container: containerFacts({}), logLines: jetty })));
  });

  test("Jupyter's wording of EACCES on a port (Voila, Notebook, JupyterLab)", () => {
    const log = [
      '[I 10:00:00 ServerApp] Serving notebooks from local directory: /home/jovyan',
      '[W 10:00:00 ServerApp] Permission to listen on port 443 denied.',
    ];
    const finding = nonRootPort.match(contextFor({ container: containerFacts({}), logLines: log }));
    assert.ok(finding);
    assert.match(finding.title, /port 443\b/);
  });

  test('a bind failure caused by a taken port, or a denied high port, is not a privileged bind', () => {
    const taken = [
      'java.io.IOException: Failed to bind to /0.0.0.0:80',
      'Caused by: java.net.BindException: Address already in use',
    ];
    assert.equal(nonRootPort.match(contextFor({ container: containerFacts({}), logLines: taken })), null);
    const high = ['[W 10:00:00 ServerApp] Permission to listen on port 8888 denied.'];
    assert.equal(nonRootPort.match(contextFor({ container: containerFacts({}), logLines: high })), null);
  });
});
