namespace IntegrationHub.Infrastructure.Archive;

/// <summary>Property names of an archived delivery's table entity.</summary>
internal static class DeliveryEntity
{
    public const string Provider = "Provider";
    public const string ReceivedAt = "ReceivedAt";
    public const string Headers = "Headers";
    public const string Enqueued = "Enqueued";
    public const string Body = "Body";
    public const string BodyBlob = "BodyBlob";

    /// <summary>Bodies up to this size live in the entity (a binary property holds 64 KiB); larger ones in a blob.</summary>
    public const int MaxInlineBody = 48 * 1024;

    /// <summary>A string property holds 64 KiB, i.e. 32K UTF-16 characters.</summary>
    public const int MaxStringLength = 32 * 1024;
}
