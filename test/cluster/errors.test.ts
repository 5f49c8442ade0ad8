import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiException } from '@kubernetes/client-node';
import { toExitcodeError } from '../../src/cluster/errors.ts';
import { ExitcodeError } from '../../src/errors.ts';

const api = (code: number) =>
  new ApiException(code, 'HTTP-Code: 403 Body: {"token":"s3cr3t"} Headers: {...}', { message: 'x' }, {});
const network = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
const pods = { verb: 'get', resource: 'pods', namespace: 'shop', name: 'api-1' };

describe('toExitcodeError', () => {
  const cases: Array<[unknown, { verb: string; resource: string; namespace?: string; name?: string }, string, RegExp]> =
    [
      [api(404), pods, 'pod_not_found', /Pod "api-1" was not found in namespace shop/],
      [
        api(404),
        { verb: 'get', resource: 'namespaces', name: 'nope' },
        'namespace_not_found',
        /Namespace "nope" does not exist/,
      ],
      [
        api(404),
        { verb: 'get', resource: 'deployments', namespace: 'shop', name: 'api' },
        'workload_not_found',
        /deployment "api" was not found in namespace shop/,
      ],
      [
        api(403),
        { verb: 'get', resource: 'pods/log', namespace: 'shop', name: 'api-1' },
        'forbidden',
        /^The service account may not get pods\/log in namespace shop: add that verb to its Role\.$/,
      ],
      [api(401), pods, 'forbidden', /401/],
      [api(409), pods, 'cluster_error', /409/],
      [api(422), pods, 'cluster_error', /422/],
      [api(429), pods, 'cluster_error', /rate-limiting/],
      [api(503), pods, 'cluster_error', /503/],
      [network('ECONNREFUSED'), pods, 'cluster_unreachable', /cannot be reached/],
      [network('ENOTFOUND'), pods, 'cluster_unreachable', /cannot be reached/],
      [network('ETIMEDOUT'), pods, 'cluster_timeout', /timed out/],
      [
        new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
        pods,
        'cluster_timeout',
        /did not answer in time/,
      ],
      [new DOMException('aborted', 'AbortError'), pods, 'cluster_timeout', /did not answer in time/],
      [
        new Error('weird'),
        pods,
        'cluster_error',
        /^Talking to the Kubernetes API failed when we tried to get pods: check the kubeconfig server address and that the cluster is up\.$/,
      ],
    ];
  for (const [error, what, code, sentence] of cases) {
    test(`${code} from ${error instanceof ApiException ? error.code : (error as Error).name}`, () => {
      const mapped = toExitcodeError(error, what);
      assert.equal(mapped.code, code);
      assert.match(mapped.message, sentence);
      // The ApiException message carries the body and headers: it must never reach the user.
      assert.doesNotMatch(mapped.message, /s3cr3t|HTTP-Code|Headers/);
    });
  }

  test('passes an ExitcodeError through', () => {
    const original = new ExitcodeError('invalid_name', 'bad');
    assert.equal(toExitcodeError(original, pods), original);
  });
});

test('a 404 on a request without a name never prints "undefined"', () => {
  const error = toExitcodeError(api(404), { verb: 'list', resource: 'pods', namespace: 'shop' });
  assert.equal(error.code, 'pod_not_found');
  assert.doesNotMatch(error.message, /undefined/);
  assert.match(error.message, /No pods were found in namespace shop/);
});
