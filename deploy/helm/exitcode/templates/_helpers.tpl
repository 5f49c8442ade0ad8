{{- define "exitcode.labels" -}}
app.kubernetes.io/name: exitcode
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
{{- define "exitcode.selector" -}}
app.kubernetes.io/name: exitcode
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
