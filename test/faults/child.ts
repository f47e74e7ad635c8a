// The emulator as a child process (`node --import tsx server/main.ts`, so a kill -9 hits the
// server itself, not a wrapper), on a database file, port 0, 127.0.0.1, admin endpoints on.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface EmulatorProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL, then wait for the process to be gone. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export const startEmulator = async (
  dbPath: string,
  { token = 'faults-token', timeoutMs = 60_000 }: { token?: string; timeoutMs?: number } = {},
): Promise<EmulatorProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SIPCALLER_DB: dbPath,
      SIPCALLER_EMULATOR_ADMIN: '1',
      SIPCALLER_DEMO_ACCOUNT_ID: '1001',
      SIPCALLER_DEMO_TOKEN: token,
      SIPCALLER_OTHER_TOKEN: `${token}-other`,
      SIPCALLER_LOG: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${code}):\n${output}`));
    });
  });
  const gone = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : once(child, 'exit').then(() => undefined);
  return {
    url,
    child,
    async kill9() {
      child.kill('SIGKILL');
      await gone();
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone();
      clearTimeout(timer);
    },
  };
};
