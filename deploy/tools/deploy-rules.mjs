// Security rules of the deployment files that no schema expresses. One problem per line on
// stderr; exit 1 when there is any, 2 when a file cannot be read.
//   node deploy/tools/deploy-rules.mjs compose docker-compose.yml .env.example
//     - the bot gets only its own settings (Section__Key), each one .env.example documents, and no
//       stack variable (the forge's secrets, Caddy's hash, ...) reaches it, not even interpolated;
//     - Caddy has a fixed address on the bot's network, which has an explicit subnet, and that
//       address is the only one the bot trusts for forwarded headers;
//     - the forge (Gitea, Woodpecker) shares no network with the bot, Caddy or Uptime Kuma.
//   node deploy/tools/deploy-rules.mjs woodpecker .woodpecker/deploy.yml
//     - every step that mounts the Docker socket runs only on a push to main;
//     - a workflow with a deploy step posts to Discord on success and on failure.
import { readFileSync } from "node:fs";
import YAML from "yaml";

const [rule, ...files] = process.argv.slice(2);
const problems = [];
const load = (path) => {
  try {
    return YAML.parse(readFileSync(path, "utf8"), { merge: true });
  } catch (e) {
    console.error(`${path}: ${e.message}`);
    process.exit(2);
  }
};
const asList = (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const settingName = /^[A-Z][A-Za-z]+(__[A-Z][A-Za-z]+)+$/;

function compose(composePath, envExamplePath) {
  const file = load(composePath);
  const services = file.services ?? {};
  const bot = services.bot;
  if (!bot) {
    problems.push("no bot service");
    return;
  }
  if (bot.env_file !== undefined) {
    problems.push("bot: env_file passes every key of the file; list the bot's own keys under environment");
  }

  // environment as a list (NAME or NAME=value) or a mapping.
  const entries = Array.isArray(bot.environment)
    ? bot.environment.map((e) => { const i = String(e).indexOf("="); return i < 0 ? [String(e), null] : [String(e).slice(0, i), String(e).slice(i + 1)]; })
    : Object.entries(bot.environment ?? {}).map(([k, v]) => [k, v === null ? null : String(v)]);
  const passed = new Map(entries);
  for (const [name] of entries) {
    if (!settingName.test(name)) problems.push(`bot: ${name} is not one of the bot's settings (Section__Key)`);
  }

  const example = readFileSync(envExamplePath, "utf8").split("\n")
    .map((line) => /^#? ?([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1]).filter(Boolean);
  const settings = example.filter((k) => settingName.test(k));
  const stack = example.filter((k) => !settingName.test(k));
  for (const key of settings) {
    if (!passed.has(key)) problems.push(`bot: ${key} is documented in ${envExamplePath} but not passed to the bot`);
  }
  for (const key of passed.keys()) {
    if (settingName.test(key) && !settings.includes(key)) problems.push(`bot: ${key} is passed to the bot but not documented in ${envExamplePath}`);
  }
  // Interpolated anywhere in the bot's service: only Caddy's address, the public DNS name (the
  // sign-in's callback URL is built from it), and the image's name, tag and build mode (which never
  // reach the process), may come from the stack's variables.
  const allowed = new Set(["CADDY_ADDRESS", "DOMAIN", "BOT_IMAGE", "BOT_TAG", "BOT_BUILD_MODE"]);
  const referenced = [...JSON.stringify(bot).matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  for (const name of referenced) {
    if (stack.includes(name) && !allowed.has(name)) problems.push(`bot: receives the stack variable ${name}`);
  }
  if (JSON.stringify(file).includes("ASPNETCORE_FORWARDEDHEADERS_ENABLED")) {
    problems.push("ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts X-Forwarded-* from every sender; use Admin__TrustedProxies");
  }

  const networksOf = (service) => {
    const n = service?.networks;
    return n === undefined ? ["default"] : Array.isArray(n) ? n.map(String) : Object.keys(n);
  };
  const botNetworks = networksOf(bot);
  const caddy = services.caddy;
  const caddyAddresses = botNetworks.map((n) => (Array.isArray(caddy?.networks) ? undefined : caddy?.networks?.[n]?.ipv4_address)).filter(Boolean);
  if (caddyAddresses.length !== 1) {
    problems.push("caddy: needs a fixed ipv4_address on the bot's network");
  } else {
    const network = botNetworks.find((n) => caddy.networks[n]?.ipv4_address);
    const subnets = asList(file.networks?.[network]?.ipam?.config).map((c) => c?.subnet).filter(Boolean);
    if (subnets.length === 0) problems.push(`network ${network}: needs an explicit subnet for Caddy's fixed address`);
    const trusted = passed.get("Admin__TrustedProxies");
    if (trusted !== caddyAddresses[0]) {
      problems.push(`bot: Admin__TrustedProxies is ${trusted ?? "not set"}, not Caddy's address ${caddyAddresses[0]}`);
    }
  }
  const front = new Set([...botNetworks, ...networksOf(caddy), ...networksOf(services["uptime-kuma"])]);
  for (const name of ["gitea", "woodpecker-server", "woodpecker-agent"]) {
    if (!services[name]) continue;
    const shared = networksOf(services[name]).filter((n) => front.has(n));
    if (shared.length > 0) problems.push(`${name}: shares the network ${shared.join(", ")} with the bot's side; the forge needs its own`);
  }
}

function woodpecker(pipelinePath) {
  const pipeline = load(pipelinePath);
  const steps = Array.isArray(pipeline.steps)
    ? pipeline.steps
    : Object.entries(pipeline.steps ?? {}).map(([name, step]) => ({ name, ...step }));
  const only = (value, expected) => { const v = asList(value); return v.length === 1 && v[0] === expected; };
  for (const step of steps) {
    if (!asList(step.volumes).some((v) => String(v).includes("docker.sock"))) continue;
    const conditions = asList(step.when);
    if (conditions.length === 0 || !conditions.every((c) => only(c?.event, "push") && only(c?.branch, "main"))) {
      problems.push(`step ${step.name}: mounts the Docker socket, so it must run only on a push to main (when: event: push, branch: main)`);
    }
  }
  if (steps.some((step) => step.name === "deploy")) {
    for (const status of ["success", "failure"]) {
      const notifies = steps.some((step) => asList(step.when).some((c) => asList(c?.status).includes(status))
        && JSON.stringify(step.environment ?? {}).includes("discord_webhook"));
      if (!notifies) problems.push(`no step posts to Discord (secret discord_webhook) when the deploy ends in ${status}`);
    }
  }
}

if (rule === "compose" && files.length === 2) compose(...files);
else if (rule === "woodpecker" && files.length === 1) woodpecker(...files);
else {
  console.error("usage: deploy-rules.mjs compose <docker-compose.yml> <.env.example> | woodpecker <workflow.yml>");
  process.exit(2);
}
for (const problem of problems) console.error(problem);
process.exit(problems.length === 0 ? 0 : 1);
