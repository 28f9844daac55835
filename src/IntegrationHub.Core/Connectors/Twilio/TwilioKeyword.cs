namespace IntegrationHub.Core.Connectors.Twilio;

/// <summary>What an inbound message's keyword asks for, as Twilio classifies it.</summary>
internal enum TwilioKeyword
{
    None,
    OptOut,
    OptIn,
    Help,
}
