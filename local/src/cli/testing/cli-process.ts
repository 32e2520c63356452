/** Helpers for tests that run `cruddur-local` as a real process. */
import type { ChildProcess } from 'node:child_process';

/** Stops a started launcher the way Ctrl-C does and waits for it to exit (nothing when it already has). */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}
