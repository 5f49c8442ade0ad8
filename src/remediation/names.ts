/**
 * Kubernetes name checks for everything that ends up in an API path. Remediation keeps its own copy
 * (it must not import Slack code), and checks again after a signed payload was verified: a valid
 * signature says who made the value, not that the value is safe to put in a URL.
 */
const LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const isDnsLabel = (value: string): boolean => value.length <= 63 && LABEL.test(value);
export const isDnsSubdomain = (value: string): boolean => value.length <= 253 && SUBDOMAIN.test(value);
