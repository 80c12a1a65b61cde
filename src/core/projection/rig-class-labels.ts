// The rig classes' ids and headings, in their own module so the page's first paint (the class choice in the
// projection inputs) carries these few words and not the classes' definitions and requests (rig-classes.ts).

export const RIG_CLASSES = ['good-fp8', 'gpu-unified', 'any'] as const;
export type RigClass = (typeof RIG_CLASSES)[number];

/** For headings: "VRAM/unified memory with good fp8". */
export const RIG_CLASS_LABELS: Record<RigClass, string> = {
  'good-fp8': 'VRAM/unified memory with good fp8',
  'gpu-unified': 'VRAM/unified memory, any precision',
  any: 'any memory, CPU RAM included',
};
