import { charCount, checkText } from '../../../../definitions/text.ts';

/**
 * Characters left under `limit`, counted exactly as the server counts them (definitions/text.ts):
 * code points of the trimmed text, so 😀 is one and the 240th emoji leaves 0.
 */
export function charsLeft(text: string, limit: number): number {
  return limit - charCount(text.trim());
}

/** True when the server would store `text` under `limit`: visible, well-formed, within the limit. */
export function isSendable(text: string, limit: number): boolean {
  return checkText(text, limit).problem === null;
}

/**
 * Remaining characters; red and announced once the text is over the limit, or when it holds a
 * character the server refuses (a control character or a broken surrogate from a paste).
 */
export function CharCounter({ text, limit, id }: { text: string; limit: number; id?: string }) {
  const left = charsLeft(text, limit);
  const problem = checkText(text, limit).problem;
  const unsupported = problem === 'control' || problem === 'malformed';
  return (
    <span id={id} className={`char-counter${left < 0 || unsupported ? ' over' : left <= 20 ? ' near' : ''}`} aria-live="polite">
      {unsupported ? (
        'Unsupported character'
      ) : (
        <>
          <span className="visually-hidden">Characters left: </span>
          {left}
        </>
      )}
    </span>
  );
}
