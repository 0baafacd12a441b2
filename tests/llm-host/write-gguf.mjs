// Writes a tiny llama-architecture GGUF with random weights: the text it writes is meaningless,
// but loading, tokenizing, the forward pass and sampling are llama.cpp's real ones.
import { writeFileSync } from "node:fs";
const [out, seedArg] = process.argv.slice(2);
let seed = Number(seedArg ?? 1) >>> 0;
const rand = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32 - 0.5; };
const E = 32, HEADS = 2, LAYERS = 1, FF = 64, CTX = 4096;
const tokens = ["<unk>", "<s>", "</s>"], types = [2, 3, 3];
for (let b = 0; b < 256; b++) { tokens.push("<0x" + b.toString(16).toUpperCase().padStart(2, "0") + ">"); types.push(6); }
for (const piece of ["▁", ..."abcdefghijklmnopqrstuvwxyzéè", "▁la", "▁le", "▁de", "▁et", "[1]", "[2]", ".", ","]) { tokens.push(piece); types.push(1); }
const V = tokens.length;
const chunks = [];
const u32 = v => { const b = Buffer.alloc(4); b.writeUInt32LE(v); chunks.push(b); };
const u64 = v => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); chunks.push(b); };
const f32 = v => { const b = Buffer.alloc(4); b.writeFloatLE(v); chunks.push(b); };
const str = s => { const b = Buffer.from(s, "utf8"); u64(b.length); chunks.push(b); };
const kv = [];
const meta = (key, write) => kv.push([key, write]);
meta("general.architecture", () => { u32(8); str("llama"); });
meta("general.name", () => { u32(8); str("coalitionbot-test-random"); });
for (const [k, v] of [["context_length", CTX], ["embedding_length", E], ["block_count", LAYERS], ["feed_forward_length", FF], ["attention.head_count", HEADS], ["attention.head_count_kv", HEADS], ["rope.dimension_count", E / HEADS]]) meta("llama." + k, () => { u32(4); u32(v); });
meta("llama.attention.layer_norm_rms_epsilon", () => { u32(6); f32(1e-5); });
meta("tokenizer.ggml.model", () => { u32(8); str("llama"); });
meta("tokenizer.ggml.tokens", () => { u32(9); u32(8); u64(V); tokens.forEach(str); });
meta("tokenizer.ggml.scores", () => { u32(9); u32(6); u64(V); tokens.forEach((_, i) => f32(-i)); });
meta("tokenizer.ggml.token_type", () => { u32(9); u32(5); u64(V); types.forEach(t => u32(t)); });
meta("tokenizer.ggml.bos_token_id", () => { u32(4); u32(1); });
meta("tokenizer.ggml.eos_token_id", () => { u32(4); u32(2); });
meta("tokenizer.ggml.unknown_token_id", () => { u32(4); u32(0); });
const tensors = [["token_embd.weight", [E, V]], ["output_norm.weight", [E]], ["output.weight", [E, V]]];
for (let l = 0; l < LAYERS; l++) for (const [n, s] of [["attn_norm", [E]], ["attn_q", [E, E]], ["attn_k", [E, E]], ["attn_v", [E, E]], ["attn_output", [E, E]], ["ffn_norm", [E]], ["ffn_gate", [E, FF]], ["ffn_up", [E, FF]], ["ffn_down", [FF, E]]]) tensors.push([`blk.${l}.${n}.weight`, s]);
u32(0x46554747); u32(3); u64(tensors.length); u64(kv.length);
for (const [key, write] of kv) { str(key); write(); }
let offset = 0;
const align = n => Math.ceil(n / 32) * 32;
for (const [name, shape] of tensors) { str(name); u32(shape.length); shape.forEach(u64); u32(0); u64(offset); offset = align(offset + shape.reduce((a, b) => a * b) * 4); }
let header = Buffer.concat(chunks); chunks.length = 0;
chunks.push(header, Buffer.alloc(align(header.length) - header.length));
for (const [name, shape] of tensors) {
  const n = shape.reduce((a, b) => a * b);
  const data = Buffer.alloc(align(n * 4));
  for (let i = 0; i < n; i++) data.writeFloatLE(name.includes("norm") ? 1 : rand() * 0.5, i * 4);
  chunks.push(data);
}
writeFileSync(out, Buffer.concat(chunks));
console.log(`${out}: ${V} tokens, ${tensors.length} tensors`);
