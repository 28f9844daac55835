using IntegrationHub.Core.Configuration;

namespace IntegrationHub.Core.Connectors.Meta;

/// <summary>A Meta connection needs its verify token: Meta checks the webhook URL with a GET that echoes it before it
/// delivers anything, and without it no subscription can be made.</summary>
public sealed class MetaConnectionValidator : IConnectionValidator
{
    public string Provider => MetaProvider.Id;

    public IEnumerable<string> Problems(ConnectionOptions connection)
    {
        if (string.IsNullOrWhiteSpace(connection.Settings.GetValueOrDefault(MetaProvider.VerifyTokenSetting)))
        {
            yield return $"Settings:{MetaProvider.VerifyTokenSetting} must be set: Meta's subscription check sends it as "
                + $"{MetaHandshake.VerifyTokenParameter} and is refused without it.";
        }
    }
}
