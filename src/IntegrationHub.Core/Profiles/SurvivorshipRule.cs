namespace IntegrationHub.Core.Profiles;

/// <summary>How a single-valued field chooses among its sources' values. Every rule ends in the same deterministic
/// tie-break (source, then source record id, then value, ordinally), so the winner never depends on arrival order.</summary>
public enum SurvivorshipRule
{
    /// <summary>The most recent source event time wins.</summary>
    MostRecent,

    /// <summary>The value from the highest-priority source wins; within a priority, the most recent.</summary>
    SourcePriority,

    /// <summary>The longest value wins (<c>Ada Augusta</c> over <c>A.</c>); then the most recent.</summary>
    MostComplete,

    /// <summary>The earliest value wins, and each source record contributes its earliest value: for fields that record
    /// an origin, such as the first company or city a person was known by.</summary>
    FirstSeen,
}
