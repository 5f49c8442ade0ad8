/** The chart renderer the install tests rely on: right on what it supports, loud on what it does not. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderChart } from './helm-template.ts';

const chartWith = (template: string, values = 'items: [a, b]\nflag: true\nname: x\n'): string => {
  const dir = mkdtempSync(join(tmpdir(), 'chart-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nappVersion: 1.2.3\n');
  writeFileSync(join(dir, 'values.yaml'), values);
  writeFileSync(
    join(dir, 'templates', '_helpers.tpl'),
    '{{- define "demo.label" -}}\nk: {{ .Values.name }}\n{{- end }}\n',
  );
  writeFileSync(join(dir, 'templates', 'thing.yaml'), template);
  return dir;
};

test('trim markers, include with nindent, range, if/else, with, quote and default', () => {
  const dir = chartWith(
    [
      'kind: Thing',
      'metadata:',
      '  labels: {{- include "demo.label" . | nindent 4 }}',
      'list:',
      '{{- range .Values.items }}',
      '  - {{ . | quote }}',
      '{{- end }}',
      '{{- if .Values.flag }}',
      'on: yes-{{ .Release.Name }}',
      '{{- else }}',
      'on: no',
      '{{- end }}',
      '{{- with .Values.missing }}',
      'missing: {{ . }}',
      '{{- end }}',
      'version: {{ .Values.tag | default .Chart.AppVersion | quote }}',
    ].join('\n'),
  );
  const [thing] = renderChart({ chartDir: dir, release: { Name: 'r', Namespace: 'n' } });
  assert.deepEqual(thing, {
    kind: 'Thing',
    metadata: { labels: { k: 'x' } },
    list: ['a', 'b'],
    on: 'yes-r',
    version: '1.2.3',
  });
});

test('an unknown function or an unclosed block is an error, never a silently wrong manifest', () => {
  assert.throws(
    () => renderChart({ chartDir: chartWith('a: {{ .Values.name | upper }}') }),
    /unsupported function upper/,
  );
  assert.throws(() => renderChart({ chartDir: chartWith('{{- if .Values.flag }}\na: 1\n') }), /missing \{\{end\}\}/);
  assert.throws(
    () => renderChart({ chartDir: chartWith('a: {{ required "name needed" .Values.nope }}') }),
    /name needed/,
  );
});
