/**
 * PUTs a file straight to storage (a presigned S3 URL) with upload progress. XMLHttpRequest,
 * not fetch: only XHR reports upload progress in every browser. Headers are sent exactly as
 * signed, except Content-Length, which browsers set themselves from the body (and forbid scripts
 * to set); it is signed too, so a body of another size is refused by storage.
 */
export interface UploadHeader {
  name: string;
  value: string;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** S3's error code (`SignatureDoesNotMatch`, `AccessDenied` …) when the answer carried one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export function putWithProgress(url: string, file: Blob, headers: UploadHeader[], onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const h of headers) if (h.name.toLowerCase() !== 'content-length') xhr.setRequestHeader(h.name, h.value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      const code = /<Code>([^<]+)<\/Code>/.exec(xhr.responseText ?? '')?.[1];
      reject(new UploadError(`Upload refused (${xhr.status}${code ? ` ${code}` : ''})`, xhr.status, code));
    };
    xhr.onerror = () => reject(new UploadError('Upload failed: storage could not be reached', 0));
    xhr.onabort = () => reject(new UploadError('Upload cancelled', 0));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
