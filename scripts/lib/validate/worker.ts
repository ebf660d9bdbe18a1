import { parentPort, workerData } from "node:worker_threads";
import { runTask, type WorkerTask } from "./parallel.ts";

// A validation worker thread: no logic here, see runTask.
parentPort?.postMessage(runTask(workerData as WorkerTask));
