// Reading a config.json a person pasted or uploaded. Published config.json files are a few KB (the largest
// preset in data/models is under 10 KB); anything past the cap is refused before it is put in the text box
// or parsed, so a mistaken 5 MB paste cannot freeze the page.

/** The largest config text accepted, in bytes of a file or characters of pasted text. */
export const MAX_CONFIG_BYTES = 1_000_000;

export type ConfigText = { ok: true; value: unknown } | { ok: false; message: string };

const TOO_LARGE = `larger than ${MAX_CONFIG_BYTES / 1_000_000} MB; a config.json is a few KB`;

/** The message for text or a file of `size` over the cap, or null when it is within it. */
export function oversizeMessage(size: number): string | null {
  return size > MAX_CONFIG_BYTES ? `It is ${(size / 1_000_000).toFixed(1)} MB, ${TOO_LARGE}.` : null;
}

/** Parses config text, refusing oversized text before the parser sees it. */
export function parseConfigText(text: string): ConfigText {
  const tooLarge = oversizeMessage(text.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `This is not valid JSON: ${(error as Error).message}` };
  }
}
