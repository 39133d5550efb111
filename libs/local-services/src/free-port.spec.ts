import { createServer } from 'node:net';
import { freePort, isPortFree } from './free-port';

describe('freePort', () => {
  it('returns a port that can be bound on loopback', async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
  });

  it('returns the preferred port when it is free and another one when it is taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(await isPortFree(port)).toBe(false);
      expect(await freePort(port)).not.toBe(port);
    } finally {
      taken.close();
    }
    expect(await freePort(port)).toBe(port);
  });
});
