import { useState } from 'react';
import { isAttachmentReady, type Attachment } from './media-picker.tsx';

/** The images a form (composer or reply box) is attaching, and what its mutation needs of them. */
export interface Attachments {
  attachments: Attachment[];
  setAttachments(next: (list: Attachment[]) => Attachment[]): void;
  /** Why the last chosen files were not all attached (wrong type, too large, too many). */
  problem: string | undefined;
  setProblem(message: string | undefined): void;
  /** Every image uploaded, accepted and described (true with none). */
  ready: boolean;
  missingAlt: boolean;
  /** The mutation's `media` argument: undefined without images. */
  input(): { key: string; alt: string }[] | undefined;
  clear(): void;
}

/** State for AddImagesButton and AttachmentList, shared by every form that posts a crud. */
export function useAttachments(): Attachments {
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [problem, setProblem] = useState<string>();
  return {
    attachments,
    setAttachments,
    problem,
    setProblem,
    ready: attachments.every(isAttachmentReady),
    missingAlt: attachments.some((a) => a.alt.trim() === ''),
    input: () => (attachments.length > 0 ? attachments.map((a) => ({ key: a.upload.kind === 'ready' ? a.upload.key : '', alt: a.alt.trim() })) : undefined),
    clear: () => {
      setAttachments([]);
      setProblem(undefined);
    },
  };
}
