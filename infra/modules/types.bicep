// Parameter shapes shared by main.bicep and its modules.

@export()
@description('A configured source of webhooks (Hub:Connections:{name}). Its signing secret lives in Key Vault.')
type connection = {
  @description('Connection name: the {connection} in POST /api/webhooks/{connection}. Letters, digits and underscores (Linux app setting names allow no hyphens).')
  @minLength(1)
  name: string

  @description('Provider id, lowercase kebab-case, for example standard-webhooks.')
  @minLength(1)
  provider: string

  @description('Name of the Key Vault secret holding the signing secret (letters, digits and hyphens).')
  @minLength(1)
  @maxLength(127)
  secretName: string
}

@export()
@description('Always-ready instances for one Flex Consumption scale group: http, durable, or function:<FunctionName>.')
type alwaysReadyGroup = {
  @minLength(1)
  name: string

  @minValue(0)
  @maxValue(1000)
  instanceCount: int
}

@export()
@description('Resource tags: names to string values.')
type tagSet = {
  *: string
}
