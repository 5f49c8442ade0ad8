/**
 * From what a person typed to one pod to diagnose. A namespace given, or a channel that may read only
 * one, is used as it is. Otherwise the channel's namespaces are searched in one round (pods, then
 * workloads): one match is diagnosed, several become a short list of buttons, none becomes
 * did-you-mean buttons. Each namespace is still checked against the channel before anything is read.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import { isExitcodeError } from '../errors.ts';
import { allowedNamespaces } from './access.ts';
import type { RenderedMessage } from './blocks/diagnosis.ts';
import { renderNotFound, renderPickList } from './blocks/targets.ts';
import { type BotDeps, defaultNamespace, diagnoseAllowed } from './bot.ts';
import { type DiagnoseTarget, isDnsSubdomain } from './parse.ts';

export type Located = { kind: 'diagnosis'; diagnosis: Diagnosis } | { kind: 'choose'; message: RenderedMessage };

export const locateAndDiagnose = async ({
  deps,
  channel,
  request,
}: {
  deps: BotDeps;
  channel: string;
  request: DiagnoseTarget;
}): Promise<Located> => {
  const container = request.container !== undefined ? { container: request.container } : {};
  const diagnoseIn = async (namespace: string, target: string): Promise<Located> => {
    try {
      return {
        kind: 'diagnosis',
        diagnosis: await diagnoseAllowed({ deps, channel, request: { namespace, target, ...container } }),
      };
    } catch (error) {
      // Not found in the one namespace asked: its did-you-mean names become buttons too.
      const suggestions =
        isExitcodeError(error) && error.code === 'pod_not_found' ? error.details.suggestions : undefined;
      if (!Array.isArray(suggestions) || suggestions.length === 0) throw error;
      const candidates = suggestions
        .filter((s): s is string => typeof s === 'string' && isDnsSubdomain(s))
        .map((name) => ({ namespace, kind: 'Pod' as const, name, target: name }));
      return {
        kind: 'choose',
        message: renderNotFound({ name: target, namespaces: [namespace], suggestions: candidates }),
      };
    }
  };
  if (request.namespace !== undefined) return diagnoseIn(request.namespace, request.target);
  const allowed = allowedNamespaces(deps.access, channel);
  const concrete = allowed.filter((n) => n !== '*');
  // One namespace to look in (or a stand-in that cannot search): no search round needed.
  if (!deps.investigator.find || (concrete.length === 1 && !allowed.includes('*')) || allowed.length === 0)
    return diagnoseIn(defaultNamespace(deps.access, channel), request.target);
  const [kind, named] = request.target.includes('/') ? request.target.split('/', 2) : [undefined, request.target];
  const name = named ?? request.target;
  const namespaces = allowed.includes('*') ? ['*'] : concrete;
  const search = await deps.investigator.find({ name, namespaces });
  if (search.kind === 'found') {
    // kind/name typed: only that kind counts (deploy/api is not the pod "api").
    const matches = kind ? search.matches.filter((m) => m.target === request.target) : search.matches;
    const [only] = matches;
    if (matches.length === 1 && only) return diagnoseIn(only.namespace, only.target);
    if (matches.length > 1)
      return {
        kind: 'choose',
        message: renderPickList({ name: request.target, matches, unreadable: search.unreadable }),
      };
    return {
      kind: 'choose',
      message: renderNotFound({
        name: request.target,
        namespaces,
        suggestions: search.matches,
        unreadable: search.unreadable,
      }),
    };
  }
  return {
    kind: 'choose',
    message: renderNotFound({
      name: request.target,
      namespaces,
      suggestions: search.suggestions,
      unreadable: search.unreadable,
    }),
  };
};
