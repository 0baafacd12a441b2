// Validates a YAML file against a JSON schema (draft-07, as the compose and Woodpecker schemas are).
// Usage: node deploy/tools/validate-yaml.mjs <schema.json> <file.yml>
// Exit 0 when valid; 1 with every error listed when not; 2 when a file cannot be read or parsed.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import YAML from "yaml";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const draft07 = require("ajv/dist/refs/json-schema-draft-07.json");

const [schemaPath, filePath] = process.argv.slice(2);
if (!schemaPath || !filePath) {
  console.error("usage: validate-yaml.mjs <schema.json> <file.yml>");
  process.exit(2);
}

let schema, data;
try {
  schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  const doc = YAML.parseDocument(readFileSync(filePath, "utf8"), { merge: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) console.error(`${filePath}: ${e.message}`);
    process.exit(2);
  }
  data = doc.toJS({ maxAliasCount: 100 });
} catch (e) {
  console.error(`${filePath}: ${e.message}`);
  process.exit(2);
}

// strict: false because published schemas carry keywords Ajv does not know (e.g. "deprecated").
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// The compose schema names its meta-schema with https and no "#"; it is the same draft-07.
for (const alias of ["https://json-schema.org/draft-07/schema"]) {
  ajv.addMetaSchema({ ...draft07, $id: alias });
}
let validate;
try {
  validate = ajv.compile(schema);
} catch (e) {
  console.error(`${schemaPath}: ${e.message}`);
  process.exit(2);
}
if (validate(data)) {
  process.exit(0);
}
for (const e of validate.errors) {
  console.error(`${filePath}: ${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
}
process.exit(1);
