// Worker-thread entry of the untrusted-content pool (see run-untrusted.ts). Plain JS so it
// loads the same way under `next start`, tsx, the BullMQ worker and vitest; tsx compiles
// the TypeScript tasks it imports (tsx is a runtime dependency: `npm start` runs on it).
import { register } from "tsx/esm/api";

register();
const { runTask } = await import("./tasks.ts");

export default runTask;
