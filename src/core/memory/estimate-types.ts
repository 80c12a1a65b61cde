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
}
