// Partial responses (`fields=` system parameter), e.g.
// "messages(id,threadId),nextPageToken" or "items/id,nextSyncToken".

type FieldTree = Map<string, FieldTree | true>;

export function parseFields(spec: string): FieldTree {
  const tree: FieldTree = new Map();
  for (const item of splitTop(spec)) addPath(tree, item.trim());
  return tree;
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function addPath(tree: FieldTree, item: string): void {
  if (!item) return;
  const paren = item.indexOf("(");
  const path = (paren >= 0 ? item.slice(0, paren) : item).split("/").filter(Boolean);
  const sub = paren >= 0 ? item.slice(paren + 1, item.lastIndexOf(")")) : null;
  let node = tree;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    if (last && sub === null) return void node.set(key, true);
    const existing = node.get(key);
    const next: FieldTree = existing instanceof Map ? existing : new Map();
    if (existing !== true) node.set(key, next);
    node = next;
  });
  if (sub !== null) for (const s of splitTop(sub)) addPath(node, s.trim());
}

export function applyFields(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFields(v, tree));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const rule = tree.get(key) ?? tree.get("*");
    if (rule === undefined) continue;
    out[key] = rule === true ? v : applyFields(v, rule);
  }
  return out;
}
