import mongoose, { mongo, Schema } from 'mongoose';
import { isConnectivityError } from '../../../src/services/database/errors';

describe('isConnectivityError', () => {
  it('counts a database that did not answer within the operation bound as unreachable', () => {
    expect(isConnectivityError(new mongo.MongoOperationTimeoutError('Timed out during socket read (5000ms)'))).toBe(
      true,
    );
    // What a bulk write throws when server selection ran out of the bound: its own name, the cause only in words.
    const bulk = new mongo.MongoBulkWriteError(
      { message: 'Timed out during server selection', code: 0, writeErrors: [] },
      {} as never,
    );
    expect(isConnectivityError(bulk)).toBe(true);
  });

  it('counts a command that mongoose held while disconnected until its buffer ran out as unreachable', async () => {
    // A connection that is not open buffers the command, then gives up as it does while the server is down.
    const connection = mongoose.createConnection();
    const model = connection.model('BufferedProbe', new Schema({ name: String }, { bufferTimeoutMS: 50 }));
    const err = await model
      .find()
      .exec()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(Error);
    expect(isConnectivityError(err)).toBe(true);
    await connection.close();
  });

  it('counts a server shutting down, or one that lost the cursor of a read across a restart, as unreachable', () => {
    expect(isConnectivityError(new mongo.MongoServerError({ message: 'interrupted at shutdown', code: 11600 }))).toBe(
      true,
    );
    expect(isConnectivityError(new mongo.MongoServerError({ message: 'cursor id 42 not found', code: 43 }))).toBe(true);
    // The driver's server object closed under a running operation (its monitor saw the server go).
    expect(isConnectivityError(new mongo.MongoServerClosedError())).toBe(true);
  });

  it('does not count a refused write or a bad query as an outage', () => {
    const duplicate = new mongo.MongoBulkWriteError(
      { message: 'E11000 duplicate key error collection: x.y', code: 11000, writeErrors: [] },
      {} as never,
    );
    expect(isConnectivityError(duplicate)).toBe(false);
    expect(isConnectivityError(new mongo.MongoServerError({ message: 'unknown operator: $foo', code: 2 }))).toBe(false);
  });
});
