import {
  Activity,
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  ClaimsIdentity,
} from 'botframework-connector';

export interface BotAuthSettings {
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppTenantId: string;
  microsoftAppType: string;
  /** OpenID metadata for tokens from Bot Framework channels; empty: Microsoft's public cloud. */
  openIdMetadataUrl: string;
}

/**
 * Bot Framework authentication for POST /api/messages. With an empty app id it is off (local use);
 * otherwise every request needs a channel JWT signed by a key from the OpenID metadata, issued by
 * Bot Framework, for our app id and the activity's serviceUrl.
 */
export function createBotFrameworkAuthentication(settings: BotAuthSettings): ConfigurationBotFrameworkAuthentication {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: settings.microsoftAppId,
    MicrosoftAppPassword: settings.microsoftAppPassword,
    MicrosoftAppTenantId: settings.microsoftAppTenantId,
    MicrosoftAppType: settings.microsoftAppType,
  };
  if (settings.openIdMetadataUrl) {
    // botbuilder takes any one of these "parameterized" settings as a full custom cloud, so the
    // rest must be given with their public-cloud values.
    Object.assign(options, {
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: settings.openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    });
  }
  return new StrictBotFrameworkAuthentication(options);
}

/**
 * botbuilder answers 500 when a token names a known key but its signature does not verify (the
 * JWT library's error is not an AuthenticationError); a forged token is the caller's fault: 401.
 */
class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return asAuthError(() => super.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return asAuthError(() => super.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return asAuthError(() => super.authenticateChannelRequest(authHeader));
  }
}

const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

async function asAuthError<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (JWT_ERRORS.has((err as Error)?.name))
      throw new AuthenticationError(`Unauthorized: ${(err as Error).message}`, 401);
    throw err;
  }
}
