namespace IntegrationHub.Infrastructure.Storage;

/// <summary>A write would exceed a limit of Azure Storage (which Azurite does not always enforce), so it was refused
/// before anything was written.</summary>
public sealed class StorageLimitExceededException(string message) : InvalidOperationException(message);
