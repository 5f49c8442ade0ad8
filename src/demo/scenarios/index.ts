/** Every demo scenario, in the order `exitcode demo` shows them. Adding one is one line here. */
import type { DemoScenario } from '../types.ts';
import { etlCrlf, ingestPermission, postgresDataDir, reportOom } from './data.ts';
import { catalogHealthy, gatewayPastRestart, metricsAgentHealthy } from './healthy.ts';
import { accountsMigration, fraudConnectionRefused, ledgerDns, notifierMissingKey } from './payments.ts';
import { cartMissingModule, checkoutMissingEnv, searchReadOnly, storefrontNginxConfig } from './shop-app.ts';
import { ordersPanicAfterRollout, pricingBadRollout } from './rollouts.ts';
import { assetsImagePull, debugShellBarePod, imageResizerArch, recommendationsLiveness } from './shop-ops.ts';

export const SCENARIOS: DemoScenario[] = [
  checkoutMissingEnv,
  cartMissingModule,
  storefrontNginxConfig,
  searchReadOnly,
  recommendationsLiveness,
  ordersPanicAfterRollout,
  pricingBadRollout,
  imageResizerArch,
  assetsImagePull,
  debugShellBarePod,
  ledgerDns,
  fraudConnectionRefused,
  notifierMissingKey,
  accountsMigration,
  ingestPermission,
  reportOom,
  etlCrlf,
  postgresDataDir,
  catalogHealthy,
  gatewayPastRestart,
  metricsAgentHealthy,
];
