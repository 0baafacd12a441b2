// A small OpenAI-compatible chat-completions host over node-llama-cpp (llama.cpp's CPU build from
// npm), for the end-to-end test against real inference: node server.mjs MODEL.gguf PORT.
// It prints "listening" once the model is loaded; each answer is also appended to MODEL.gguf.answers.
import { createServer } from "node:http";
import { appendFileSync } from "node:fs";
import { getLlama, LlamaCompletion } from "node-llama-cpp";

const [modelPath, port] = process.argv.slice(2);
const llama = await getLlama({ gpu: false, build: "never" });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({ contextSize: 4096, threads: 1 });

createServer(async (request, response) => {
  if (request.method !== "POST" || !request.url.endsWith("/chat/completions")) {
    response.writeHead(404).end();
    return;
  }
  let body = "";
  for await (const chunk of request) body += chunk;
  const ask = JSON.parse(body);
  const prompt = ask.messages.map(m => `${m.role}: ${m.content}`).join("\n") + "\nassistant:";
  const abort = new AbortController();
  response.on("close", () => abort.abort());
  const sequence = context.getSequence();
  const completion = new LlamaCompletion({ contextSequence: sequence });
  const started = performance.now();
  let text = "";
  try {
    text = await completion.generateCompletion(prompt, { maxTokens: ask.max_completion_tokens ?? ask.max_tokens ?? 64, seed: 1, signal: abort.signal });
  } catch (error) {
    if (abort.signal.aborted) { completion.dispose(); sequence.dispose(); return; }
    throw error;
  }
  completion.dispose();
  sequence.dispose();
  const answer = JSON.stringify({
    id: "chatcmpl-test", object: "chat.completion", created: Math.floor(Date.now() / 1000), model: ask.model,
    choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: "length" }],
    usage: { prompt_tokens: model.tokenize(prompt).length, completion_tokens: model.tokenize(text).length, total_tokens: 0 },
  });
  appendFileSync(modelPath + ".answers", JSON.stringify({ seconds: (performance.now() - started) / 1000, answer }) + "\n");
  response.writeHead(200, { "Content-Type": "application/json" }).end(answer);
}).listen(Number(port), "127.0.0.1", () => console.log("listening"));
