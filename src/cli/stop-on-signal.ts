import type { CommandIo } from './parse-command.ts';

/** The signals that stop a build, with the exit code a shell gives a process they end (128 + number). */
const stopping = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Until the returned function is called, SIGINT (Ctrl-C) and SIGTERM stop the process at once: `cleanUp`
 * runs (synchronously: the event loop is not coming back), one line says what happened, and the exit code
 * is 130 or 143. Work that must not be cut in two is synchronous, so a signal lands before or after it.
 */
export function stopOnSignal(cleanUp: () => string, io: CommandIo): () => void {
  const handlers = Object.entries(stopping).map(([signal, code]) => {
    const handler = () => {
      let note: string;
      try {
        note = cleanUp();
      } catch (error) {
        note = `could not clean up: ${(error as Error).message}`;
      }
      io.stderr(`review-reports: stopped by ${signal}; ${note}\n`);
      process.exit(code);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => {
    for (const remove of handlers) remove();
  };
}
