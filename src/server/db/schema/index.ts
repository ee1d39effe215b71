// drizzle-kit reads this list; application code imports the domain files directly.
export * from "./auth";
export * from "./contacts";
export * from "./interactions";
export * from "./ai";
export * from "./jobs";
export * from "./sync";
export * from "./push";
export * from "./profile";
export * from "./booking";
export * from "./outbox";
export * from "./followups";
export * from "./task-suggestions";
export * from "./stage-history";
export * from "./forms";
export * from "./files";
