// The emulator's command-line entries (main.ts for `npm start`, dev.ts for `npm run dev`): how they
// run, stop on a signal, and fail.

/** Runs a command's main; an error ends the process with its message and exit code 1. */
export const runCli = (main: () => Promise<void>): void => {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
};

/** On Ctrl-C or SIGTERM, closes what the command started, then exits (1 if closing failed). */
export const closeOnSignal = (close: () => Promise<unknown>): void => {
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};
