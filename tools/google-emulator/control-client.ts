// Drives an emulator running in another process through /__emulator/*,
// with the same method names and arguments as the in-process EmulatorControl.
import type { EmulatorControl } from "./control";
import { CONTROL_METHODS } from "./control-schemas";

export type RemoteControl = {
  [K in keyof EmulatorControl]: (
    ...args: Parameters<EmulatorControl[K]>
  ) => Promise<ReturnType<EmulatorControl[K]>>;
};

export function connectEmulatorControl(baseUrl: string): RemoteControl {
  const call = async (method: string, args: unknown[]) => {
    const res = await fetch(`${baseUrl.replace(/\/$/, "")}/__emulator/${method}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ args }),
    });
    const body = (await res.json()) as { result?: unknown; error?: string };
    if (!res.ok)
      throw new Error(`emulator ${method} failed (${res.status}): ${body.error ?? "unknown error"}`);
    return body.result;
  };
  const remote: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const m of CONTROL_METHODS) remote[m] = (...args) => call(m, args);
  return remote as RemoteControl;
}
