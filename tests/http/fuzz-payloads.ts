// Malformed request bodies and query strings derived from an operation's JSON Schema, for
// the API fuzzing test. `mustReject` marks a payload no valid schema may accept (4xx
// expected); the others only must not answer 5xx (e.g. unknown keys may be ignored).

export type Json = Record<string, unknown>;
export type BodyCase = { label: string; raw: string | Uint8Array; mustReject: boolean; contentType?: string };
export type QueryCase = { label: string; qs: string; mustReject: boolean };

const HUGE = "x".repeat(400_000);
const LONE = "\\ud800"; // a lone surrogate as a JSON escape: invalid UTF-16 after parsing
const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

function singleType(s: Json | undefined): string | undefined {
  if (!s) return undefined;
  if (typeof s.type === "string") return s.type;
  return undefined;
}

/** A JSON value no schema of this type accepts (not even after coercion). */
function wrongValueFor(type: string): string | undefined {
  switch (type) {
    case "string":
      return `{"nested":{"x":1}}`;
    case "number":
    case "integer":
      return `"not a number"`;
    case "boolean":
      return `"perhaps"`;
    case "array":
      return `"not an array"`;
    case "object":
      return `"not an object"`;
    default:
      return undefined;
  }
}

export function fuzzBodies(schema: Json | undefined): BodyCase[] {
  const objectBody = singleType(schema) === "object";
  const cases: BodyCase[] = [
    { label: "malformed json", raw: `{"a":`, mustReject: true },
    { label: "array", raw: "[]", mustReject: objectBody },
    { label: "string", raw: `"x"`, mustReject: objectBody },
    { label: "number", raw: "12", mustReject: objectBody },
    { label: "null", raw: "null", mustReject: objectBody },
    { label: "unknown key", raw: `{"a":"x"}`, mustReject: false },
    { label: "__proto__", raw: `{"__proto__":{"polluted":true,"isAdmin":true}}`, mustReject: false },
    { label: "constructor", raw: `{"constructor":{"prototype":{"polluted":true}}}`, mustReject: false },
    { label: "deep nesting", raw: `{"a":${deep(20_000)}}`, mustReject: false },
    { label: "deep top level", raw: deep(20_000), mustReject: objectBody },
    { label: "lone surrogate key", raw: `{"${LONE}":"${LONE}"}`, mustReject: false },
    { label: "nul key", raw: `{"a\\u0000":"\\u0000"}`, mustReject: false },
    {
      label: "invalid utf-8",
      raw: Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      mustReject: false,
    },
    {
      label: "bad multipart",
      raw: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n',
      mustReject: false,
      contentType: "multipart/form-data; boundary=x",
    },
  ];
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  for (const [name, prop] of Object.entries(props).slice(0, 12)) {
    const k = JSON.stringify(name);
    const type = singleType(prop);
    const wrong = type ? wrongValueFor(type) : undefined;
    if (wrong) cases.push({ label: `${name}: wrong type`, raw: `{${k}:${wrong}}`, mustReject: true });
    cases.push({ label: `${name}: huge string`, raw: `{${k}:"${HUGE}"}`, mustReject: false });
    cases.push({ label: `${name}: lone surrogate`, raw: `{${k}:"a${LONE}b"}`, mustReject: false });
    cases.push({
      label: `${name}: empty object`,
      raw: `{${k}:{}}`,
      mustReject: type !== undefined && type !== "object",
    });
    cases.push({
      label: `${name}: deep`,
      raw: `{${k}:${deep(5_000)}}`,
      mustReject: type !== undefined && type !== "array",
    });
    cases.push({ label: `${name}: null`, raw: `{${k}:null}`, mustReject: false });
    cases.push({ label: `${name}: nul char`, raw: `{${k}:"a\\u0000b"}`, mustReject: false });
  }
  return cases;
}

export function fuzzQueries(params: { name: string; schema: Json }[]): QueryCase[] {
  const cases: QueryCase[] = [
    { label: "proto keys", qs: "__proto__=1&constructor=x&prototype=y", mustReject: false },
    { label: "bad percent", qs: "a=%zz&b=%&c=%E0%A4%A", mustReject: false },
    { label: "lone surrogate", qs: "q=%ED%A0%80&x=%ED%B0%80", mustReject: false },
  ];
  for (const p of params.slice(0, 10)) {
    const n = encodeURIComponent(p.name);
    const type = singleType(p.schema);
    if (type === "number" || type === "integer")
      cases.push({ label: `${p.name}: not a number`, qs: `${n}=abc`, mustReject: true });
    cases.push({ label: `${p.name}: huge`, qs: `${n}=${"y".repeat(6_000)}`, mustReject: false });
    cases.push({ label: `${p.name}: repeated`, qs: `${n}=1&${n}=2&${n}=3`, mustReject: false });
    cases.push({ label: `${p.name}: lone surrogate`, qs: `${n}=a%ED%A0%80b`, mustReject: false });
    cases.push({ label: `${p.name}: extremes`, qs: `${n}=-1e309`, mustReject: false });
    cases.push({ label: `${p.name}: nul`, qs: `${n}=a%00b`, mustReject: false });
  }
  return cases;
}
