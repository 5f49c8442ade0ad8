/**
 * Renders the Helm chart in deploy/helm for tests, so the chart is checked as parsed Kubernetes objects
 * rather than as text (no helm binary here). It implements the subset of Go templates and Sprig the chart
 * uses, and fails loudly on anything else: a template construct this renderer does not know is a test
 * failure, never a silently wrong manifest.
 *
 * Supported: text/action trimming ({{- -}}), fields (.A.B, $.A.B, ., $), string and number literals,
 * parentheses, pipelines, if/else if/else/end, range, with, define, and the functions include, has, join,
 * quote, nindent, indent, toYaml, default, required, print, sha256sum, empty, not, eq.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse as parseYaml, stringify } from 'yaml';

type Value = unknown;

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; expr: string }
  | { kind: 'if'; branches: { cond?: string; body: Node[] }[] }
  | { kind: 'range' | 'with'; expr: string; body: Node[]; otherwise: Node[] };

interface Token {
  kind: 'text' | 'action';
  text: string;
}

/** Splits into text and actions, applying the trim markers to the neighbouring text. */
const tokenize = (source: string): Token[] => {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    if (open === -1) {
      tokens.push({ kind: 'text', text: source.slice(at) });
      break;
    }
    const close = source.indexOf('}}', open);
    if (close === -1) throw new Error(`unclosed action at ${open}`);
    let text = source.slice(at, open);
    let inner = source.slice(open + 2, close);
    if (inner.startsWith('-')) {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(1);
    }
    let next = close + 2;
    if (inner.endsWith('-')) {
      inner = inner.slice(0, -1);
      while (next < source.length && /\s/.test(source[next] as string)) next++;
    }
    tokens.push({ kind: 'text', text }, { kind: 'action', text: inner.trim() });
    at = next;
  }
  return tokens.filter((token) => token.kind === 'action' || token.text !== '');
};

/** Builds the tree; `define` blocks go to `defines`. */
const parseTree = (tokens: Token[], defines: Map<string, Node[]>): Node[] => {
  let index = 0;
  const block = (stops: string[]): { nodes: Node[]; stop: string } => {
    const nodes: Node[] = [];
    while (index < tokens.length) {
      const token = tokens[index++] as Token;
      if (token.kind === 'text') {
        nodes.push({ kind: 'text', text: token.text });
        continue;
      }
      const action = token.text;
      if (action.startsWith('/*')) continue;
      const keyword = action.split(/\s+/, 1)[0] as string;
      if (stops.includes(keyword)) return { nodes, stop: action };
      if (keyword === 'if') {
        const branches: { cond?: string; body: Node[] }[] = [];
        let cond: string | undefined = action.slice(2).trim();
        for (;;) {
          const inner = block(['else', 'end']);
          branches.push({ ...(cond !== undefined ? { cond } : {}), body: inner.nodes });
          if (inner.stop === 'end') break;
          const rest = inner.stop.slice(4).trim();
          cond = rest.startsWith('if ') ? rest.slice(3).trim() : undefined;
        }
        nodes.push({ kind: 'if', branches });
      } else if (keyword === 'range' || keyword === 'with') {
        const body = block(['else', 'end']);
        const otherwise = body.stop === 'end' ? [] : block(['end']).nodes;
        nodes.push({ kind: keyword, expr: action.slice(keyword.length).trim(), body: body.nodes, otherwise });
      } else if (keyword === 'define') {
        const name = JSON.parse(action.slice(6).trim()) as string;
        defines.set(name, block(['end']).nodes);
      } else if (keyword === 'end' || keyword === 'else') {
        throw new Error(`unexpected {{${action}}}`);
      } else {
        nodes.push({ kind: 'action', expr: action });
      }
    }
    if (stops.length > 0) throw new Error(`missing {{end}} (expected ${stops.join('/')})`);
    return { nodes, stop: '' };
  };
  return block([]).nodes;
};

const truthy = (value: Value): boolean => {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true;
};

const toText = (value: Value): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** Splits an expression into terms: literals, fields, parenthesised sub-expressions and pipes. */
const terms = (expr: string): string[] => {
  const out: string[] = [];
  let at = 0;
  while (at < expr.length) {
    const char = expr[at] as string;
    if (/\s/.test(char)) {
      at++;
    } else if (char === '"') {
      let end = at + 1;
      while (expr[end] !== '"') end += expr[end] === '\\' ? 2 : 1;
      out.push(expr.slice(at, end + 1));
      at = end + 1;
    } else if (char === '(') {
      let depth = 0;
      let end = at;
      for (; end < expr.length; end++) {
        if (expr[end] === '(') depth++;
        if (expr[end] === ')' && --depth === 0) break;
      }
      out.push(expr.slice(at, end + 1));
      at = end + 1;
    } else {
      let end = at;
      while (end < expr.length && !/[\s()]/.test(expr[end] as string)) end++;
      out.push(expr.slice(at, end));
      at = end;
    }
  }
  return out;
};

export interface ChartInput {
  Values: Record<string, unknown>;
  Release: { Name: string; Namespace: string };
  Chart: Record<string, unknown>;
  Template: { BasePath: string };
}

class Renderer {
  readonly defines = new Map<string, Node[]>();
  readonly files = new Map<string, Node[]>();
  readonly root: ChartInput;
  constructor(root: ChartInput) {
    this.root = root;
  }

