import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// The client-and-server readings of runtime-version-client-server.ts that round 38 taught: a platform or server
// below the app's stated minimum, Docker's API negotiation, and a server without the API a newer client calls.
// Each shown on another product or wording than the log that taught it; the negatives look alike but are the
// data's version, another HTTP status, or another gRPC code.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: "Tekton's controller (knative.dev/pkg) on a Kubernetes older than it needs",
      log: '{"level":"fatal","logger":"tekton-pipelines-controller","caller":"sharedmain/main.go:376","msg":"Version check failed","error":"kubernetes version \\"1.24.17\\" is not compatible, need at least \\"1.25.0-0\\" (this can be overridden with the env var \\"KUBERNETES_MIN_VERSION\\")"}',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an agent refusing a Docker engine below its minimum',
      log: 'level=info msg="checking container runtime"\nFATAL: Docker version 19.03.12 is lower than the minimum required version 20.10',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an app refusing a MongoDB server below the minimum it supports',
      log: 'Error: MongoDB server version 4.2.24 is older than the minimum supported version 4.4.0; upgrade the database',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a docker CLI in a CI image newer than the node daemon',
      log: 'Error response from daemon: client version 1.45 is too new. Maximum supported API version is 1.41',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a newer Elasticsearch client calling the data stream API on an older server',
      log: '{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"no handler found for uri [/_data_stream/logs-app] and method [PUT]"}],"status":400}\nError: index template setup failed',
      exitCode: 1,
      max: 0.7,
    },
    {
      name: 'a gRPC client calling a method an older server does not implement',
      log: 'panic: rpc error: code = Unimplemented desc = unknown method StreamEvents for service agent.v2.Agent\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/agent/main.go:58 +0x1c5',
      exitCode: 2,
      max: 0.7,
    },
  ],
  negatives: [
    {
      name: "a database schema's version below the minimum is the data's, not the server's",
      log: 'FATAL: database schema version 12 is lower than the minimum supported version 14, run the migrations first',
      exitCode: 1,
    },
    {
      name: 'a TLS protocol version below the minimum is the handshake, not a server release',
      log: 'Error: upstream connect failed: peer TLS version 1.0 is lower than the minimum supported version 1.2',
      exitCode: 1,
    },
    {
      name: 'the same MLflow endpoint refused with 403 is credentials, not a missing API',
      log: "mlflow.exceptions.MlflowException: API request to endpoint /api/2.0/mlflow/runs/create failed with error code 403 != 200. Response body: 'Forbidden'",
      exitCode: 1,
    },
    {
      name: 'a gRPC server that is down is not a missing method',
      log: 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.0.3.7:9090: connect: connection refused"',
      exitCode: 1,
    },
  ],
});
