import { parentPort, workerData } from "node:worker_threads";
import { runTask, type WorkerTask } from "./parallel.ts";

// A validation worker thread: no logic here, see runTask.
runTask(workerData as WorkerTask, (message) => parentPort?.postMessage(message));
