/**
 * The patch formats `kubectl` and client-node send: JSON merge patch (RFC 7386), strategic merge patch
 * (treated as a merge patch, except that lists of named items merge by name, which is what the
 * restartedAt annotation and most container edits need), and JSON patch (RFC 6902: add, replace, remove).
 */
type Json = unknown;

export class PatchError extends Error {}

const isObject = (value: Json): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const mergePatch = (target: Json, patch: Json, strategic: boolean): Json => {
  if (!isObject(patch)) {
    if (strategic && Array.isArray(patch) && Array.isArray(target)) return mergeNamedLists(target, patch);
    return structuredClone(patch);
  }
  const result: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (strategic && key.startsWith('$')) continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value, strategic);
  }
  return result;
};

/** Strategic merge: items with a `name` replace or merge into the item of the same name. */
const mergeNamedLists = (target: Json[], patch: Json[]): Json[] => {
  const named = patch.every((item) => isObject(item) && typeof item['name'] === 'string');
  if (!named) return structuredClone(patch);
  const result = [...target];
  for (const item of patch as Record<string, Json>[]) {
    const index = result.findIndex((existing) => isObject(existing) && existing['name'] === item['name']);
    if (index === -1) result.push(structuredClone(item));
    else result[index] = mergePatch(result[index], item, true);
  }
  return result;
};

const pointer = (path: string): string[] => {
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
};

const jsonPatch = (target: Json, operations: Json): Json => {
  if (!Array.isArray(operations)) throw new PatchError('a JSON patch must be an array of operations');
  const document = structuredClone(target);
  for (const operation of operations) {
    if (!isObject(operation)) throw new PatchError('a JSON patch operation must be an object');
    const { op, path, value } = operation as { op?: string; path?: string; value?: Json };
    const segments = pointer(String(path));
    const last = segments.pop();
    if (last === undefined) throw new PatchError('cannot patch the document root');
    let parent: Json = document;
    for (const segment of segments) {
      if (!isObject(parent) && !Array.isArray(parent)) throw new PatchError(`path not found: ${path}`);
      let next = (parent as Record<string, Json>)[segment];
      if (next === undefined && op === 'add') {
        next = {};
        (parent as Record<string, Json>)[segment] = next;
      }
      parent = next;
    }
    if (!isObject(parent) && !Array.isArray(parent)) throw new PatchError(`path not found: ${path}`);
    const container = parent as Record<string, Json>;
    if (op === 'add' || op === 'replace') {
      if (op === 'replace' && !(last in container)) throw new PatchError(`path not found: ${path}`);
      if (Array.isArray(parent) && last === '-') parent.push(value);
      else container[last] = structuredClone(value);
    } else if (op === 'remove') {
      if (!(last in container)) throw new PatchError(`path not found: ${path}`);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete container[last];
    } else {
      throw new PatchError(`unsupported JSON patch operation: ${String(op)}`);
    }
  }
  return document;
};

export const PATCH_TYPES = [
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
] as const;

export const applyPatch = (input: { target: Json; patch: Json; contentType: string }): Json => {
  const type = input.contentType.split(';')[0]?.trim();
  if (type === 'application/json-patch+json') return jsonPatch(input.target, input.patch);
  if (type === 'application/merge-patch+json') return mergePatch(input.target, input.patch, false);
  if (type === 'application/strategic-merge-patch+json') return mergePatch(input.target, input.patch, true);
  throw new PatchError(`unsupported patch type ${String(type)}`);
};
