import type { Activity } from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  BotFrameworkClient,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';

/** Distinct (app, serviceUrl, audience) clients kept; Direct Line, WhatsApp and Teams need a handful. */
const MAX_CLIENTS = 64;

/** A small map that forgets its oldest entry when full (serviceUrl comes from the request). */
class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  getOrCreate(key: string, create: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const value = create();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** The app id botbuilder builds clients for: the token's audience, else its appid claim. */
function appIdOf(claims: ClaimsIdentity): string {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/**
 * CloudAdapter builds a new ConnectorClient and UserTokenClient (each with its own HTTP pipeline)
 * for every incoming activity, even when the replies go back in the response (expectReplies);
 * that was a tenth of a customer turn's CPU. This wrapper hands out one client per app id,
 * serviceUrl and audience instead; they hold no per-turn state. Authentication itself is left
 * entirely to the wrapped instance.
 */
export class ReusedConnectorsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly userTokenClients = new BoundedCache<Promise<UserTokenClient>>(MAX_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReusedConnectors(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.withReusedConnectors(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(appIdOf(claimsIdentity), this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    return this.userTokenClients.getOrCreate(key, () =>
      this.forgetOnFailure(this.inner.createUserTokenClient(claimsIdentity), () => this.userTokenClients.delete(key)),
    );
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private withReusedConnectors(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(appIdOf(result.claimsIdentity), result.connectorFactory) };
  }

  private reusing(appId: string, factory: ConnectorFactory): ConnectorFactory {
    const connectors = this.connectors;
    const forgetOnFailure = this.forgetOnFailure.bind(this);
    return {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = JSON.stringify([appId, serviceUrl, audience ?? null]);
        return connectors.getOrCreate(key, () =>
          forgetOnFailure(factory.create(serviceUrl, audience), () => connectors.delete(key)),
        );
      },
    };
  }

  /** A failed creation (e.g. credentials not reachable) is tried again on the next turn. */
  private forgetOnFailure<T>(created: Promise<T>, forget: () => void): Promise<T> {
    created.catch(() => forget());
    return created;
  }
}
