namespace IntegrationHub.Core.Identity;

/// <summary>What happened to a profile when the graph changed.</summary>
public enum IdentityChangeKind
{
    /// <summary>A new profile.</summary>
    Created,

    /// <summary>Same id, new events or identifiers: recompute its fields.</summary>
    Updated,

    /// <summary><c>Others</c> were merged into <c>ProfileId</c> and now resolve to it; <c>LinkedBy</c> says which
    /// identifier of which event linked them.</summary>
    Merged,

    /// <summary><c>ProfileId</c> was split into <c>Others</c> (an unlink, a shared identifier).</summary>
    Split,

    /// <summary>The same person now has the id <c>Others[0]</c> (an earlier event arrived late); the old id resolves.</summary>
    Renamed,

    /// <summary>None of its events can be linked to anyone any more (every identifier blocked or shared).</summary>
    Removed,
}
