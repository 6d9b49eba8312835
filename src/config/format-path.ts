/**
 * Writes the location of a config field as a property path.
 *
 * @module
 */

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Shows a key that is not a plain name as a JSON string, with control characters escaped. */
function quoteKey(key: string): string {
  return JSON.stringify(key).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Joins path segments into `templates[2].contentType`, `customHeaders.X-Foo` or, for a key that
 * is not a plain name, `customHeaders["Bad Name"]`.
 *
 * @param segments - Object keys and array indexes from the root down.
 * @returns The path; `''` for the root.
 */
export function formatPath(segments: readonly (string | number)[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${quoteKey(segment)}]`;
  }
  return path;
}
