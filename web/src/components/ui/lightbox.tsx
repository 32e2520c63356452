import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface LightboxImage {
  url: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * Full-size images in a modal dialog. Native <dialog> with showModal(): focus moves inside and
 * stays there, Escape closes it. ←/→ move between images. On close, focus goes back to the
 * element that opened it (`returnFocus`), so keyboard users continue where they were.
 */
export function Lightbox({ images, index, onIndex, onClose, returnFocus }: { images: LightboxImage[]; index: number; onIndex(next: number): void; onClose(): void; returnFocus: HTMLElement | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const image = images[index];

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open && typeof d.showModal === 'function') d.showModal();
    return () => {
      // Whatever closed it (Escape, the Close button, navigation), the opener gets focus back.
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, [returnFocus]);

  function onKeyDown(e: KeyboardEvent) {
    if (images.length < 2) return;
    if (e.key === 'ArrowRight') onIndex((index + 1) % images.length);
    else if (e.key === 'ArrowLeft') onIndex((index - 1 + images.length) % images.length);
    else return;
    e.preventDefault();
  }

  if (!image) return null;
  return (
    <dialog ref={dialog} className="lightbox" aria-label={`Image ${index + 1} of ${images.length}`} onClose={onClose} onCancel={onClose} onKeyDown={onKeyDown}>
      <figure>
        <img src={image.url} alt={image.alt} width={image.width} height={image.height} />
        <figcaption>{image.alt}</figcaption>
      </figure>
      <div className="lightbox-bar">
        {images.length > 1 && (
          <button type="button" className="btn btn-ghost" onClick={() => onIndex((index - 1 + images.length) % images.length)} aria-label="Previous image">
            ‹
          </button>
        )}
        <button type="button" className="btn btn-secondary" onClick={onClose} autoFocus>
          Close
        </button>
        {images.length > 1 && (
          <button type="button" className="btn btn-ghost" onClick={() => onIndex((index + 1) % images.length)} aria-label="Next image">
            ›
          </button>
        )}
      </div>
    </dialog>
  );
}
