/**
 * A recorded file sent as a reply over tus 1.0.0 at <uplinkUrl>/tus/ (PROTOCOL.md section 5) with tus-js-client,
 * which Replycast serves itself: creation is the start signal, each PATCH is acknowledged once its bytes are
 * durable, and an interrupted upload goes on from the offset the server has.
 */

const tus = globalThis.tus;

// A PATCH per 4 MiB: progress and a resume after a drop never lose more than that.
const CHUNK_BYTES = 4 * 1024 * 1024;
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10000, 20000];

/**
 * Starts the upload.
 *
 * @param handlers onCreated(messageId) once the server made the message; onProgress(acked, sent, total) in bytes;
 *     onUploaded(messageId) once every byte is acknowledged; onFailed({title, detail}) with the server's problem
 *     details when it refused
 * @return the tus upload, whose abort(true) drops it on the server too
 */
export function uploadFile(uplinkUrl, file, title, handlers) {
  let acked = 0;
  const upload = new tus.Upload(file, {
    endpoint: new URL(`${uplinkUrl}/tus/`, location.href).href,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS_MS,
    metadata: { filename: file.name, filetype: file.type || 'application/octet-stream', ...(title ? { title } : {}) },
    removeFingerprintOnSuccess: true,
    onUploadUrlAvailable: () => handlers.onCreated(messageIdOf(upload)),
    onProgress: (sent, total) => handlers.onProgress(acked, sent, total),
    onChunkComplete: (size, accepted, total) => {
      acked = accepted;
      handlers.onProgress(accepted, accepted, total);
    },
    onSuccess: () => handlers.onUploaded(messageIdOf(upload)),
    onError: (error) => handlers.onFailed(problemOf(error)),
  });
  upload.start();
  return upload;
}

/** The upload's URL ends in the message id. */
function messageIdOf(upload) {
  return new URL(upload.url, location.href).pathname.split('/').pop();
}

/** The server's problem details when it answered, else what tus-js-client says went wrong. */
function problemOf(error) {
  const response = error.originalResponse;
  if (response) {
    try {
      const problem = JSON.parse(response.getBody());
      return { title: problem.title ?? `HTTP ${response.getStatus()}`, detail: problem.detail ?? '' };
    } catch {
      return { title: `The server answered ${response.getStatus()}`, detail: '' };
    }
  }
  return { title: 'The file could not be sent', detail: error.message };
}
