import "server-only";

import { Worker } from "node:worker_threads";

/**
 * bcryptjs run on worker threads: a password check (~80 ms of CPU at cost 10)
 * never blocks the event loop that serves pages. Plain JavaScript, so nothing
 * native has to exist for the platform (a prebuilt native bcrypt publishes
 * packages per platform that a registry mirror may not carry, and `npm ci`
 * then refuses the lock file). The worker's code is a string, so no bundler
 * has to find a worker file; it loads bcryptjs from the application's
 * node_modules (the server's working directory), as the server itself does.
 * Workers are made when a check finds none idle and kept for the next one;
 * how many run at once is the caller's cap (password-hash.ts).
 */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
parentPort.on("message", ({ id, password, hash }) => {
  let matches = false;
  try {
    matches = bcrypt.compareSync(password, hash);
  } catch {
    matches = false;
  }
  parentPort.postMessage({ id, matches });
});
`;

const idle: Worker[] = [];
let lastId = 0;

function newWorker(): Worker {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  // An idle worker never keeps a process (a script, a test run) alive.
  worker.unref();
  return worker;
}

/** Whether `password` matches the bcrypt `hash`, computed on a worker thread (a malformed hash: false). */
export function verifyOffThread(password: string, hash: string): Promise<boolean> {
  const worker = idle.pop() ?? newWorker();
  const id = ++lastId;
  return new Promise<boolean>((resolve, reject) => {
    const onMessage = (message: { id: number; matches: boolean }) => {
      if (message.id !== id) return;
      done();
      idle.push(worker);
      resolve(message.matches);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const done = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.postMessage({ id, password, hash });
  });
}
