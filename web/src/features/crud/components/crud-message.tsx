import { Fragment } from 'react';
import { Link } from 'react-router-dom';

// Same token shapes the server parses (mentions are handles, hashtags are letters/digits/_).
const TOKEN = /([#＃][\p{L}\p{N}_]+|@[A-Za-z0-9_]+)/gu;

/** A crud's text with #hashtags and @mentions as links; line breaks kept by CSS. */
export function CrudMessage({ text }: { text: string }) {
  const parts = text.split(TOKEN);
  return (
    <p className="crud-message">
      {parts.map((part, i) => {
        if (i % 2 === 0) return <Fragment key={i}>{part}</Fragment>;
        if (part.startsWith('@')) {
          return (
            <Link key={i} to={`/@${part.slice(1)}`} className="mention">
              {part}
            </Link>
          );
        }
        return (
          <Link key={i} to={`/hashtag/${encodeURIComponent(part.slice(1).toLowerCase())}`} className="hashtag">
            {part}
          </Link>
        );
      })}
    </p>
  );
}
