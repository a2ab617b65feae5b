/**
 * One request from the content script to the background, with a backstop for a background that never answers.
 * Resolves with the raw answer (the caller checks it against its schema); rejects on a send failure or timeout,
 * including `sendMessage` throwing synchronously once the extension is gone.
 */
export async function askBackground<Request>(send: (request: Request) => Promise<unknown>, request: Request, timeoutMs: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer in time')), timeoutMs);
    });
    // Promise.resolve().then turns a synchronous throw of `send` into a rejection.
    return await Promise.race([Promise.resolve().then(() => send(request)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
