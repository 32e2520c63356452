import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { tokenize } from '../../../../../definitions/text-tokens.ts';

/**
 * A crud's text with #hashtags and @mentions as links; line breaks kept by CSS. Tokens are found
 * by the tokenizer the server indexes with (NFC, case-folded), so a tag links to the page that
 * lists it.
 */
export function CrudMessage({ text }: { text: string }) {
  const parts = tokenize(text.normalize('NFC'));
  return (
    <p className="crud-message">
      {parts.map((part, i) => {
        if (part.kind === 'text') return <Fragment key={i}>{part.text}</Fragment>;
        if (part.kind === 'mention') {
          return (
            <Link key={i} to={`/@${part.value}`} className="mention">
              {part.text}
            </Link>
          );
        }
        return (
          <Link key={i} to={`/hashtag/${encodeURIComponent(part.value ?? '')}`} className="hashtag">
            {part.text}
          </Link>
        );
      })}
    </p>
  );
}
