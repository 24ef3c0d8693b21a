import mongoose from 'mongoose';
import { DirectLineAuthError } from '../../../src/channels/directline/errors';
import { DirectLineTokens, TokenSecretSource } from '../../../src/channels/directline/tokenService';

describe('local Direct Line tokens', () => {
  let now = Date.parse('2026-03-02T10:00:00Z');
  const connection = mongoose.createConnection();
  const tokens = new DirectLineTokens(new TokenSecretSource(connection, 'configured-secret'), 1800, 7200, () => now);
  const other = new DirectLineTokens(new TokenSecretSource(connection, 'another-deployment'), 1800, 7200, () => now);
  const bearer = (token: string) => `Bearer ${token}`;
  const status = (p: Promise<unknown>) =>
    p.then(
      () => 200,
      (err: DirectLineAuthError) => err.status,
    );

  afterAll(async () => {
    await connection.close();
  });

  it('accepts its own token for its conversation only', async () => {
    const { token, expires_in } = await tokens.issue('lotse-dl-a', 'user-a');
    expect(expires_in).toBe(1800);
    await expect(tokens.verify(bearer(token), { conversationId: 'lotse-dl-a' })).resolves.toMatchObject({
      conversationId: 'lotse-dl-a',
      userId: 'user-a',
    });
    expect(await status(tokens.verify(bearer(token), { conversationId: 'lotse-dl-b' }))).toBe(403);
  });

  it('rejects a token signed with another key, a missing one and garbage', async () => {
    const { token } = await other.issue('lotse-dl-a', 'user-a');
    expect(await status(tokens.verify(bearer(token)))).toBe(403);
    expect(await status(tokens.verify(undefined))).toBe(401);
    expect(await status(tokens.verify('Bearer dl1.e30.AAAA'))).toBe(403);
  });

  it('expires after 30 minutes, but can still be refreshed for a while after (a reload after a break)', async () => {
    const { token } = await tokens.issue('lotse-dl-a', 'user-a');
    now += 31 * 60 * 1000;
    expect(await status(tokens.verify(bearer(token)))).toBe(403);
    expect(await status(tokens.verify(bearer(token), { forRefresh: true }))).toBe(200);
    now += 2 * 60 * 60 * 1000;
    expect(await status(tokens.verify(bearer(token), { forRefresh: true }))).toBe(403);
  });
});
