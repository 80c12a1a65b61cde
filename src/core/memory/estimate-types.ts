// The contract between the memory model and its consumers (rig search, projection, UI). All sizes in bytes.
// Owned by the memory model; consumers rely on these fields, so extend rather than rename.

/** One assumption behind a number, as a readable line the UI can list. */
export interface Assumption {
  /** Stable key, e.g. 'llama.cpp-compute-buffer'. */
  id: string;
  /** One readable line naming the constant and its value. */
  text: string;
  /** Where the constant comes from: a file in llama.cpp / vLLM, a datasheet, a paper (URL). */
  source: string;
}

export interface MemoryEstimate {
  /** Bytes of all weights at the chosen format (every expert of an MoE). */
  weights: number;
  /** Bytes of the weight files to download at the chosen format: `weights` plus tensors a file stores but the
   *  engine does not load (multi-token-prediction blocks of DeepSeek-V3 / GLM-4.5 checkpoints and GLM GGUFs).
   *  Always set by estimateMemory; optional only so hand-built estimates (tests, fixtures) stay valid. */
  weightsFileBytes?: number;
  /** Bytes of the KV cache for contextTokens x batch. */
  kvCache: number;
  /** Runtime overhead bytes (compute buffers, CUDA context, engine reserve). */
  overhead: number;
  /** weights + kvCache + overhead. */
  total: number;
  /** The part of `weights` that are routed-expert FFN tensors (0 for dense models): what a GPU+RAM hybrid
   *  may keep in system RAM, as llama.cpp's --override-tensor "exps=CPU" does. */
  routedExpertWeights: number;
  /** Weight bytes read to generate one token: all weights for dense, attention + shared + active experts
   *  for MoE. */
  activeWeightBytesPerToken: number;
  /** Of activeWeightBytesPerToken, the bytes that are routed-expert weights. */
  activeExpertBytesPerToken: number;
  /** KV bytes read per generated token per sequence at the full context. */
  kvBytesPerToken: number;
  /** A plausible range for total, from the uncertainty of the overhead and quantization mix. */
  totalRange: { low: number; high: number };
  assumptions: Assumption[];
  /** Set when the weights were read from a model's files (src/core/inventory) instead of predicted. */
  exactWeights?: ExactWeights;
}

/** Weights read from the headers of a model's files: what the estimate uses instead of the predicted mix. */
export interface ExactWeights {
  /** What was read, e.g. 'bartowski/Meta-Llama-3.1-8B-Instruct-GGUF @ 4c506ee: Q4_K_M'. */
  label: string;
  source: 'gguf' | 'safetensors';
  /** Bytes the engine loads: every tensor except the multi-token-prediction blocks. */
  loadedBytes: number;
  /** Bytes of the files as listed (headers and padding included). */
  fileBytes: number;
  routedExpertBytes: number;
  activeBytesPerToken: number;
  activeExpertBytesPerToken: number;
  /** Loaded bytes per storage type, largest first ('Q4_K', 'BF16', ...). */
  byType: { type: string; bytes: number; tensors: number }[];
  /** Tensors the files store that the engine does not load for plain decoding. */
  notLoaded: { what: string; bytes: number }[];
  /** The predicted weights of the nearest standard format, for comparison. */
  nearest: { formatId: string; label: string; predictedBytes: number; basis: string } | null;
  /** Ways the files differ from the model in use (layers, hidden size, experts, vocabulary). */
  mismatches: string[];
}
