/** Real client-node API clients pointed at a demo cluster, and a reader for ApiException bodies. */
import {
  ApisApi,
  AppsV1Api,
  BatchV1Api,
  CoordinationV1Api,
  CoreApi,
  CoreV1Api,
  KubeConfig,
  VersionApi,
} from '@kubernetes/client-node';

export const clientsFor = (kubeconfigYaml: string) => {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(kubeconfigYaml);
  return {
    kubeConfig,
    core: kubeConfig.makeApiClient(CoreV1Api),
    coreGroup: kubeConfig.makeApiClient(CoreApi),
    apis: kubeConfig.makeApiClient(ApisApi),
    apps: kubeConfig.makeApiClient(AppsV1Api),
    batch: kubeConfig.makeApiClient(BatchV1Api),
    coordination: kubeConfig.makeApiClient(CoordinationV1Api),
    version: kubeConfig.makeApiClient(VersionApi),
  };
};

export interface StatusBody {
  kind: string;
  status: string;
  message: string;
  reason: string;
  code: number;
  details?: Record<string, unknown>;
}

/** Runs a call that must fail; returns the HTTP code and the parsed Status body. */
export const failureOf = async (call: () => Promise<unknown>): Promise<{ code: number; body: StatusBody }> => {
  try {
    await call();
  } catch (error) {
    const { code, body } = error as { code: number; body: unknown };
    return { code, body: (typeof body === 'string' ? JSON.parse(body) : body) as StatusBody };
  }
  throw new Error('expected the call to fail');
};

/** Polls until `find` returns a value (the demo's controllers act after a short delay). */
export const eventually = async <T>(find: () => Promise<T | undefined>, attempts = 100): Promise<T> => {
  for (let i = 0; i < attempts; i += 1) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never became true');
};
