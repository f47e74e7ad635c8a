// `npm run probe`: see cli.ts.
import { main, redact } from './cli.ts';

main(process.argv.slice(2), process.env, (text) => process.stdout.write(text)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Never the token, even in an unexpected error's message.
    const message = error instanceof Error ? error.message : 'The probe failed.';
    console.error(redact(message, process.env.SIPCALLER_TOKEN?.trim() ?? ''));
    process.exitCode = 1;
  },
);
