namespace IntegrationHub.Core.Ports;

/// <summary>Rows an identity snapshot was loaded from changed before its results were written: another worker applied
/// an event connected to the same people. Loading again and re-applying is always safe, because everything derived is
/// a function of the stored facts; past the retry budget the message is retried later (this is never poison).</summary>
public sealed class IdentityConflictException(string message, Exception? innerException = null)
    : Exception(message, innerException);
