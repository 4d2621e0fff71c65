// A client of faceidmsg's HTTP API, typed by the types openapi-typescript
// generates from openapi.json (schema.d.ts, written by the Go test beside
// this file). The Go test type-checks it with tsc and runs it against a
// real handler: node client.js BASE_URL prints what it read, as JSON.
import type { paths } from "./schema.js";

declare const process: { argv: string[] };

type Message = paths["/v1/codes/{code}"]["get"]["responses"][200]["content"]["application/json"];
type Resolution = paths["/v1/resolve"]["post"]["responses"][200]["content"]["application/json"];
type Language = paths["/v1/languages"]["get"]["responses"][200]["content"]["application/json"][number];

const base = process.argv[2];

async function get<T>(path: string): Promise<T> {
  const r = await fetch(base + path);
  if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  return (await r.json()) as T;
}

async function resolve(body: string, lang: string): Promise<Resolution> {
  const r = await fetch(`${base}/v1/resolve?lang=${lang}`, { method: "POST", body, headers: { "Content-Type": "application/json" } });
  if (r.status !== 200) throw new Error(`/v1/resolve: ${r.status}`);
  return (await r.json()) as Resolution;
}

const m = await get<Message>("/v1/codes/1201?lang=th");
const langs = await get<Language[]>("/v1/languages");
const res = await resolve(`{"Response":{"ErrorCode":16,"VerificationDetailList":[{"ErrorCode":2016}]}}`, "en");
const out = {
  text: m.text,
  category: m.category,
  retryable: m.retryable,
  languages: langs.length,
  resolved: res.category,
  source: res.source,
  cause: res.cause === null ? null : res.cause.code,
};
console.log(JSON.stringify(out));
