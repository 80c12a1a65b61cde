// Hugging Face repo ids, checked against the grammar of huggingface_hub's validate_repo_id
// (https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/utils/_validators.py):
//   REPO_ID_REGEX = ^(\b[\w\-.]+\b/)?\b[\w\-.]{1,96}\b$  (ASCII), then no '--' or '..', no '.git' ending,
//   at most one '/'.
// So an id is "name" or "namespace/name"; each part is ASCII letters, digits, '-', '_' and '.', and starts and
// ends with a letter, digit or '_' (that is what \b next to the string's ends or the '/' requires); the name
// is 1-96 characters. Python's '$' also matches before a final newline; here it does not (a newline in a URL
// path is never meant).

const PART = '[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?';
const NAME = '[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?';
const REPO_ID = new RegExp(`^(?:${PART}/)?${NAME}$`);

/** True when `id` is a Hugging Face repo id ("name" or "namespace/name") by validate_repo_id's rules. */
export function isHfRepoId(id: unknown): id is string {
  return (
    typeof id === 'string' &&
    REPO_ID.test(id) &&
    !id.includes('--') &&
    !id.includes('..') &&
    !id.endsWith('.git')
  );
}

/** The longest piece of a user's text a message quotes. */
export const MESSAGE_QUOTE_CHARS = 60;

/** Text as quoted in a message: at most MESSAGE_QUOTE_CHARS characters, then an ellipsis. A 2,000-character
 *  id pasted by mistake must not become a 2,000-character line. */
export function shortenForMessage(text: string): string {
  return text.length > MESSAGE_QUOTE_CHARS ? `${text.slice(0, MESSAGE_QUOTE_CHARS)}…` : text;
}
