// Every browser test proves the Content-Security-Policy and the console live together: a
// `securitypolicyviolation` event on any page (or a "Refused to …" console error, which also covers
// workers) fails the test that caused it, with what was blocked and by which directive.
import { test as base, type ConsoleMessage, expect, type Page } from '@playwright/test';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
  page: string;
}

const REPORT = '__reportCspViolation';

const watch = async (page: Page, violations: string[]) => {
  await page.exposeFunction(REPORT, (violation: Violation) => {
    violations.push(
      `${violation.directive} blocked ${violation.blocked || '(inline)'} at ${violation.source || violation.page}` +
        (violation.sample ? `: ${violation.sample}` : ''),
    );
  });
  await page.addInitScript((report) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const send = (window as unknown as Record<string, (violation: unknown) => void>)[report];
      send?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : '',
        sample: event.sample,
        page: location.href,
      });
    });
  }, REPORT);
  const fromConsole = (where: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(`${where}: ${message.text()}`);
    }
  };
  page.on('console', fromConsole('console'));
  // The CSV worker has a policy of its own (its script's headers) and reports in its own console.
  page.on('worker', (worker) => worker.on('console', fromConsole(`worker ${worker.url()}`)));
};

export const test = base.extend<{ cspGuard: undefined }>({
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await watch(page, violations);
      await use(undefined);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
