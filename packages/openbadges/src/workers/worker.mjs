// The pool's thread entry, plain JavaScript so that any Node can load it:
// it teaches the thread TypeScript (the engine ships as TypeScript source),
// then loads the tasks. A thread started under tsx already knows it.
import { register } from "tsx/esm/api";

if (!process.execArgv.some((arg) => arg.includes("tsx"))) register();
const tasks = await import("./tasks.ts");
export default tasks.runTask;
