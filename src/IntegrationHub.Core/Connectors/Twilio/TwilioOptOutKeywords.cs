using System.Collections.Frozen;

namespace IntegrationHub.Core.Connectors.Twilio;

/// <summary>Twilio's opt-out handling: the <c>OptOutType</c> parameter (<c>STOP</c>, <c>START</c>, <c>HELP</c>) that a
/// Messaging Service with Advanced Opt-Out adds, else Twilio's default English keywords, which Twilio applies to SMS
/// only and only when the whole body is the keyword (any case).</summary>
internal static class TwilioOptOutKeywords
{
    private static readonly FrozenSet<string> OptOut = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

    // Twilio's default list also has YES. A bare "yes" usually answers a question ("Reply YES to confirm"), so it is
    // not read as an opt-in unless Twilio itself says so through OptOutType.
    private static readonly FrozenSet<string> OptIn = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "START", "UNSTOP");

    private static readonly FrozenSet<string> Help = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "HELP", "INFO");

    public static TwilioKeyword Classify(string? optOutType, string channel, string? body)
    {
        if (optOutType is not null)
        {
            return optOutType.ToUpperInvariant() switch
            {
                "STOP" => TwilioKeyword.OptOut,
                "START" => TwilioKeyword.OptIn,
                "HELP" => TwilioKeyword.Help,
                _ => TwilioKeyword.None,
            };
        }
        if (channel != TwilioNormaliser.SmsChannel || body is null)
        {
            return TwilioKeyword.None;
        }
        var keyword = body.Trim();
        return OptOut.Contains(keyword) ? TwilioKeyword.OptOut
            : OptIn.Contains(keyword) ? TwilioKeyword.OptIn
            : Help.Contains(keyword) ? TwilioKeyword.Help
            : TwilioKeyword.None;
    }
}
