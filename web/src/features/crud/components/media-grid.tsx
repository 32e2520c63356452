import { useState } from 'react';
import type { CrudFieldsFragment } from '../../../graphql/types.ts';
import { Lightbox } from '../../../components/ui/lightbox.tsx';

type Media = CrudFieldsFragment['media'];

/**
 * A crud's images: one to four small renditions in a grid (each a button named by its alt text),
 * opening the large ones in a lightbox that returns focus to the image it was opened from.
 */
export function MediaGrid({ media }: { media: Media | null | undefined }) {
  const [open, setOpen] = useState<{ index: number; from: HTMLElement } | null>(null);
  if (!media || media.length === 0) return null;
  return (
    <div className={`media-grid media-grid-${media.length}`}>
      {media.map((m, i) => (
        <button key={m.url} type="button" className="media-tile" aria-label={`View image ${i + 1} of ${media.length}: ${m.alt}`} onClick={(e) => setOpen({ index: i, from: e.currentTarget })}>
          <img src={m.thumbnailUrl} alt={m.alt} width={m.width} height={m.height} loading="lazy" decoding="async" />
        </button>
      ))}
      {open && <Lightbox images={media} index={open.index} onIndex={(index) => setOpen({ ...open, index })} onClose={() => setOpen(null)} returnFocus={open.from} />}
    </div>
  );
}
