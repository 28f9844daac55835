using IntegrationHub.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors;

/// <summary>Puts back the connection settings whose names hold the configuration path separator, such as Marketo's
/// <c>EventType:{type}</c>. Configuration reads <c>Settings:EventType:lead</c> — however it was written: a JSON key
/// <c>"EventType:lead"</c> or nested objects, an environment variable <c>Hub__Connections__X__Settings__EventType__lead</c>,
/// a <c>local.settings.json</c> value — as a section nested under <c>Settings</c>, which binding a flat dictionary of
/// strings drops. Each such value is added back under its path below <c>Settings</c> (<c>EventType:lead</c>), the name
/// the connectors read and the one code and <c>hub webhooks verify --setting</c> use.</summary>
public sealed class NestedConnectionSettings(IConfiguration configuration) : IPostConfigureOptions<HubOptions>
{
    public void PostConfigure(string? name, HubOptions options)
    {
        foreach (var section in configuration.GetSection($"{HubOptions.SectionName}:{nameof(HubOptions.Connections)}").GetChildren())
        {
            if (!options.Connections.TryGetValue(section.Key, out var connection))
            {
                continue;
            }
            foreach (var (path, value) in section.GetSection(nameof(ConnectionOptions.Settings)).AsEnumerable(makePathsRelative: true))
            {
                if (value is not null && path.Contains(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal))
                {
                    connection.Settings[path] = value;
                }
            }
        }
    }
}
