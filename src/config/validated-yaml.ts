/**
 * Reads a YAML or JSON document and validates it with a zod schema, reporting every problem with its
 * path inside the file ("rules[0].approvers.users: expected ..."), so a person can find the line.
 * The config file and the remediation policy both go through here.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

const formatPath = (path: PropertyKey[]): string =>
  path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    '',
  );

const describeIssue = (issue: z.core.$ZodIssue): string => {
  // An unknown key is reported on its object: name the key so the typo is obvious.
  if (issue.code === 'unrecognized_keys') return `unknown key (${issue.keys.join(', ')})`;
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
};

/** The validated value, or one message per problem (never both). An empty document validates as {}. */
export const parseValidatedYaml = <T>(schema: z.ZodType<T>, text: string): { value?: T; problems: string[] } => {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const where = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return { problems: [`not valid YAML or JSON${where ? ` (line ${where})` : ''}`] };
  }
  const result = schema.safeParse(raw ?? {});
  if (result.success) return { value: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => `${formatPath(issue.path) || '(top level)'}: ${describeIssue(issue)}`),
  };
};
