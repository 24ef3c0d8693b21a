// Lotse on Azure Container Apps with an Azure Bot (Teams channel on). MongoDB is not created here:
// pass the connection string of a MongoDB Atlas cluster or of Azure Cosmos DB for MongoDB (vCore).
// Build and push the image first (see the README, "Deploy to Azure"), then:
//   az deployment group create -g <group> -f deploy/main.bicep -p containerImage=... mongodbUri=... \
//     microsoftAppId=... microsoftAppPassword=... adminApiToken=... directLineTokenSecret=...
// The app registration (MicrosoftAppId, single tenant) is made in Entra ID beforehand.

@description('Short name used for every resource (letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string = 'lotse'

param location string = resourceGroup().location

@description('The image built from this repository\'s Dockerfile, e.g. myregistry.azurecr.io/lotse:1.0.0')
param containerImage string

@description('Login server of the image registry; empty for a public image.')
param registryServer string = ''
param registryUsername string = ''
@secure()
param registryPassword string = ''

@description('mongodb+srv://... of Atlas, or the connection string of Cosmos DB for MongoDB (vCore).')
@secure()
param mongodbUri string

@description('Application (client) id of the bot\'s Entra ID app registration (single tenant).')
param microsoftAppId string
@secure()
param microsoftAppPassword string
param microsoftAppTenantId string = subscription().tenantId

@description('Bootstraps the first admin; replace it with personal tokens afterwards.')
@secure()
param adminApiToken string
@description('Signs the tokens of the web page\'s Direct Line; the same for every replica (at least 32 characters).')
@secure()
param directLineTokenSecret string
@description('Bearer token for GET /metrics; empty leaves /metrics open.')
@secure()
param metricsToken string = ''

@description('The agents\' Teams team (both empty: agents work on the desk page only).')
param teamsTenantId string = ''
param teamsAgentTeamId string = ''

param companyName string = 'Muster Telekom'
@minValue(1)
@maxValue(10)
param minReplicas int = 1
@minValue(1)
@maxValue(30)
param maxReplicas int = 3
@allowed(['F0', 'S1'])
param botSku string = 'F0'

var port = 3978
var usesRegistry = !empty(registryServer)
var registry = {
  server: registryServer
  username: registryUsername
  passwordSecretRef: 'registry-password'
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

// The app's address is <app name>.<environment domain>; known before the app exists, so the app can
// be told its own public URL.
var publicUrl = 'https://${name}.${environment.properties.defaultDomain}'

// Container Apps refuses secrets without a value: the optional ones only when given.
var secrets = concat(
  [
    { name: 'mongodb-uri', value: mongodbUri }
    { name: 'microsoft-app-password', value: microsoftAppPassword }
    { name: 'admin-api-token', value: adminApiToken }
    { name: 'direct-line-token-secret', value: directLineTokenSecret }
  ],
  empty(metricsToken) ? [] : [{ name: 'metrics-token', value: metricsToken }],
  usesRegistry ? [{ name: 'registry-password', value: registryPassword }] : []
)

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      secrets: secrets
      registries: usesRegistry ? [registry] : []
    }
    template: {
      containers: [
        {
          name: 'lotse'
          image: containerImage
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat([
            { name: 'PORT', value: string(port) }
            { name: 'HOST', value: '0.0.0.0' }
            { name: 'PUBLIC_URL', value: publicUrl }
            // One proxy (the Container Apps ingress) in front: its X-Forwarded-For names the client.
            { name: 'TRUST_PROXY', value: '1' }
            { name: 'MONGODB_URI', secretRef: 'mongodb-uri' }
            { name: 'MicrosoftAppId', value: microsoftAppId }
            { name: 'MicrosoftAppPassword', secretRef: 'microsoft-app-password' }
            { name: 'MicrosoftAppType', value: 'SingleTenant' }
            { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
            { name: 'ADMIN_API_TOKEN', secretRef: 'admin-api-token' }
            { name: 'DIRECT_LINE_TOKEN_SECRET', secretRef: 'direct-line-token-secret' }
            { name: 'TEAMS_TENANT_ID', value: teamsTenantId }
            { name: 'TEAMS_AGENT_TEAM_ID', value: teamsAgentTeamId }
            { name: 'COMPANY_NAME', value: companyName }
            // The image carries no embedding model; set EMBEDDINGS_URL (e.g. Azure OpenAI) to use one.
            { name: 'EMBEDDINGS', value: 'off' }
          ], empty(metricsToken) ? [] : [{ name: 'METRICS_TOKEN', secretRef: 'metrics-token' }])
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: port }
              periodSeconds: 15
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: port }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: { metadata: { concurrentRequests: '50' } }
          }
        ]
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: name
    endpoint: '${publicUrl}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
  }
  dependsOn: [app]
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output url string = publicUrl
output messagingEndpoint string = bot.properties.endpoint
