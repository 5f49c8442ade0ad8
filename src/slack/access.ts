/**
 * Who may see what: logs can carry secrets, so a channel may only query the namespaces it is mapped
 * to. Without a mapping for the channel, the default list applies ('*' means every namespace).
 */
import { ExitcodeError } from '../errors.ts';

export interface NamespaceAccess {
  /** Namespaces every channel may query; '*' allows all. */
  defaultNamespaces: string[];
  /** channel id -> namespaces that channel may query (replaces the default for that channel). */
  channels: Record<string, string[]>;
}

export const allowedNamespaces = (access: NamespaceAccess, channelId: string): string[] =>
  access.channels[channelId] ?? access.defaultNamespaces;

export const isAllowed = (access: NamespaceAccess, channelId: string, namespace: string): boolean => {
  const allowed = allowedNamespaces(access, channelId);
  return allowed.includes('*') || allowed.includes(namespace);
};

export const assertAllowed = ({
  access,
  channelId,
  namespace,
}: {
  access: NamespaceAccess;
  channelId: string;
  namespace: string;
}): void => {
  if (isAllowed(access, channelId, namespace)) return;
  const allowed = allowedNamespaces(access, channelId).filter((n) => n !== '*');
  const hint = allowed.length
    ? ` This channel may query: ${allowed.join(', ')}.`
    : ' This channel may not query any namespace.';
  throw new ExitcodeError(
    'not_allowed',
    `This channel may not query namespace ${namespace}.${hint} Ask your platform team to map this channel to the namespace, or ask in a channel that may.`,
    { channelId, namespace },
  );
};
