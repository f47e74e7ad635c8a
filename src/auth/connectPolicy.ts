// Which API URLs this page's Content-Security-Policy lets the console call (its connect-src), so that
// signing in to an API URL the policy refuses says which setting admits it (SIPCALLER_CONNECT_SRC)
// instead of failing like an unreachable server. The console's server writes the policy's list into
// <meta name="sipcaller-connect-src"> (server/routes/static.ts); on a host that does not, the
// browser's `securitypolicyviolation` event during the sign-in request tells the same.

const META_NAME = 'sipcaller-connect-src';

/** The connect-src sources the page names, or null when it names none (the dev server, another host). */
export const allowedConnectSources = (doc: Document | undefined = globalThis.document): string[] | null => {
  const content = doc?.querySelector<HTMLMetaElement>(`meta[name="${META_NAME}"]`)?.content.trim();
  return content ? content.split(/\s+/) : null;
};

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };
const portOf = (url: URL): string => url.port || DEFAULT_PORTS[url.protocol] || '';

// A scheme matches itself and its secure upgrade (CSP 3, "scheme-part matching").
const schemeMatches = (expected: string, actual: string): boolean =>
  expected === actual ||
  (expected === 'http:' && actual === 'https:') ||
  (expected === 'ws:' && actual === 'wss:');

const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[^/:]+)(?::(\d+|\*))?(\/.*)?$/i;

/** Whether a CSP source expression (CSP Level 3 §6.7.2.5 and §6.7.2.7) matches `url` on a page at `self`. */
export const sourceMatches = (source: string, url: URL, self: URL): boolean => {
  const lower = source.toLowerCase();
  if (lower === "'self'") {
    return (
      url.origin === self.origin ||
      (url.host === self.host && schemeMatches(self.protocol, url.protocol) && portOf(url) === portOf(self))
    );
  }
  if (lower === '*')
    return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) || url.protocol === self.protocol;
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return schemeMatches(lower, url.protocol);
  const match = HOST_SOURCE.exec(lower);
  if (!match || lower.startsWith("'")) return false;
  const [, scheme, host, port, path] = match;
  if (scheme ? !schemeMatches(`${scheme}:`, url.protocol) : !schemeMatches(self.protocol, url.protocol)) {
    return false;
  }
  const hostname = url.hostname.toLowerCase();
  if (host.startsWith('*.')) {
    if (!hostname.endsWith(host.slice(1))) return false;
  } else if (host !== '*' && host !== hostname) {
    return false;
  }
  // No port: the URL's scheme's default port; port 80 also admits 443 (the secure upgrade).
  if (
    port === undefined
      ? url.port !== ''
      : port !== '*' && portOf(url) !== port && !(port === '80' && portOf(url) === '443')
  ) {
    return false;
  }
  if (path && path !== '/') {
    const wanted = decodeURIComponent(path);
    const actual = decodeURIComponent(url.pathname);
    return wanted.endsWith('/') ? actual.startsWith(wanted) : actual === wanted;
  }
  return true;
};

/** False only when the page names its connect-src and no source in it matches the API URL. */
export const connectAllowed = (apiUrl: string, doc: Document | undefined = globalThis.document): boolean => {
  const sources = allowedConnectSources(doc);
  const here = globalThis.location?.href;
  if (!sources || !here) return true;
  try {
    const self = new URL(here);
    const url = new URL(apiUrl, self);
    return sources.some((source) => sourceMatches(source, url, self));
  } catch {
    return true;
  }
};

export interface ConnectViolationWatch {
  /** Whether the policy blocked a request to the API URL's origin since the watch began. */
  blocked(apiUrl: string): Promise<boolean>;
  stop(): void;
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url, globalThis.location?.href).origin;
  } catch {
    return null;
  }
};

/** Records connect-src violations while a request runs (none outside a browser). */
export const watchConnectViolations = (
  doc: Document | undefined = globalThis.document,
): ConnectViolationWatch => {
  const blockedUrls: string[] = [];
  const listener = (event: SecurityPolicyViolationEvent) => {
    if (event.effectiveDirective === 'connect-src') blockedUrls.push(event.blockedURI);
  };
  doc?.addEventListener('securitypolicyviolation', listener);
  return {
    async blocked(apiUrl) {
      if (!doc) return false;
      // The browser reports the violation in a task of its own, which may come after the failed fetch.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const origin = originOf(apiUrl);
      return origin !== null && blockedUrls.some((url) => originOf(url) === origin);
    },
    stop() {
      doc?.removeEventListener('securitypolicyviolation', listener);
    },
  };
};
