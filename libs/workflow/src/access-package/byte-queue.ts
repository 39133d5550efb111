/** Bytes waiting to be cut into fixed-size pieces, kept as a list so small writes are not copied each time. */
export class ByteQueue {
  private parts: Buffer[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(bytes: Buffer): void {
    if (bytes.length > 0) {
      this.parts.push(bytes);
      this.size += bytes.length;
    }
  }

  /** Removes and returns the first `count` bytes (fewer when fewer are queued). */
  take(count: number): Buffer {
    const wanted = Math.min(count, this.size);
    const out: Buffer[] = [];
    let have = 0;
    while (have < wanted) {
      const head = this.parts[0];
      const need = wanted - have;
      if (head.length <= need) {
        out.push(head);
        have += head.length;
        this.parts.shift();
      } else {
        out.push(head.subarray(0, need));
        this.parts[0] = head.subarray(need);
        have += need;
      }
    }
    this.size -= wanted;
    return out.length === 1 ? out[0] : Buffer.concat(out, wanted);
  }
}
