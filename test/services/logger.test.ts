import { Writable } from 'node:stream';
import { createLogger } from '../../src/services/logger';

function capture(): { stream: Writable; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('') };
}

describe('logger', () => {
  it('masks card numbers, IBANs and phone numbers quoted in an error message, spaces and all', () => {
    const { stream, lines } = capture();
    const logger = createLogger('info', stream);
    const err = new Error(
      'rejected IBAN DE89 3704 0044 0532 0130 00 and card 4111 1111 1111 1111 from +49 151 2345678',
    );
    logger.error({ err, conversationId: 'c1' }, 'upstream refused');
    const out = lines();
    expect(out).toContain('upstream refused');
    expect(out).not.toContain('0532 0130');
    expect(out).not.toContain('1111 1111 1111');
    expect(out).not.toContain('2345678');
  });
});
