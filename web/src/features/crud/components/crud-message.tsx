import type { MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { tokenizeMessage } from '../lib/message-tokens.ts';

/**
 * A crud's text with links, #hashtags and @mentions; line breaks kept by CSS. Tags and mentions
 * are found by the tokenizer the server indexes with (NFC, case-folded), so a tag links to its page. Links are http(s)
 * only and carry `rel="noopener noreferrer ugc"`: the page they open gets no handle on ours, no
 * referrer, and search engines know the link is user content. With `onOpen`, a click on the text
 * (not on a link, and not the end of selecting text) opens the crud.
 */
export function CrudMessage({ text, onOpen }: { text: string; onOpen?: () => void }) {
  function onClick(e: MouseEvent<HTMLParagraphElement>) {
    if (!onOpen || e.button !== 0 || e.defaultPrevented) return;
    if ((e.target as Element).closest('a')) return;
    // Someone selecting text to copy it did not mean to navigate away.
    if ((window.getSelection()?.toString() ?? '') !== '') return;
    onOpen();
  }
  return (
    <p className={`crud-message${onOpen ? ' crud-message-opens' : ''}`} onClick={onOpen ? onClick : undefined}>
      {tokenizeMessage(text.normalize('NFC')).map((t, i) => {
        switch (t.kind) {
          case 'text':
            return <span key={i}>{t.text}</span>;
          case 'link':
            return (
              <a key={i} href={t.href} target="_blank" rel="noopener noreferrer ugc" className="crud-link">
                {t.text}
              </a>
            );
          case 'mention':
            return (
              <Link key={i} to={`/@${t.handle}`} className="mention">
                {t.text}
              </Link>
            );
          case 'hashtag':
            return (
              <Link key={i} to={`/hashtag/${encodeURIComponent(t.tag)}`} className="hashtag">
                {t.text}
              </Link>
            );
        }
      })}
    </p>
  );
}
