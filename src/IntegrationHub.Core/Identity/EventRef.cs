namespace IntegrationHub.Core.Identity;

/// <summary>Names one source event: its connection and its event id. Orders ordinally by connection, then id.</summary>
public sealed record EventRef(string Connection, string EventId) : IComparable<EventRef>
{
    public int CompareTo(EventRef? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byConnection = string.CompareOrdinal(Connection, other.Connection);
        return byConnection != 0 ? byConnection : string.CompareOrdinal(EventId, other.EventId);
    }

    public static bool operator <(EventRef? left, EventRef? right) => Compare(left, right) < 0;

    public static bool operator <=(EventRef? left, EventRef? right) => Compare(left, right) <= 0;

    public static bool operator >(EventRef? left, EventRef? right) => Compare(left, right) > 0;

    public static bool operator >=(EventRef? left, EventRef? right) => Compare(left, right) >= 0;

    private static int Compare(EventRef? left, EventRef? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    public override string ToString() => $"{Connection}/{EventId}";
}
