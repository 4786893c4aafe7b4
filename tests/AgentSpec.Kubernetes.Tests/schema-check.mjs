// Validates Kubernetes manifests against the kubernetes-models (v5) OpenAPI-derived JSON schemas.
// Usage: node schema-check.mjs <node_modules folder> <manifests.json>   (a JSON array of objects)
// Prints one line per object, "ok <kind>/<name>" or "invalid <kind>/<name>: <errors>", and exits 1 when any is invalid.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [modules, file] = process.argv.slice(2);
const manifests = JSON.parse(readFileSync(file, "utf8"));
let failed = 0;
for (const manifest of manifests) {
  const [group, version] = manifest.apiVersion.includes("/") ? manifest.apiVersion.split("/") : ["", manifest.apiVersion];
  const folder = group === "" ? "v1" : `${group.includes(".") ? group : group}/${version}`;
  const url = pathToFileURL(join(modules, "kubernetes-models", folder, `${manifest.kind}.js`)).href;
  const label = `${manifest.kind}/${manifest.metadata?.name}`;
  try {
    const module = await import(url);
    const Model = module[manifest.kind] ?? module.default;
    new Model(manifest).validate();
    console.log(`ok ${label}`);
  } catch (error) {
    failed++;
    console.log(`invalid ${label}: ${String(error?.message ?? error).replace(/\s+/g, " ")}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
