namespace IntegrationHub.Core.Webhooks;

/// <summary>An archived delivery cannot be read: processing it again will not help (a poison message).</summary>
public sealed class MalformedPayloadException(string message) : Exception(message);
