/** Characters a text takes as users count them (code points, so an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/** Remaining characters; red and announced once the text is over the limit. */
export function CharCounter({ text, limit, id }: { text: string; limit: number; id?: string }) {
  const left = limit - charCount(text);
  return (
    <span id={id} className={`char-counter${left < 0 ? ' over' : left <= 20 ? ' near' : ''}`} aria-live="polite">
      <span className="visually-hidden">Characters left: </span>
      {left}
    </span>
  );
}
