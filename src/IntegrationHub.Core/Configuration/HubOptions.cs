using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Core.Configuration;

/// <summary>The hub's own settings: configuration section <c>Hub</c>.</summary>
public sealed class HubOptions
{
    public const string SectionName = "Hub";

    /// <summary>Configured sources, keyed by connection name (the <c>{connection}</c> in <c>/api/webhooks/{connection}</c>).</summary>
    public Dictionary<string, ConnectionOptions> Connections { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Largest webhook body accepted, in bytes; larger deliveries get 413.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How far a signed timestamp may be from now, either way, before the delivery is refused as stale.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>ISO 3166 region used to read phone numbers written without a country code.</summary>
    [Required, StringLength(2, MinimumLength = 2)]
    public string DefaultPhoneRegion { get; set; } = "US";
}
