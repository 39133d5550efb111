/**
 * Reads a fetch response's body up to `maxBytes`, cancelling the stream and throwing `tooLarge()`
 * beyond it: a provider's answer must not fill our memory. An absent body reads as empty.
 */
export async function readLimitedBody(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  if (!response.body) {
    return Buffer.alloc(0);
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
