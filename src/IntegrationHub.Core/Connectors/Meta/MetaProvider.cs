namespace IntegrationHub.Core.Connectors.Meta;

/// <summary>Meta (Facebook and Instagram Lead Ads, through Graph API webhooks), signed with the app secret.</summary>
public static class MetaProvider
{
    public const string Id = "meta";

    /// <summary><c>sha256=&lt;hex&gt;</c>, the same scheme as GitHub's header of the same name.</summary>
    public const string SignatureHeader = "X-Hub-Signature-256";

    /// <summary>The connection setting holding the verify token that the GET subscription handshake echoes.</summary>
    public const string VerifyTokenSetting = "VerifyToken";
}
