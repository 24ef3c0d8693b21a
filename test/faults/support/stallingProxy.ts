import net from 'node:net';

/**
 * A TCP proxy in front of the database that can go silent: while stalled it keeps every
 * connection open and accepts new ones, but forwards nothing in either direction, the way a
 * frozen server or a network partition looks to a client (no reset, no close, just no answer).
 */
export class StallingProxy {
  private stalled = false;
  private readonly sockets = new Set<net.Socket>();
  /** What arrived while stalled, in arrival order, delivered on `resume()`. */
  private readonly held: Array<{ to: net.Socket; data: Buffer }> = [];

  private constructor(private readonly server: net.Server) {}

  static async start(targetHost: string, targetPort: number): Promise<StallingProxy> {
    const server = net.createServer();
    const proxy = new StallingProxy(server);
    server.on('connection', (client) => proxy.connect(client, targetHost, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  stall(): void {
    this.stalled = true;
  }

  /** Forwards again, first what was held back, in order (TCP would have retransmitted it). */
  resume(): void {
    this.stalled = false;
    for (const { to, data } of this.held.splice(0)) if (!to.destroyed) to.write(data);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private connect(client: net.Socket, host: string, port: number): void {
    const upstream = net.connect(port, host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const pipe = (from: net.Socket, to: net.Socket) => {
      from.on('data', (data: Buffer) => {
        if (this.stalled) this.held.push({ to, data });
        else to.write(data);
      });
      from.on('close', () => to.destroy());
    };
    pipe(client, upstream);
    pipe(upstream, client);
  }
}