  private field(path: string, dot: Value): Value {
    const [head = '', ...rest] = path.split('.');
    let value: Value = head === '$' ? this.root : dot;
    for (const key of head === '' || head === '$' ? rest : [head, ...rest]) {
      if (key === '') continue;
      value = value === undefined || value === null ? undefined : (value as Record<string, Value>)[key];
    }
    return value;
  }

  private term(term: string, dot: Value): Value {
    if (term.startsWith('"')) return JSON.parse(term);
    if (/^-?\d+$/.test(term)) return Number(term);
    if (term === 'true' || term === 'false') return term === 'true';
    if (term.startsWith('(')) return this.evaluate(term.slice(1, -1), dot);
    if (term === '.' || term === '$' || term.startsWith('.') || term.startsWith('$.')) return this.field(term, dot);
    throw new Error(`unsupported term ${term}`);
  }

  private call(name: string, args: Value[]): Value {
    const [a, b] = args;
    switch (name) {
      case 'include': {
        const nodes = this.defines.get(a as string) ?? this.files.get(a as string);
        if (!nodes) throw new Error(`include of unknown template ${String(a)}`);
        return this.render(nodes, b);
      }
      case 'has':
        return Array.isArray(b) && b.includes(a);
      case 'join':
        return ((b as Value[]) ?? []).map(toText).join(a as string);
      case 'quote':
        return JSON.stringify(toText(a));
      case 'nindent':
        return `\n${this.indent(a as number, toText(b))}`;
      case 'indent':
        return this.indent(a as number, toText(b));
      case 'toYaml':
        return truthy(a) ? stringify(a).replace(/\n$/, '') : '{}';
      case 'default':
        return truthy(b) ? b : a;
      case 'required':
        if (!truthy(b)) throw new Error(`required: ${String(a)}`);
        return b;
      case 'print':
        return args.map(toText).join('');
      case 'sha256sum':
        return createHash('sha256').update(toText(a)).digest('hex');
      case 'empty':
        return !truthy(a);
      case 'not':
        return !truthy(a);
      case 'eq':
        return a === b;
      default:
        throw new Error(`unsupported function ${name}`);
    }
  }

  private indent(spaces: number, text: string): string {
    const pad = ' '.repeat(spaces);
    return text
      .split('\n')
      .map((line) => pad + line)
      .join('\n');
  }

  /** One command: a function call with arguments, or a single term. */
  private command(words: string[], dot: Value, piped?: { value: Value }): Value {
    const [head, ...rest] = words;
    if (head === undefined) throw new Error('empty command');
    const isFunction = /^[a-zA-Z]\w*$/.test(head) && head !== 'true' && head !== 'false';
    if (!isFunction) {
      if (rest.length > 0 || piped) throw new Error(`cannot call ${head}`);
      return this.term(head, dot);
    }
    const args = rest.map((word) => this.term(word, dot));
    if (piped) args.push(piped.value);
    return this.call(head, args);
  }

  evaluate(expr: string, dot: Value): Value {
    const words = terms(expr);
    const commands: string[][] = [[]];
    for (const word of words) {
      if (word === '|') commands.push([]);
      else commands.at(-1)?.push(word);
    }
    let result: { value: Value } | undefined;
    for (const command of commands) result = { value: this.command(command, dot, result) };
    return result?.value;
  }

  render(nodes: Node[], dot: Value): string {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') out += node.text;
      else if (node.kind === 'action') out += toText(this.evaluate(node.expr, dot));
      else if (node.kind === 'if') {
        const branch = node.branches.find((b) => b.cond === undefined || truthy(this.evaluate(b.cond, dot)));
        if (branch) out += this.render(branch.body, dot);
      } else {
        const value = this.evaluate(node.expr, dot);
        if (!truthy(value)) out += this.render(node.otherwise, dot);
        else if (node.kind === 'with') out += this.render(node.body, value);
        else for (const item of Object.values(value as object)) out += this.render(node.body, item);
      }
    }
    return out;
  }
}

const deepMerge = (base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? deepMerge(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
};

/** Every object the chart renders, parsed, with values.yaml overridden by `values` (like `--set`). */
export const renderChart = ({
  chartDir,
  values = {},
  release = { Name: 'exitcode', Namespace: 'exitcode' },
}: {
  chartDir: string;
  values?: Record<string, unknown>;
  release?: { Name: string; Namespace: string };
}): Record<string, unknown>[] => {
  const chart = parseYaml(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as Record<string, unknown>;
  const defaults = parseYaml(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as Record<string, unknown>;
  const name = chart.name as string;
  const renderer = new Renderer({
    Values: deepMerge(defaults, values),
    Release: release,
    Chart: { ...chart, Name: name, AppVersion: chart.appVersion },
    Template: { BasePath: `${name}/templates` },
  });
  const templates = readdirSync(join(chartDir, 'templates')).sort();
  for (const file of templates) {
    const nodes = parseTree(tokenize(readFileSync(join(chartDir, 'templates', file), 'utf8')), renderer.defines);
    renderer.files.set(`${name}/templates/${file}`, nodes);
  }
  const objects: Record<string, unknown>[] = [];
  for (const file of templates) {
    if (file.startsWith('_')) continue;
    const text = renderer.render(renderer.files.get(`${name}/templates/${file}`) ?? [], renderer.root);
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) throw new Error(`${file} renders invalid YAML: ${doc.errors[0]?.message}\n${text}`);
      const object = doc.toJS() as Record<string, unknown> | null;
      if (object) objects.push(object);
    }
  }
  return objects;
};
